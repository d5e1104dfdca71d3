import * as betting from '@app/betting';

describe('@app/betting public API', () => {
  it.each([
    'impliedProbability',
    'overround',
    'removeMarginMultiplicative',
    'removeMarginAdditive',
    'removeMarginPower',
    'removeMarginShin',
    'fairOdds',
    'applyMargin',
    'decimalToFractional',
    'fractionalToDecimal',
    'decimalToAmerican',
    'americanToDecimal',
    'singleReturn',
    'accumulatorReturn',
    'expectedValue',
    'kellyFraction',
    'kellyStake',
    'arbitrage',
    'poissonProbability',
    'poissonScoreMatrix',
    'dixonColesScoreMatrix',
    'marketProbabilities',
    'overUnderProbability',
    'roundMoney',
  ])('exports %s', (name) => {
    expect(typeof (betting as Record<string, unknown>)[name]).toBe('function');
  });

  it('prices a match end to end: model -> markets -> odds -> fair odds', () => {
    const markets = betting.marketProbabilities(betting.dixonColesScoreMatrix(1.5, 1.1, -0.1));
    const odds = betting.applyMargin([markets.home, markets.draw, markets.away], 0.05);
    expect(betting.overround(odds)).toBeCloseTo(1.05, 12);
    const fair = betting.fairOdds(odds);
    expect(1 / fair[0]).toBeCloseTo(markets.home, 12);
  });
});
