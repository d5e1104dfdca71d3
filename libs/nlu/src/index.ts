export * from './nlu.types.js';
export { INTENTS, INTENT_NAMES, type IntentDescriptor } from './intent-catalog.js';
export {
  buildLexicon,
  type BuildLexiconOptions,
  type LexiconDerbySource,
  type LexiconEntry,
  type LexiconEntryKind,
  type LexiconTeamSource,
  type LexiconTournamentSource,
  type NluLexicon,
} from './nlu-lexicon.js';
export { NLU_LEXICON, NLU_OPTIONS, NluService, type NluExplanation, type NluServiceOptions } from './nlu.service.js';
export { DEFAULT_LEXICON, createDefaultNluService } from './default-lexicon.js';
export { NluModule } from './nlu.module.js';
export {
  evaluateNlu,
  formatEvaluationReport,
  type EvaluationReport,
  type LabelledUtterance,
  type PrfScore,
} from './nlu-evaluator.js';
export { namingMyTeam } from './fan-cues.js';
