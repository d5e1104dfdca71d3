import { createDefaultNluService } from '@app/nlu';
import type { TrackedContext } from './conversation-types.js';
import { resolveTurnFocus } from './turn-focus.js';

const nlu = createDefaultNluService();
const focusOf = (message: string, context: TrackedContext) => resolveTurnFocus(nlu.analyze(message, { timeZone: 'Europe/Madrid' }), context, message);

describe('resolveTurnFocus', () => {
  const afterSchedule: TrackedContext = { lastTeams: ['Barcelona'], lastFixtureId: '123', lastIntent: 'MATCH_SCHEDULE_QUERY' };

  it('reads "And Real Madrid?" as the previous question about another team', () => {
    const focus = focusOf('And Real Madrid?', afterSchedule);
    expect(focus).toMatchObject({ intent: 'MATCH_SCHEDULE_QUERY', teams: ['Real Madrid'], usedContext: true });
    expect(focus.fixtureId).toBeUndefined();
  });

  it('reads "¿Y el Barcelona?" after an odds question as odds for Barcelona', () => {
    const focus = focusOf('¿Y el Barcelona?', { lastTeams: ['Juventus', 'AC Milan'], lastFixtureId: '9', lastIntent: 'ODDS_INFORMATION_QUERY' });
    expect(focus).toMatchObject({ intent: 'ODDS_INFORMATION_QUERY', teams: ['Barcelona'] });
  });

  it('points "And the odds?" and a stake on the draw at the last match', () => {
    expect(focusOf('And the odds?', afterSchedule)).toMatchObject({ intent: 'ODDS_INFORMATION_QUERY', fixtureId: '123', teams: ['Barcelona'] });
    expect(focusOf('How much would I win with 20 euros on a draw?', afterSchedule)).toMatchObject({
      intent: 'BET_SIMULATION',
      fixtureId: '123',
      outcome: 'draw',
      amount: { value: 20, currency: 'EUR' },
    });
  });

  it('compares a newly named team with the one discussed before', () => {
    expect(focusOf('Compare them with Real Madrid', afterSchedule)).toMatchObject({ intent: 'TEAM_COMPARISON', teams: ['Barcelona', 'Real Madrid'] });
  });

  it('keeps a clear new question as it is', () => {
    expect(focusOf('Odds for Juventus vs Milan?', afterSchedule)).toMatchObject({ intent: 'ODDS_INFORMATION_QUERY', teams: ['Juventus', 'AC Milan'], usedContext: false });
    expect(focusOf('hello', afterSchedule)).toMatchObject({ intent: 'GREETING', usedContext: false });
  });

  it('does not invent a match without context', () => {
    const focus = focusOf('What does a draw pay?', { lastTeams: [] });
    expect(focus.fixtureId).toBeUndefined();
    expect(focus.teams).toEqual([]);
  });
});

describe('resolveTurnFocus with a team against another, the same match and a stake on a tip', () => {
  it('reads "and against Monaco?" after a verdict on Newcastle as Newcastle against Monaco', () => {
    const focus = focusOf('and against monaco?', { lastTeams: ['Newcastle United'], lastFixtureId: 'w', lastIntent: 'BETTING_RECOMMENDATION' });
    expect(focus).toMatchObject({ intent: 'BETTING_RECOMMENDATION', teams: ['Newcastle United', 'Monaco'], usedContext: true });
    expect(focus.fixtureId).toBeUndefined();
  });

  it('keeps "¿y cuánto paga el Bayern?" on the match just talked about', () => {
    const focus = focusOf('y cuánto paga el bayern', { lastTeams: ['Bayern Munich', 'Borussia Dortmund'], lastFixtureId: 'klassiker', lastIntent: 'MATCH_SCHEDULE_QUERY' });
    expect(focus).toMatchObject({ intent: 'ODDS_INFORMATION_QUERY', fixtureId: 'klassiker', teams: ['Bayern Munich', 'Borussia Dortmund'], pick: 'Bayern Munich' });
  });

  it('backs the team named in the same message when told to put a stake "on them"', () => {
    expect(focusOf('dubs next game, 25 bucks on them to win', { lastTeams: [] })).toMatchObject({ intent: 'BET_SIMULATION', pick: 'Golden State Warriors' });
  });

  it('stakes on the selection of the last tip', () => {
    const focus = focusOf('vale, pon 5€', { lastTeams: ['Girona', 'Sevilla'], lastFixtureId: 'g', lastIntent: 'BETTING_RECOMMENDATION', lastSelection: { selection: 'yes', market: 'btts' } });
    expect(focus).toMatchObject({ intent: 'BET_SIMULATION', fixtureId: 'g', selection: { selection: 'yes', market: 'btts' }, amount: { value: 5 } });
  });
});
