import fc from 'fast-check';
import {
  applyMargin,
  fairOdds,
  removeMarginAdditive,
  removeMarginMultiplicative,
  removeMarginPower,
  removeMarginShin,
  type MarginMethod,
} from './margin.js';
import { overround } from './probability.js';

const REFERENCE = [2.6, 2.4, 4.3];
const METHODS: MarginMethod[] = ['multiplicative', 'additive', 'power', 'shin'];

const fixed = (values: number[], digits: number): string[] => values.map((v) => v.toFixed(digits));
const total = (values: number[]): number => values.reduce((a, b) => a + b, 0);

const oddsVector = fc.array(fc.double({ min: 1.01, max: 50, noNaN: true }), {
  minLength: 2,
  maxLength: 8,
});

const removers: Record<MarginMethod, (odds: number[]) => number[]> = {
  multiplicative: removeMarginMultiplicative,
  additive: removeMarginAdditive,
  power: removeMarginPower,
  shin: (odds) => removeMarginShin(odds).probabilities,
};

describe('margin removal on the reference market 2.6 / 2.4 / 4.3', () => {
  it('multiplicative', () => {
    expect(fixed(removeMarginMultiplicative(REFERENCE), 6)).toEqual([
      '0.372026',
      '0.403028',
      '0.224946',
    ]);
  });

  it('power', () => {
    expect(fixed(removeMarginPower(REFERENCE), 6)).toEqual(['0.372984', '0.405107', '0.221908']);
  });

  it('shin, including the insider share z', () => {
    const { probabilities, z } = removeMarginShin(REFERENCE);
    expect(fixed(probabilities, 6)).toEqual(['0.372994', '0.404779', '0.222227']);
    expect(z.toFixed(6)).toBe('0.016943');
  });

  it('additive takes an equal share off each outcome', () => {
    const share = (overround(REFERENCE) - 1) / 3;
    const fair = removeMarginAdditive(REFERENCE);
    REFERENCE.forEach((odds, i) => expect(fair[i]).toBeCloseTo(1 / odds - share, 12));
  });

  it('methods that model the long-shot bias take more off the long shot', () => {
    const multiplicative = removeMarginMultiplicative(REFERENCE);
    expect(removeMarginPower(REFERENCE)[2]).toBeLessThan(multiplicative[2]);
    expect(removeMarginShin(REFERENCE).probabilities[2]).toBeLessThan(multiplicative[2]);
  });
});

describe('margin removal edge cases', () => {
  it('leaves a market without margin unchanged', () => {
    for (const method of METHODS) {
      const fair = removers[method]([2, 2]);
      expect(fair[0]).toBeCloseTo(0.5, 12);
      expect(fair[1]).toBeCloseTo(0.5, 12);
    }
    expect(removeMarginShin([2, 2]).z).toBe(0);
  });

  it('rejects additive removal when a long shot would get a non-positive probability', () => {
    expect(() => removeMarginAdditive([1.05, 1.1, 60])).toThrow(RangeError);
    expect(() => removeMarginAdditive([1.05, 1.1, 60])).toThrow('odds[2] = 60');
  });

  it('gives a negative Shin z for an under-round book', () => {
    const { probabilities, z } = removeMarginShin([2.1, 2.1]);
    expect(z).toBeLessThan(0);
    expect(total(probabilities)).toBeCloseTo(1, 12);
  });

  it.each(METHODS)('%s rejects single-outcome markets and invalid prices', (method) => {
    const remove = removers[method];
    expect(() => remove([2])).toThrow(RangeError);
    expect(() => remove([2, 1])).toThrow(RangeError);
    expect(() => remove([2, Number.NaN])).toThrow(RangeError);
    expect(() => remove([2, -3])).toThrow(RangeError);
  });
});

describe('margin removal properties', () => {
  it.each(METHODS)('%s gives probabilities in (0, 1) that sum to 1', (method) => {
    fc.assert(
      fc.property(oddsVector, (odds) => {
        let fair: number[];
        try {
          fair = removers[method](odds);
        } catch (error) {
          // Only the additive method may refuse valid odds, and only with a RangeError.
          expect(method).toBe('additive');
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(fair).toHaveLength(odds.length);
        expect(total(fair)).toBeCloseTo(1, 12);
        fair.forEach((p) => {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        });
      }),
    );
  });

  it.each(METHODS)('%s never shortens a price when the book is over-round', (method) => {
    fc.assert(
      fc.property(oddsVector, (odds) => {
        fc.pre(overround(odds) > 1);
        let fair: number[];
        try {
          fair = fairOdds(odds, method);
        } catch {
          fc.pre(false);
          return;
        }
        odds.forEach((price, i) => expect(fair[i]).toBeGreaterThanOrEqual(price * (1 - 1e-12)));
      }),
    );
  });

  it('keeps the order of outcomes: a shorter price stays the likelier outcome', () => {
    fc.assert(
      fc.property(oddsVector, (odds) => {
        for (const method of ['multiplicative', 'power', 'shin'] as const) {
          const fair = removers[method](odds);
          for (let i = 0; i < odds.length; i += 1) {
            for (let j = 0; j < odds.length; j += 1) {
              if (odds[i] < odds[j]) expect(fair[i]).toBeGreaterThanOrEqual(fair[j]);
            }
          }
        }
      }),
    );
  });

  it('Shin and additive agree on two-outcome markets', () => {
    fc.assert(
      fc.property(oddsVector.map((odds) => odds.slice(0, 2)), (odds) => {
        let additive: number[];
        try {
          additive = removeMarginAdditive(odds);
        } catch {
          fc.pre(false);
          return;
        }
        const shin = removeMarginShin(odds).probabilities;
        expect(shin[0]).toBeCloseTo(additive[0], 9);
        expect(shin[1]).toBeCloseTo(additive[1], 9);
      }),
    );
  });
});

describe('fairOdds', () => {
  it('defaults to the multiplicative method', () => {
    expect(fairOdds(REFERENCE)).toEqual(removeMarginMultiplicative(REFERENCE).map((p) => 1 / p));
  });

  it('returns reciprocal probabilities for each method', () => {
    expect(fairOdds(REFERENCE, 'shin')[0]).toBeCloseTo(1 / 0.372994, 4);
    expect(fairOdds(REFERENCE, 'power')[1]).toBeCloseTo(1 / 0.405107, 4);
  });

  it('rejects an unknown method name from untyped callers', () => {
    const method = 'median' as unknown as MarginMethod;
    expect(() => fairOdds(REFERENCE, method)).toThrow('unknown margin removal method: median');
  });
});

describe('applyMargin', () => {
  it('prices a model so the book carries exactly the requested overround', () => {
    const odds = applyMargin([0.5, 0.3, 0.2], 0.05);
    expect(overround(odds)).toBeCloseTo(1.05, 12);
    expect(odds[0]).toBeCloseTo(1 / (0.5 * 1.05), 12);
  });

  it('with zero margin returns fair odds', () => {
    expect(applyMargin([0.25, 0.75], 0)).toEqual([4, 4 / 3]);
  });

  it('normalises probabilities that do not quite sum to 1', () => {
    const odds = applyMargin([0.4999, 0.4999], 0.04);
    expect(overround(odds)).toBeCloseTo(1.04, 12);
  });

  it('rejects inputs it cannot price', () => {
    expect(() => applyMargin([1], 0.05)).toThrow(RangeError);
    expect(() => applyMargin([0.5, 0], 0.05)).toThrow('probabilities[1] must be in (0, 1]');
    expect(() => applyMargin([0.5, Number.NaN], 0.05)).toThrow(RangeError);
    expect(() => applyMargin([0.5, 0.5], -0.01)).toThrow('margin must not be negative');
    expect(() => applyMargin([0.97, 0.03], 0.05)).toThrow('not above 1');
  });

  it('round-trips through multiplicative removal', () => {
    const probabilityVector = fc
      .array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })
      .map((weights) => weights.map((w) => w / total(weights)));
    fc.assert(
      fc.property(probabilityVector, fc.double({ min: 0, max: 0.2, noNaN: true }), (p, margin) => {
        fc.pre(p.every((x) => x * (1 + margin) < 0.999));
        const odds = applyMargin(p, margin);
        expect(overround(odds)).toBeCloseTo(1 + margin, 10);
        removeMarginMultiplicative(odds).forEach((fair, i) => expect(fair).toBeCloseTo(p[i], 10));
      }),
    );
  });
});
