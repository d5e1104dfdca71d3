import fc from 'fast-check';
import { impliedProbability, overround } from './probability.js';

describe('impliedProbability', () => {
  it('is the reciprocal of the decimal price', () => {
    expect(impliedProbability(2)).toBe(0.5);
    expect(impliedProbability(4)).toBe(0.25);
  });

  it.each([1, 0.9, 0, -3, Number.NaN, Number.POSITIVE_INFINITY])('rejects odds of %p', (odds) => {
    expect(() => impliedProbability(odds)).toThrow(RangeError);
  });

  it('always lies strictly between 0 and 1 for valid odds', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 1000, noNaN: true }), (odds) => {
        const p = impliedProbability(odds);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(1);
      }),
    );
  });
});

describe('overround', () => {
  it('matches the reference three-way market', () => {
    expect(overround([2.6, 2.4, 4.3]).toFixed(5)).toBe('1.03384');
  });

  it('is exactly 1 for a fair coin', () => {
    expect(overround([2, 2])).toBe(1);
  });

  it('rejects an empty market and invalid prices', () => {
    expect(() => overround([])).toThrow(RangeError);
    expect(() => overround([2, Number.NaN])).toThrow(RangeError);
    expect(() => overround([2, 1])).toThrow('odds[1] must be greater than 1');
  });
});
