import { InvalidMessageFormatError } from './live-updates.errors.js';
import { MAX_ENTRIES_PER_LIST, parseCompetitions, parseSubscriptionRequest } from './subscription-request.js';

function messageOf(payload: unknown, action: 'subscribe' | 'unsubscribe' = 'subscribe'): string {
  try {
    parseSubscriptionRequest(payload, action);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidMessageFormatError);
    return (error as Error).message;
  }
  throw new Error('expected the payload to be rejected');
}

describe('parseSubscriptionRequest', () => {
  it('reads fixture ids, team and tournament names, dropping repeats and outer spaces', () => {
    expect(parseSubscriptionRequest({ fixture_ids: ['123', '123'], teams: [' Barça ', 'Real Madrid'], tournaments: ['La Liga'] }, 'subscribe')).toEqual({
      fixtureIds: ['123'],
      teams: ['Barça', 'Real Madrid'],
      tournaments: ['La Liga'],
    });
  });

  it('accepts names in other scripts and with the punctuation clubs use', () => {
    expect(parseSubscriptionRequest({ teams: ["Borussia M'gladbach", 'Brighton & Hove Albion', 'Bayern München', 'ЦСКА'] }, 'subscribe').teams).toHaveLength(4);
  });

  it('lets an empty unsubscribe mean everything, but not an empty subscribe', () => {
    expect(parseSubscriptionRequest({}, 'unsubscribe')).toEqual({ fixtureIds: [], teams: [], tournaments: [] });
    expect(messageOf({})).toBe('subscribe needs at least one of fixture_ids, teams or tournaments');
  });

  it.each([
    ['a string', 'barcelona', 'subscribe expects an object {fixture_ids?, teams?, tournaments?} of string arrays'],
    ['null', null, 'subscribe expects an object'],
    ['an array', ['123'], 'subscribe expects an object'],
    ['a list that is not an array', { fixture_ids: '123' }, 'fixture_ids must be an array of strings'],
    ['a number among the ids', { fixture_ids: [123] }, 'fixture_ids[0] must be a string'],
    ['an id with a path in it', { fixture_ids: ['../etc'] }, 'fixture_ids[0] must be a fixture id'],
    ['markup in a name', { teams: ['<script>'] }, 'teams[0] must be a name'],
    ['a control character in a name', { tournaments: ['La\nLiga'] }, 'tournaments[0] must be a name'],
    ['an empty name', { teams: [''] }, 'teams[0] must be a name'],
    ['a name of 101 characters', { teams: ['a'.repeat(101)] }, 'teams[0] must be a name'],
    ['too many entries', { fixture_ids: Array.from({ length: MAX_ENTRIES_PER_LIST + 1 }, (_, i) => String(i)) }, `fixture_ids must have at most ${MAX_ENTRIES_PER_LIST} entries`],
    ['an unknown field', { fixture_ids: ['1'], colour: 'red' }, 'unknown field colour; expected fixture_ids, teams or tournaments'],
  ])('rejects %s, saying what is wrong', (_label, payload, message) => {
    expect(messageOf(payload)).toContain(message);
  });
});

describe('parseCompetitions', () => {
  it("reads the original protocol's competition ids from a list (numbers too) or the query's comma-separated text", () => {
    expect(parseCompetitions(['10', 566, '10'])).toEqual(['10', '566']);
    expect(parseCompetitions('10, 566,,')).toEqual(['10', '566']);
    expect(parseCompetitions([])).toEqual([]);
  });

  it.each([
    ['an object', { id: '10' }, 'competitions must be an array of strings'],
    ['an id with a path in it', ['../10'], 'competitions[0] must be a competition id'],
    ['a fraction', [1.5], 'competitions[0] must be a string'],
    ['too many ids', Array.from({ length: MAX_ENTRIES_PER_LIST + 1 }, (_, i) => String(i)), `competitions must have at most ${MAX_ENTRIES_PER_LIST} entries`],
  ])('rejects %s, saying what is wrong', (_label, value, message) => {
    expect(() => parseCompetitions(value)).toThrow(InvalidMessageFormatError);
    expect(() => parseCompetitions(value)).toThrow(message);
  });
});
