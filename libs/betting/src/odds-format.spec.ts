import fc from 'fast-check';
import {
  americanToDecimal,
  decimalToAmerican,
  decimalToFractional,
  fractionalToDecimal,
} from './odds-format.js';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

describe('decimalToFractional', () => {
  it.each([
    [2.5, '3/2'],
    [2, '1/1'],
    [1.5, '1/2'],
    [3.25, '9/4'],
    [11, '10/1'],
    [1.91, '10/11'],
    [1.83, '5/6'],
    [1.36, '4/11'],
    [1.67, '2/3'],
    [1.33, '1/3'],
    [4.33, '10/3'],
    [2.38, '11/8'],
    [1.73, '8/11'],
    [1.01, '1/100'],
    [1.03, '1/33'],
    [101, '100/1'],
  ])('reads %p as %p', (decimal, fractional) => {
    expect(decimalToFractional(decimal)).toBe(fractional);
  });

  it('uses a tighter tolerance when asked to', () => {
    expect(decimalToFractional(1.91, 0)).toBe('91/100');
  });

  it.each([1, 0.5, -2, Number.NaN, Number.POSITIVE_INFINITY])('rejects odds of %p', (odds) => {
    expect(() => decimalToFractional(odds)).toThrow(RangeError);
  });

  it('rejects a negative tolerance', () => {
    expect(() => decimalToFractional(2.5, -0.1)).toThrow(RangeError);
  });

  it('always returns a positive fraction in lowest terms within the tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 1000, noNaN: true }), (decimal) => {
        const fraction = decimalToFractional(decimal);
        const [numerator, denominator] = fraction.split('/').map(Number);
        expect(numerator).toBeGreaterThan(0);
        expect(gcd(numerator, denominator)).toBe(1);
        expect(Math.abs(fractionalToDecimal(fraction) - decimal)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('fractionalToDecimal', () => {
  it.each([
    ['3/2', 2.5],
    ['1/2', 1.5],
    ['100/30', 1 + 100 / 30],
    [' 5 / 2 ', 3.5],
    ['evens', 2],
    ['EVS', 2],
  ])('reads %p as %p', (fractional, decimal) => {
    expect(fractionalToDecimal(fractional)).toBeCloseTo(decimal, 12);
  });

  it.each(['', 'abc', '5/', '/2', '5/0', '0/1', '-5/2', '2.5/1', '5/2/1', '5:2'])(
    'rejects %p',
    (bad) => {
      expect(() => fractionalToDecimal(bad)).toThrow(RangeError);
    },
  );

  it('explains what went wrong', () => {
    expect(() => fractionalToDecimal('5/0')).toThrow('zero denominator');
    expect(() => fractionalToDecimal('five to two')).toThrow('must look like "5/2"');
  });

  it('round-trips fractions with small denominators exactly', () => {
    const fraction = fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 12 }))
      .map(([n, d]) => [n / gcd(n, d), d / gcd(n, d)] as const);
    fc.assert(
      fc.property(fraction, ([n, d]) => {
        expect(decimalToFractional(fractionalToDecimal(`${n}/${d}`))).toBe(`${n}/${d}`);
      }),
    );
  });
});

describe('American odds', () => {
  it.each([
    [2.5, 150],
    [1.5, -200],
    [2, 100],
    [1.25, -400],
    [11, 1000],
    [1.1, -1000],
  ])('decimal %p is American %p', (decimal, american) => {
    expect(decimalToAmerican(decimal)).toBe(american);
  });

  it.each([
    [150, 2.5],
    [-200, 1.5],
    [100, 2],
    [-100, 2],
    [-110, 1 + 100 / 110],
  ])('American %p is decimal %p', (american, decimal) => {
    expect(americanToDecimal(american)).toBeCloseTo(decimal, 12);
  });

  it.each([0, 99, -99.5, 50, Number.NaN, Number.NEGATIVE_INFINITY])(
    'rejects American odds of %p',
    (american) => {
      expect(() => americanToDecimal(american)).toThrow(RangeError);
    },
  );

  it.each([1, 0.8, Number.NaN])('rejects decimal odds of %p', (decimal) => {
    expect(() => decimalToAmerican(decimal)).toThrow(RangeError);
  });

  it('round-trips decimal -> American -> decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 1000, noNaN: true }), (decimal) => {
        const back = americanToDecimal(decimalToAmerican(decimal));
        expect(Math.abs(back - decimal)).toBeLessThanOrEqual(1e-4);
      }),
    );
  });

  it('round-trips whole American lines exactly', () => {
    const american = fc.oneof(
      fc.integer({ min: 100, max: 100_000 }),
      fc.integer({ min: -100_000, max: -101 }),
    );
    fc.assert(
      fc.property(american, (line) => {
        expect(decimalToAmerican(americanToDecimal(line))).toBe(line);
      }),
    );
  });
});
