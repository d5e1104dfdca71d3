import { type ChatAnswer, checkIntent, checkTeams, evaluateCheck } from './checks.js';
import type { Check } from './dialog.types.js';
import { oracle } from './testing/sample-data.js';

const answer = (message: string, extra: Partial<ChatAnswer> = {}): ChatAnswer => ({
  message,
  detected_intent: 'ODDS_INFORMATION_QUERY',
  entities: {},
  function_calls_made: [],
  language: 'en',
  ...extra,
});
const passes = async (check: Check, message: string) => (await evaluateCheck(check, answer(message), oracle())).pass;

describe('fixture check', () => {
  const check: Check = { kind: 'fixture', fixture: { team: 'Barcelona' } };

  it("passes when the opponent and the kick-off day in the dialogue's zone are given", async () => {
    expect(await passes(check, 'Barcelona play Chelsea away on Wednesday 9 December at 21:00.')).toBe(true);
    expect(await passes(check, 'El Barça visita a los Blues hoy a las 21:00.')).toBe(true);
  });

  it('fails on another opponent or another day', async () => {
    expect(await passes(check, 'Barcelona play Real Madrid on Saturday 12 December.')).toBe(false);
    expect(await passes(check, 'Barcelona play Chelsea on Thursday 10 December.')).toBe(false);
  });

  it('reports a fixture the data does not have as a data problem', async () => {
    const outcome = await evaluateCheck({ kind: 'fixture', fixture: { team: 'Arsenal', date: 'today' } }, answer('anything'), oracle());
    expect(outcome).toMatchObject({ pass: false, oracleError: true });
  });
});

describe('odds check', () => {
  it('needs every price of the match-winner market by default', async () => {
    const check: Check = { kind: 'odds', fixture: { team: 'Chelsea' } };
    expect(await passes(check, 'Chelsea 3.10, draw 3,60, Barcelona 2.15')).toBe(true);
    expect(await passes(check, 'Chelsea 3.10, Barcelona 2.15')).toBe(false);
  });

  it('reads team and opponent selections from the named team', async () => {
    const check: Check = { kind: 'odds', fixture: { team: 'Barcelona' }, selections: ['team'] };
    expect(await passes(check, 'Barça to win pays 2.15')).toBe(true);
    expect(await passes(check, 'Barça to win pays 3.10')).toBe(false);
  });

  it('also reads selections named by display name or team name', async () => {
    const check: Check = { kind: 'odds', fixture: { team: 'Barcelona' }, selections: ['Draw', 'Chelsea'] };
    expect(await passes(check, 'Draw 3.60, Chelsea 3.10')).toBe(true);
    expect(await passes(check, 'Draw 3.60, Barcelona 2.15')).toBe(false);
  });

  it('uses the date of the reference, not the next fixture', async () => {
    const check: Check = { kind: 'odds', fixture: { team: 'Chelsea', date: 'weekend' } };
    expect(await passes(check, 'Arsenal 2.05, draw 3.50, Chelsea 3.40')).toBe(true);
    expect(await passes(check, 'Chelsea 3.10, draw 3.60, Barcelona 2.15')).toBe(false);
  });

  it('checks another market at its main line', async () => {
    const check: Check = { kind: 'odds', fixture: { team: 'Chelsea' }, market: 'over_under' };
    expect(await passes(check, 'Over 2.5 goals 1.90, under 1.90')).toBe(true);
    expect(await passes(check, 'Over 1.5 goals 1.30, under 3.40')).toBe(false);
  });
});

describe('favourite check', () => {
  const check: Check = { kind: 'favourite', fixture: { team: 'Chelsea' } };

  it('passes when the lowest-priced side is called the favourite', async () => {
    expect(await passes(check, 'Barcelona are the favourites at 2.15; Chelsea 3.10.')).toBe(true);
    expect(await passes(check, 'El favorito es el Barça (2,15).')).toBe(true);
  });

  it('fails when the other side is called the favourite or no verdict is given', async () => {
    expect(await passes(check, 'Chelsea are the favourites. Barcelona 2.15.')).toBe(false);
    expect(await passes(check, 'Chelsea 3.10, draw 3.60, Barcelona 2.15')).toBe(false);
  });

  it('judges by the side named closest to the word, not by any side in the sentence', async () => {
    expect(await passes(check, 'Chelsea are favourites against Barcelona.')).toBe(false);
    expect(await passes(check, 'Against Chelsea, Barcelona are the favourites at 2.15.')).toBe(true);
  });

  it("does not take a rival's name for the favourite's alias", async () => {
    const derby: Check = { kind: 'favourite', fixture: { team: 'Real Madrid', opponent: 'Atletico Madrid' } };
    expect(await passes(derby, 'Real Madrid are favourites at 2.20.')).toBe(true);
    expect(await passes(derby, 'Atletico Madrid are favourites.')).toBe(false);
  });
});

describe('payout check', () => {
  const double: Check = {
    kind: 'payout',
    stake: 20,
    legs: [
      { team: 'Barcelona', opponent: 'Real Madrid', pick: 'team' },
      { team: 'Arsenal', opponent: 'Chelsea', pick: 'team' },
    ],
  };

  it('passes with both leg prices and the return of the whole accumulator', async () => {
    // 20 × 1.85 × 2.05 = 75.85
    expect(await passes(double, 'Barcelona @ 1.85 and Arsenal @ 2.05: combined 3.79, a 20€ stake returns 75,85 €.')).toBe(true);
  });

  it('fails when a leg is left out or the return is wrong', async () => {
    expect(await passes(double, 'Barcelona @ 1.85: 20€ returns 37.00 €.')).toBe(false);
    expect(await passes(double, 'Barcelona @ 1.85 and Arsenal @ 2.05: 20€ returns 75.95 €.')).toBe(false);
  });
});

describe('payout check on legs of one match', () => {
  it('reports two legs falling in the same match as a data problem', async () => {
    const check: Check = { kind: 'payout', stake: 10, legs: [{ team: 'Barcelona', pick: 'team' }, { team: 'Chelsea', pick: 'over', market: 'over_under' }] };
    expect(await evaluateCheck(check, answer('anything'), oracle())).toMatchObject({ pass: false, oracleError: true });
  });
});

describe('unknown_team check', () => {
  it('passes when the name is said to be unknown and a close name suggested', async () => {
    const check: Check = { kind: 'unknown_team', name: 'Barcelonna', suggest: 'Barcelona' };
    expect(await passes(check, "I don't know a team called Barcelonna. Did you mean Barcelona?")).toBe(true);
    expect(await passes(check, 'No encuentro ningún equipo llamado Barcelonna. ¿Quizás el Barça?')).toBe(true);
    expect(await passes(check, "I don't know Barcelonna — did you mean Barcelona?")).toBe(true);
    expect(await passes(check, 'Barcelonna isn’t a team I cover. Did you mean Barcelona?')).toBe(true);
    expect(await passes(check, 'Barcelonna no me suena. ¿Te refieres al Barcelona?')).toBe(true);
    expect(await passes(check, 'Desconozco ese equipo; ¿quizás el Barça?')).toBe(true);
  });

  it('fails when fixtures are listed anyway or the team is taken for another', async () => {
    const check: Check = { kind: 'unknown_team', name: 'Real Springfield FC' };
    expect(await passes(check, "I don't know Real Springfield FC. Upcoming: Chelsea vs Barcelona, 21:00.")).toBe(false);
    expect(await passes(check, 'Real Madrid play Atletico Madrid on Wednesday.')).toBe(false);
  });
});

describe('local_time check', () => {
  const check: Check = { kind: 'local_time', fixture: { team: 'Barcelona', opponent: 'Real Madrid' }, zone: 'America/New_York' };

  it("needs the kick-off in the user's zone and the zone named", async () => {
    expect(await passes(check, 'Saturday 12 December, 3:00 pm ET (New York time)')).toBe(true);
    expect(await passes(check, 'Saturday 12 December, 15:00 (Times in America/New_York.)')).toBe(true);
  });

  it('fails with the time of another zone or no zone', async () => {
    expect(await passes(check, 'Saturday 12 December, 21:00 (Europe/Madrid)')).toBe(false);
    expect(await passes(check, 'Saturday 12 December, 15:00')).toBe(false);
  });
});

describe('wording checks', () => {
  it('mentions needs all of `all` and one of `any`, without regard to accents', async () => {
    const check: Check = { kind: 'mentions', all: ['apuestas'], any: ['cuotas', 'partidos'] };
    expect(await passes(check, 'Te ayudo con APUESTAS: cuotas y más.')).toBe(true);
    expect(await passes(check, 'Te ayudo con apuestas.')).toBe(false);
  });

  it('not_mentions fails on any of the words', async () => {
    expect(await passes({ kind: 'not_mentions', any: ['no entendí'] }, 'Perdona, no entendi')).toBe(false);
  });

  it('asks_back needs a question', async () => {
    expect(await passes({ kind: 'asks_back' }, '¿Cuánto quieres apostar?')).toBe(true);
    expect(await passes({ kind: 'asks_back' }, 'Barcelona @ 2.15.')).toBe(false);
  });

  it('language reads the answer, not the declared field', async () => {
    const outcome = await evaluateCheck({ kind: 'language', language: 'es' }, answer('The odds are 2.15 for the win', { language: 'es' }), oracle());
    expect(outcome.pass).toBe(false);
  });

  it('no_promise and says_more read the answer', async () => {
    expect(await passes({ kind: 'no_promise' }, 'Guaranteed winner: Barcelona')).toBe(false);
    expect(await passes({ kind: 'says_more' }, '… and 12 more. Say "more".')).toBe(true);
  });
});

describe('turn-level checks', () => {
  it('accepts any of the listed intents', () => {
    const turn = { user: 'x', intents: ['ODDS_INFORMATION_QUERY', 'BET_SIMULATION'], checks: [] };
    expect(checkIntent(turn, answer(''))?.pass).toBe(true);
    expect(checkIntent(turn, answer('', { detected_intent: 'UNCLEAR' }))?.pass).toBe(false);
    expect(checkIntent({ user: 'x', checks: [] }, answer(''))).toBeUndefined();
  });

  it('finds the teams among nested tool arguments or the entities, by any alias', async () => {
    const turn = { user: 'x', teams: ['Barcelona', 'Arsenal'], checks: [] };
    const calls = [{ name: 'simulate_bet', ok: true, args: { legs: [{ team: 'barça' }, { selection: 'Gunners' }] } }];
    expect((await checkTeams(turn, answer('', { function_calls_made: calls }), oracle()))?.pass).toBe(true);
    expect((await checkTeams(turn, answer('', { entities: { teams: ['Barcelona', 'Arsenal'] } }), oracle()))?.pass).toBe(true);
    expect((await checkTeams(turn, answer('', { entities: { teams: ['Barcelona'] } }), oracle()))?.pass).toBe(false);
  });

  it('does not take another team whose name holds the expected one', async () => {
    const turn = { user: 'x', teams: ['Real Madrid'], checks: [] };
    expect((await checkTeams(turn, answer('', { entities: { teams: ['Real Madrid Baloncesto'] } }), oracle()))?.pass).toBe(false);
  });
});
