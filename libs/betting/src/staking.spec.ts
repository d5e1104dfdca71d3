import fc from 'fast-check';
import { expectedValue, kellyFraction, kellyStake } from './staking.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const odds = fc.double({ min: 1.01, max: 100, noNaN: true });

describe('expectedValue', () => {
  it('is zero at the fair price', () => {
    expect(expectedValue(0.5, 2)).toBe(0);
  });

  it('scales with the stake', () => {
    expect(expectedValue(0.55, 2)).toBeCloseTo(0.1, 12);
    expect(expectedValue(0.55, 2, 50)).toBeCloseTo(5, 12);
    expect(expectedValue(0.4, 2, 10)).toBeCloseTo(-2, 12);
  });

  it('rejects invalid probabilities, odds and stakes', () => {
    expect(() => expectedValue(1.2, 2)).toThrow('probability must be between 0 and 1');
    expect(() => expectedValue(Number.NaN, 2)).toThrow(RangeError);
    expect(() => expectedValue(0.5, 1)).toThrow(RangeError);
    expect(() => expectedValue(0.5, 2, -1)).toThrow(RangeError);
  });

  it('is positive exactly when the price beats the fair odds', () => {
    fc.assert(
      fc.property(probability, odds, (p, price) => {
        const ev = expectedValue(p, price);
        if (p * price > 1 + 1e-12) expect(ev).toBeGreaterThan(0);
        if (p * price < 1 - 1e-12) expect(ev).toBeLessThan(0);
      }),
    );
  });
});

describe('kellyFraction', () => {
  it('stakes 10% with p = 0.55 at evens', () => {
    expect(kellyFraction(0.55, 2).toFixed(2)).toBe('0.10');
  });

  it('scales by the Kelly fraction', () => {
    expect(kellyFraction(0.55, 2, 0.5)).toBeCloseTo(0.05, 12);
  });

  it('stakes nothing without an edge', () => {
    expect(kellyFraction(0.5, 2)).toBe(0);
    expect(kellyFraction(0.3, 2)).toBe(0);
  });

  it('rejects fractions outside (0, 1] and other invalid input', () => {
    expect(() => kellyFraction(0.55, 2, 0)).toThrow('fraction must be in (0, 1]');
    expect(() => kellyFraction(0.55, 2, 1.5)).toThrow(RangeError);
    expect(() => kellyFraction(0.55, 2, Number.NaN)).toThrow(RangeError);
    expect(() => kellyFraction(-0.1, 2)).toThrow(RangeError);
    expect(() => kellyFraction(0.55, 0.9)).toThrow(RangeError);
  });

  it('always lies in [0, 1] and is positive exactly when the expected value is', () => {
    fc.assert(
      fc.property(probability, odds, (p, price) => {
        const f = kellyFraction(p, price);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        if (expectedValue(p, price) <= 0) expect(f).toBe(0);
        else expect(f).toBeGreaterThan(0);
      }),
    );
  });
});

describe('kellyStake', () => {
  it('turns the fraction into money', () => {
    expect(kellyStake(1000, 0.55, 2)).toBe(100);
    expect(kellyStake(1000, 0.55, 2, 0.25)).toBe(25);
  });

  it('never stakes more than the Kelly amount', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), probability, odds, (bank, p, price) => {
        const stake = kellyStake(bank, p, price);
        expect(stake).toBeGreaterThanOrEqual(0);
        expect(stake).toBeLessThanOrEqual(bank * kellyFraction(p, price) + 1e-9);
      }),
    );
  });

  it('rejects a negative bankroll', () => {
    expect(() => kellyStake(-1, 0.55, 2)).toThrow('bankroll must not be negative');
  });
});
