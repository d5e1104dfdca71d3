import {
  assertDecimalOdds,
  assertFiniteNumber,
  assertNonNegative,
  assertNonNegativeInteger,
  assertOddsList,
  assertProbability,
} from './guards.js';

describe('guards', () => {
  it('accepts valid values silently', () => {
    expect(() => assertFiniteNumber(0, 'x')).not.toThrow();
    expect(() => assertDecimalOdds(1.01)).not.toThrow();
    expect(() => assertOddsList([2, 3], 2)).not.toThrow();
    expect(() => assertProbability(0)).not.toThrow();
    expect(() => assertProbability(1)).not.toThrow();
    expect(() => assertNonNegative(0, 'stake')).not.toThrow();
    expect(() => assertNonNegativeInteger(3, 'goals')).not.toThrow();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects the non-finite number %p',
    (value) => {
      expect(() => assertFiniteNumber(value, 'x')).toThrow(RangeError);
    },
  );

  it.each([1, 0.5, 0, -2])('rejects decimal odds of %p with a message naming the value', (value) => {
    expect(() => assertDecimalOdds(value)).toThrow(
      new RangeError(`decimal odds must be greater than 1, received ${value}`),
    );
  });

  it('names the offending position in an odds list', () => {
    expect(() => assertOddsList([2, 1, 3], 2)).toThrow('odds[1] must be greater than 1');
    expect(() => assertOddsList([2], 2)).toThrow('at least 2 values');
    expect(() => assertOddsList([], 1)).toThrow('at least 1 value');
  });

  it('rejects probabilities outside [0, 1], negatives and fractions where integers are needed', () => {
    expect(() => assertProbability(1.0001)).toThrow(RangeError);
    expect(() => assertProbability(-0.1)).toThrow(RangeError);
    expect(() => assertNonNegative(-0.01, 'stake')).toThrow('stake must not be negative');
    expect(() => assertNonNegativeInteger(2.5, 'goals')).toThrow('goals must be an integer');
  });
});
