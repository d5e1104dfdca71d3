import fc from 'fast-check';
import { roundMoney } from './rounding.js';

describe('roundMoney', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [10.004, 10],
    [269.99999999999997, 270],
    [-1.005, -1.01],
    [-0.001, 0],
    [0, 0],
  ])('rounds %p to %p', (amount, expected) => {
    expect(roundMoney(amount)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundMoney(-0.001), 0)).toBe(true);
  });

  it('rejects non-finite amounts', () => {
    expect(() => roundMoney(Number.NaN)).toThrow(RangeError);
    expect(() => roundMoney(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('stays within half a cent of the input', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (amount) => {
        expect(Math.abs(roundMoney(amount) - amount)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});
