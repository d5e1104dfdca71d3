import { bisect } from './root-finding.js';

describe('bisect', () => {
  it('finds a root to double precision', () => {
    expect(bisect((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 14);
  });

  it('works whichever end of the bracket is positive', () => {
    expect(bisect((x) => 3 - x, 0, 10)).toBeCloseTo(3, 14);
  });

  it('returns an endpoint that is already a root', () => {
    expect(bisect((x) => x - 1, 1, 5)).toBe(1);
    expect(bisect((x) => x - 5, 1, 5)).toBe(5);
  });

  it('refuses a bracket without a sign change', () => {
    expect(() => bisect((x) => x * x + 1, -1, 1)).toThrow(RangeError);
  });
});
