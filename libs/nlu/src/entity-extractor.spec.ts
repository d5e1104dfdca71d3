import { findFixturePair, findPick, matchEntities, namesOf } from './entity-extractor.js';
import { normalizeText, tokenize } from './text-normalizer.js';
import { TEST_LEXICON } from './testing/test-lexicon.js';

const parse = (text: string) => {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const keys = tokens.map((t) => t.key);
  const hyphenAfter = tokens.map((t, i) => i + 1 < tokens.length && normalized.slice(t.end, tokens[i + 1].start) === '-');
  const matches = matchEntities(TEST_LEXICON, keys, [], hyphenAfter);
  return { normalized, tokens, keys, matches };
};

describe('matchEntities', () => {
  it('reads a hyphenated pair of teams as a fixture, not as one club', () => {
    expect(namesOf(parse('Inter-Milan').matches, ['team'])).toEqual(['Inter', 'AC Milan']);
    expect(namesOf(parse('Inter Milan').matches, ['team'])).toEqual(['Inter']);
  });

  it('skips blocked tokens', () => {
    const { keys } = parse('50 barca');
    expect(namesOf(matchEntities(TEST_LEXICON, keys, [false, true]), ['team'])).toEqual([]);
  });
});

describe('findPick', () => {
  it.each([
    ['€50 on Chelsea', true, 'Chelsea'],
    ['apuesto 20 al Madrid', true, 'Real Madrid'],
    ['si gana el Barça', false, 'Barcelona'],
    ['Chelsea to win', false, 'Chelsea'],
    ['victoria del Atleti', false, 'Atletico Madrid'],
    ['when does Chelsea play on Sunday', false, undefined],
    ['odds on Chelsea', false, undefined],
  ])('%s → %s', (text, betting, pick) => {
    const { keys, matches } = parse(text);
    expect(findPick(matches, keys, betting)).toBe(pick);
  });
});

describe('findFixturePair', () => {
  it.each([
    ['Barça vs Madrid', ['Barcelona', 'Real Madrid']],
    ['Chelsea v Man Utd', ['Chelsea', 'Manchester United']],
    ['Atleti - Barça', ['Atletico Madrid', 'Barcelona']],
    ['Madrid contra el Barça', undefined],
    ['Chelsea and then later Barcelona', undefined],
  ])('%s → %j', (text, pair) => {
    const { normalized, tokens, matches } = parse(text);
    expect(findFixturePair(matches, tokens, normalized)).toEqual(pair);
  });
});
