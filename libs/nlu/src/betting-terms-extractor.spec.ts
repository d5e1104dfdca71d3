import { extractMarkets, extractOutcome, extractRiskProfile } from './betting-terms-extractor.js';

describe('extractMarkets', () => {
  it.each([
    ['over/under 2.5 for @team', ['over_under']],
    ['under 3.5 goals', ['over_under']],
    ['cuota de mas de 2.5 goles', ['over_under']],
    ['goals odds for @team', ['over_under']],
    ['both teams to score', ['btts']],
    ['btts and over 2.5', ['over_under', 'btts']],
    ['ambos marcan', ['btts']],
    ['double chance', ['double_chance']],
    ['doble oportunidad x2', ['double_chance']],
    ['asian handicap', ['handicap']],
    ['handicap -1.5', ['handicap']],
    ['match result odds', ['1x2']],
    ['1x2 del @team', ['1x2']],
    ['odds for the winner', ['1x2']],
  ])('%s → %j', (text, markets) => {
    expect(extractMarkets(text)).toEqual(markets);
  });

  it('needs betting context before reading everyday words as markets', () => {
    expect(extractMarkets('how many goals has @player scored')).toEqual([]);
    expect(extractMarkets('resultado del @team de ayer')).toEqual([]);
    expect(extractMarkets('who was the winner last year')).toEqual([]);
  });
});

describe('extractOutcome', () => {
  it.each([
    ['what does a draw pay', 'draw'],
    ['odds on a tie', 'draw'],
    ['cuanto paga el empate', 'draw'],
    ['€10 on the x', 'draw'],
    ['home win odds', 'home'],
    ['gana el local', 'home'],
    ['away win', 'away'],
    ['victoria del visitante', 'away'],
  ])('%s → %s', (text, outcome) => {
    expect(extractOutcome(text)).toBe(outcome);
  });

  it('does not read cup draws or fixture connectors as a drawn result', () => {
    expect(extractOutcome('when is the @tournament draw')).toBeUndefined();
    expect(extractOutcome('@team x @team')).toBeUndefined();
    expect(extractOutcome('1x2 odds')).toBeUndefined();
  });
});

describe('extractRiskProfile', () => {
  it.each([
    ['safest bet today', 'safest'],
    ['una apuesta segura', 'safest'],
    ['sin riesgo', 'safest'],
    ['any value bets', 'value'],
    ['apuesta de valor', 'value'],
    ['underdog pick', 'underdog'],
    ['una sorpresa', 'underdog'],
    ['build me an acca', 'accumulator'],
    ['parlay for tonight', 'accumulator'],
    ['una combinada', 'accumulator'],
  ])('%s → %s', (text, profile) => {
    expect(extractRiskProfile(text)).toBe(profile);
  });

  it('returns nothing without a risk cue', () => {
    expect(extractRiskProfile('odds for @team')).toBeUndefined();
  });
});
