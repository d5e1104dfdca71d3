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

  it('writes nothing for results of tools it does not know', () => {
    expect(write([{ name: 'unknown_tool', result: { anything: 1 } }])).toBe('');
  });
});
