import { DERBIES, TEAMS, TOURNAMENTS } from '@app/sports-data';
import { buildLexicon, type NluLexicon } from './nlu-lexicon.js';
import { NluService, type NluServiceOptions } from './nlu.service.js';

/** Lexicon over the shared sports-data directory, built once at import. */
export const DEFAULT_LEXICON: NluLexicon = buildLexicon(TEAMS, TOURNAMENTS, DERBIES);

/** An NluService over the shared directory, for scripts and tests outside Nest. */
export function createDefaultNluService(options?: NluServiceOptions): NluService {
  return new NluService(DEFAULT_LEXICON, options);
}
