import { DEFAULT_LEXICON } from './default-lexicon.js';
import { matchEntities, namesOf } from './entity-extractor.js';
import { buildLexicon } from './nlu-lexicon.js';
import { normalizeText, tokenize } from './text-normalizer.js';
import { TEST_LEXICON, TEST_TEAMS } from './testing/test-lexicon.js';

const find = (text: string, lexicon = TEST_LEXICON): string[] =>
  namesOf(
    matchEntities(
      lexicon,
      tokenize(normalizeText(text)).map((t) => t.key),
    ),
    ['team', 'derby', 'tournament'],
  );

describe('buildLexicon', () => {
  it('indexes canonical names, Spanish names and aliases, accent-insensitively', () => {
    expect(TEST_LEXICON.phrases.get('barca')?.names).toEqual(['Barcelona']);
    expect(TEST_LEXICON.phrases.get('atletico de madrid')?.names).toEqual(['Atletico Madrid']);
    expect(TEST_LEXICON.phrases.get('liga de campeones')?.names).toEqual(['Champions League']);
  });

  it('derives short forms only when no other team shares them', () => {
    expect(TEST_LEXICON.phrases.get('dortmund')?.names).toEqual(['Borussia Dortmund']);
    expect(TEST_LEXICON.phrases.has('manchester')).toBe(false);
  });

  it('prefers the football club for a name shared across sports', () => {
    expect(TEST_LEXICON.phrases.get('barcelona')?.names).toEqual(['Barcelona']);
  });

  it('adds NLU-only slang for teams that exist and ignores the rest', () => {
    expect(TEST_LEXICON.phrases.get('barsa')?.names).toEqual(['Barcelona']);
    expect(TEST_LEXICON.phrases.get('gunners')).toBeUndefined();
  });

  it('maps derbies to both teams', () => {
    expect(TEST_LEXICON.phrases.get('el clasico')?.names).toEqual(['Barcelona', 'Real Madrid']);
  });

  it('accepts custom synonym tables', () => {
    const lexicon = buildLexicon(TEST_TEAMS, [], [], { teamSynonyms: { Chelsea: ['pensioners'] } });
    expect(lexicon.phrases.get('pensioners')?.names).toEqual(['Chelsea']);
  });
});

describe('matchEntities', () => {
  it('prefers the longest, most specific phrase', () => {
    expect(find('Inter Milan vs Milan')).toEqual(['Inter', 'AC Milan']);
    expect(find('Atlético de Madrid')).toEqual(['Atletico Madrid']);
    expect(find('posiciones de la liga francesa')).toEqual(['Ligue 1']);
    expect(find('la liga de campeones')).toEqual(['Champions League']);
  });

  it('only reads everyday words as teams next to a cue', () => {
    expect(find('como funciona esto')).toEqual([]);
    expect(find('¿y cómo va el Barça?')).toEqual(['Barcelona']);
    expect(find('Inter vs Como')).toEqual(['Inter', 'Como']);
    expect(find('when does Como play')).toEqual(['Como']);
  });
});

describe('DEFAULT_LEXICON', () => {
  it('covers the shared sports-data directory', () => {
    expect(DEFAULT_LEXICON.teamNames.length).toBeGreaterThan(100);
    expect(find('Man Utd vs Spurs', DEFAULT_LEXICON)).toEqual(['Manchester United', 'Tottenham Hotspur']);
    expect(find('el derbi madrileño', DEFAULT_LEXICON)).toEqual(['Real Madrid', 'Atletico Madrid']);
    expect(find('basketball', DEFAULT_LEXICON)).toEqual([]);
  });
});
