import fc from 'fast-check';
import { arbitrage } from './arbitrage.js';

describe('arbitrage', () => {
  it('finds a 1.96% profit at best odds of 2.08 and 2.00', () => {
    const result = arbitrage([2.08, 2]);
    expect(result.isArbitrage).toBe(true);
    expect(result.profitPercent.toFixed(2)).toBe('1.96');
    expect(result.margin).toBeCloseTo(1 / 2.08 + 1 / 2 - 1, 12);
    expect(result.stakes).toEqual([49.02, 50.98]);
    expect(result.profit).toBe(1.96);
  });

  it('scales the stakes to the total', () => {
    const result = arbitrage([2.08, 2], 1000);
    expect(result.stakes).toEqual([490.2, 509.8]);
    expect(result.profit).toBe(19.6);
  });

  it('reports a bookmaker margin as a loss, not an arbitrage', () => {
    const result = arbitrage([1.9, 1.9]);
    expect(result.isArbitrage).toBe(false);
    expect(result.margin).toBeGreaterThan(0);
    expect(result.stakes).toEqual([50, 50]);
    expect(result.profit).toBe(-5);
    expect(result.profitPercent).toBeLessThan(0);
  });

  it('rejects fewer than two outcomes, invalid odds and non-positive stakes', () => {
    expect(() => arbitrage([2.5])).toThrow(RangeError);
    expect(() => arbitrage([2.5, 1])).toThrow('bestOddsPerOutcome[1] must be greater than 1');
    expect(() => arbitrage([2.5, 2], 0)).toThrow('totalStake must be positive');
    expect(() => arbitrage([2.5, 2], Number.NaN)).toThrow(RangeError);
  });

  it('equalises returns and spends the total stake to within rounding', () => {
    const odds = fc.array(fc.double({ min: 1.05, max: 30, noNaN: true }), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(odds, fc.double({ min: 10, max: 100_000, noNaN: true }), (prices, total) => {
        const result = arbitrage(prices, total);
        const spent = result.stakes.reduce((a, b) => a + b, 0);
        expect(Math.abs(spent - total)).toBeLessThanOrEqual(0.005 * prices.length + 1e-6);
        const returns = result.stakes.map((s, i) => s * prices[i]);
        const spread = Math.max(...returns) - Math.min(...returns);
        expect(spread).toBeLessThanOrEqual(0.01 * Math.max(...prices) + 1e-6);
        expect(result.isArbitrage).toBe(result.margin < 0);
        expect(result.profitPercent > 0).toBe(result.isArbitrage);
      }),
    );
  });
});
