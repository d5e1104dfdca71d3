import type { PredictionResult } from '../../tools/predict-match.tool.js';
import type { RecommendationResult, RecommendedPick } from '../../tools/recommend-bets.tool.js';
import { renderPrediction } from './predict-match.renderer.js';
import { renderRecommendation } from './recommend-bets.renderer.js';
import { FRESH, aContext, aMatch, theTurn } from './renderer-testing.js';

const pick = (over: Partial<RecommendedPick> = {}): RecommendedPick => ({
  match: aMatch(),
  market: '1x2',
  selection: 'home',
  pick: 'Barcelona',
  odds: 2.1,
  impliedProbability: 0.47619,
  modelProbability: 0.52,
  edge: 0.092,
  reason: 'The model gives 52.0% against 47.6% implied by odds of 2.10.',
  ...over,
});

function recommendation(over: Partial<RecommendationResult> = {}): RecommendationResult {
  return {
    risk: 'value',
    window: { from: '2026-12-07', to: '2026-12-13' },
    timeZone: 'Europe/Madrid',
    matchesConsidered: 12,
    matchesModelled: 8,
    selections: [pick()],
    responsibleGambling: 'Bet responsibly.',
    ...FRESH,
    ...over,
  };
}

describe('recommendation renderer', () => {
  it('numbers each pick with its match, kick-off, price, reason and suggested stake, then the responsible-gambling note', () => {
    const text = renderRecommendation(recommendation({ selections: [pick({ stake: 20, potentialReturn: 42 })], budget: 20, currency: 'EUR' }), aContext(), theTurn());
    expect(text.split('\n')).toEqual([
      'Value picks (the model rates them above their price), 7 Dec–13 Dec:',
      '1. Barcelona — Barcelona vs Real Madrid (La Liga, Sat 12 Dec, 21:00) @ 2.10',
      '   The model gives 52.0% against 47.6% implied by odds of 2.10. Suggested stake: €20.00 (returns €42.00 if it wins).',
      '⚠️ Bet responsibly.',
    ]);
  });

  it('shows the combined odds and return of an accumulator, in Spanish', () => {
    const second = pick({ match: aMatch({ id: 'fx-2', home: 'Arsenal', away: 'Chelsea' }), pick: 'Arsenal', odds: 1.8 });
    const acca = recommendation({
      risk: 'accumulator',
      selections: [pick(), second],
      accumulator: { legs: 2, combinedOdds: 3.78, impliedProbability: 0.26455, modelProbability: 0.3, stake: 10, potentialReturn: 37.8, profit: 27.8 },
      currency: 'EUR',
    });
    const text = renderRecommendation(acca, aContext('es'), theTurn());
    expect(text).toContain('Propuesta de combinada (7 dic–13 dic):');
    expect(text).toContain('2. Arsenal — Arsenal vs Chelsea (LaLiga, sáb, 12 dic, 21:00) @ 1.80');
    expect(text).toContain('Cuota combinada 3.78 (probabilidad implícita 26.5%, según el modelo 30.0%); tienen que acertarse todas.');
    expect(text).toContain('Con 10.00 € cobrarías 37.80 €.');
  });

  it('offers the closest picks, marked as without an edge, when nothing has value', () => {
    const text = renderRecommendation(recommendation({ selections: [], nearMisses: [pick({ edge: -0.01 })] }), aContext(), theTurn());
    expect(text).toContain('I see no clear value (an edge of 3% or more) in 7 Dec–13 Dec. The closest, without a positive edge:');
    expect(text).toContain('1. Barcelona — Barcelona vs Real Madrid');
  });

  it('says when no match fits', () => {
    const text = renderRecommendation(recommendation({ selections: [], responsibleGambling: '' }), aContext(), theTurn());
    expect(text.split('\n')[0]).toBe("I can't find football matches with open odds that fit (7 Dec–13 Dec).");
    expect(text.split('\n')[1]).toMatch(/^⚠️ Bet responsibly: only stake what you can afford to lose/);
  });
});

describe('prediction renderer', () => {
  const prediction = (value: boolean): PredictionResult => ({
    match: aMatch(),
    probabilities: { home: 0.512, draw: 0.254, away: 0.234, over25: 0.583, under25: 0.417, bttsYes: 0.551, bttsNo: 0.449 },
    expectedGoals: { home: 1.734, away: 1.102 },
    mostLikelyScore: { home: 1, away: 1, probability: 0.118 },
    selections: [
      { market: '1x2', selection: 'home', name: 'Barcelona', probability: 0.512, fairOdds: 1.95, marketOdds: 2.1, edge: 0.0752, value },
      { market: 'btts', selection: 'yes', name: 'Yes', probability: 0.551, fairOdds: 1.81, marketOdds: 1.7, edge: -0.063, value: false },
    ],
    method: 'market-implied Poisson',
    ...FRESH,
  });

  it('gives the model probabilities, expected goals and most likely score, and the value selections with their edge', () => {
    const text = renderPrediction(prediction(true), aContext(), theTurn());
    expect(text).toContain('Model estimate for Barcelona vs Real Madrid (La Liga, Sat 12 Dec, 21:00):');
    expect(text).toContain('• Barcelona win 51.2% · Draw 25.4% · Real Madrid win 23.4%');
    expect(text).toContain('• Expected goals 1.73-1.10; most likely score 1-1 (11.8%)');
    expect(text).toContain('• Over 2.5 goals 58.3% · Both teams to score 55.1%');
    expect(text).toContain('Value against the current odds: ');
    expect(text).toContain('@ 2.10 (edge 7.5%).');
    expect(text).not.toContain('@ 1.70');
  });

  it('says there is no clear value when no selection is priced above the estimate', () => {
    const text = renderPrediction(prediction(false), aContext('es'), theTurn());
    expect(text).toContain('Ninguna selección principal está pagada por encima de la estimación del modelo');
    expect(text).toMatch(/\n⚠️ Juega con responsabilidad/);
  });
});
