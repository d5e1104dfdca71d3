import { OfflineAnswerWriter, type ToolOutcome, type WriteInput } from './offline-answer.writer.js';
import { aContext, aMatch } from './renderers/renderer-testing.js';

const writer = new OfflineAnswerWriter();

function write(outcomes: Array<Pick<ToolOutcome, 'name' | 'result'>>, language: 'en' | 'es' = 'en'): string {
  const input: WriteInput = { ...aContext(language, { teams: ['Barcelona'] }), outcomes: outcomes.map((o) => ({ ...o, args: {} })) };
  return writer.write(input);
}

const fixtures = (over: Record<string, unknown> = {}) => ({
  name: 'search_fixtures',
  result: { filters: { team: 'Barcelona', from: '2026-12-07', to: '2026-12-21', status: 'upcoming_or_live' }, timeZone: 'Europe/Madrid', total: 1, count: 1, matches: [aMatch()], source: 'embedded', stale: false, ...over },
});
const balance = { name: 'get_user_balance', result: { loginRequired: false, currency: 'EUR', available: 50 } };

describe('OfflineAnswerWriter', () => {
  it('answers about the most specific tool of the turn: a balance before the fixtures found on the way', () => {
    expect(write([fixtures(), balance])).toBe('Your available balance is €50.00.');
  });

  it('answers from the fixtures when they are all there is', () => {
    expect(write([fixtures()])).toMatch(/^Barcelona's next match is Barcelona vs Real Madrid/);
  });

  it('explains a failure when no tool succeeded, and ignores a failure when another tool answered', () => {
    const failure = { name: 'get_match_odds', result: { error: 'UPSTREAM_UNAVAILABLE', message: 'down' } };
    expect(write([failure])).toBe("The sports data source isn't responding right now. Please try again in a few minutes.");
    expect(write([failure, balance])).toBe('Your available balance is €50.00.');
  });

  it('adds the stale-data note with its age when any result of the turn is stale', () => {
    const text = write([fixtures({ stale: true, ageSeconds: 300 }), balance], 'es');
    expect(text).toBe('Tu saldo disponible es 50.00 €.\n(Aviso: la fuente de datos no responde; estas cifras son de la última consulta correcta, hace 5 min.)');
  });

  it('names the time zone once in any answer that shows a kick-off time, and not in one that shows none', () => {
    const odds = {
      name: 'get_match_odds',
      result: {
        match: aMatch(),
        bettingOpen: true,
        updatedAt: '2026-12-07T10:00:00Z',
        markets: [{ market: '1x2', overround: 0.05, selections: [{ key: 'home', name: 'Barcelona', odds: 2.1, impliedProbability: 0.476 }, { key: 'draw', name: 'Draw', odds: 3.5, impliedProbability: 0.286 }, { key: 'away', name: 'Real Madrid', odds: 3.2, impliedProbability: 0.3125 }] }],
        source: 'embedded',
        stale: false,
      },
    };
    const text = write([odds]);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
    expect(text.split('Europe/Madrid')).toHaveLength(2);
    expect(write([fixtures()]).split('Europe/Madrid')).toHaveLength(2);
    expect(write([balance])).not.toContain('Europe/Madrid');
  });

  it('writes nothing for results of tools it does not know', () => {
    expect(write([{ name: 'unknown_tool', result: { anything: 1 } }])).toBe('');
  });
});
