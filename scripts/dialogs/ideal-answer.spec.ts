import { evaluateCheck } from './checks.js';
import type { Check, DialogLanguage } from './dialog.types.js';
import { idealAnswer } from './ideal-answer.js';
import { oracle } from './testing/sample-data.js';

const CHECKS: Check[] = [
  { kind: 'fixture', fixture: { team: 'Barcelona', opponent: 'Real Madrid' } },
  { kind: 'odds', fixture: { team: 'Chelsea', date: 'weekend' } },
  { kind: 'odds', fixture: { team: 'Chelsea' }, market: 'over_under', selections: ['over'] },
  { kind: 'favourite', fixture: { team: 'Real Madrid', opponent: 'Atletico Madrid' } },
  { kind: 'payout', stake: 20, legs: [{ team: 'Barcelona', opponent: 'Real Madrid', pick: 'team' }, { team: 'Arsenal', pick: 'draw' }] },
  { kind: 'unknown_team', name: 'Barcelonna', suggest: 'Barcelona' },
  { kind: 'mentions', all: ['apuestas'], any: ['guarantee', 'garantía'] },
  { kind: 'not_mentions', any: ['weather'] },
  { kind: 'no_promise' },
  { kind: 'says_more' },
  { kind: 'asks_back' },
];

describe('idealAnswer', () => {
  it.each<DialogLanguage>(['en', 'es'])('satisfies every check of a turn (%s)', async (language) => {
    const turn = { user: 'x', intents: ['ODDS_INFORMATION_QUERY'], teams: ['Barcelona'], checks: [...CHECKS, { kind: 'language' as const, language }] };
    const answer = await idealAnswer(turn, oracle(), language);
    const failed = [];
    for (const check of turn.checks) {
      const outcome = await evaluateCheck(check, answer, oracle());
      if (!outcome.pass) failed.push(`${check.kind}: ${outcome.detail}`);
    }
    expect(failed).toEqual([]);
    expect(answer).toMatchObject({ detected_intent: 'ODDS_INFORMATION_QUERY', entities: { teams: ['Barcelona'] } });
  });

  it('shows the kick-off time in the zone a local-time check names', async () => {
    const check: Check = { kind: 'local_time', fixture: { team: 'Barcelona', opponent: 'Real Madrid' }, zone: 'America/Bogota' };
    const answer = await idealAnswer({ user: 'x', checks: [check] }, oracle(), 'es');
    expect(answer.message).toContain('15:00 (America/Bogota)');
    expect((await evaluateCheck(check, answer, oracle())).pass).toBe(true);
  });
});
