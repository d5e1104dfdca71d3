import fc from 'fast-check';
import {
  dixonColesScoreMatrix,
  marketProbabilities,
  overUnderProbability,
  poissonProbability,
  poissonScoreMatrix,
  type ScoreMatrix,
} from './score-model.js';

const total = (matrix: ScoreMatrix): number =>
  matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

const rate = fc.double({ min: 0.1, max: 4, noNaN: true });

describe('poissonProbability', () => {
  it('matches the closed form', () => {
    expect(poissonProbability(1.5, 0)).toBeCloseTo(Math.exp(-1.5), 15);
    expect(poissonProbability(1.5, 2)).toBeCloseTo((Math.exp(-1.5) * 1.5 ** 2) / 2, 15);
    expect(poissonProbability(0, 0)).toBe(1);
    expect(poissonProbability(0, 3)).toBe(0);
  });

  it('stays finite for rates where e^-lambda alone would underflow', () => {
    expect(poissonProbability(800, 800)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI * 800), 4);
  });

  it('rejects negative rates and fractional goal counts', () => {
    expect(() => poissonProbability(-0.5, 1)).toThrow('lambda must not be negative');
    expect(() => poissonProbability(1, 1.5)).toThrow('goals must be an integer');
    expect(() => poissonProbability(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('poissonScoreMatrix', () => {
  it('multiplies the two independent goal distributions', () => {
    const matrix = poissonScoreMatrix(1.5, 1.1);
    expect(matrix).toHaveLength(11);
    matrix.forEach((row) => expect(row).toHaveLength(11));
    expect(matrix[0][0]).toBeCloseTo(Math.exp(-2.6), 15);
    expect(matrix[2][1]).toBeCloseTo(poissonProbability(1.5, 2) * poissonProbability(1.1, 1), 15);
    expect(total(matrix)).toBeCloseTo(1, 5);
  });

  it('gives the reference 1X2 and over 2.5 for rates 1.5 v 1.1', () => {
    const markets = marketProbabilities(poissonScoreMatrix(1.5, 1.1));
    expect(markets.home.toFixed(4)).toBe('0.4642');
    expect(markets.draw.toFixed(4)).toBe('0.2577');
    expect(markets.away.toFixed(4)).toBe('0.2781');
    expect(markets.over.toFixed(4)).toBe('0.4816');
  });

  it('honours a custom grid size', () => {
    expect(poissonScoreMatrix(1, 1, 3)).toHaveLength(4);
    expect(poissonScoreMatrix(1, 1, 0)).toEqual([[Math.exp(-2)]]);
  });

  it('rejects invalid rates and grid sizes', () => {
    expect(() => poissonScoreMatrix(-1, 1)).toThrow('lambdaHome must not be negative');
    expect(() => poissonScoreMatrix(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => poissonScoreMatrix(1, 1, 2.5)).toThrow('maxGoals must be an integer');
    expect(() => poissonScoreMatrix(1, 1, -1)).toThrow(RangeError);
  });
});

describe('dixonColesScoreMatrix', () => {
  it('equals the normalised Poisson grid when rho is 0', () => {
    const poisson = poissonScoreMatrix(1.5, 1.1);
    const mass = total(poisson);
    const dc = dixonColesScoreMatrix(1.5, 1.1, 0);
    dc.forEach((row, h) => row.forEach((p, a) => expect(p).toBeCloseTo(poisson[h][a] / mass, 15)));
  });

  it('with negative rho moves probability from 1-0 and 0-1 to 0-0 and 1-1', () => {
    const poisson = poissonScoreMatrix(1.5, 1.1);
    const dc = dixonColesScoreMatrix(1.5, 1.1, -0.1);
    expect(dc[0][0]).toBeGreaterThan(poisson[0][0]);
    expect(dc[1][1]).toBeGreaterThan(poisson[1][1]);
    expect(dc[1][0]).toBeLessThan(poisson[1][0]);
    expect(dc[0][1]).toBeLessThan(poisson[0][1]);
    expect(marketProbabilities(dc).draw).toBeGreaterThan(marketProbabilities(poisson).draw);
  });

  it('applies the published tau factors and leaves the other cells in proportion', () => {
    const [lh, la, rho] = [1.5, 1.1, -0.13];
    const poisson = poissonScoreMatrix(lh, la);
    const dc = dixonColesScoreMatrix(lh, la, rho);
    const scale = dc[2][3] / poisson[2][3];
    expect(dc[0][0] / poisson[0][0]).toBeCloseTo((1 - lh * la * rho) * scale, 12);
    expect(dc[0][1] / poisson[0][1]).toBeCloseTo((1 + lh * rho) * scale, 12);
    expect(dc[1][0] / poisson[1][0]).toBeCloseTo((1 + la * rho) * scale, 12);
    expect(dc[1][1] / poisson[1][1]).toBeCloseTo((1 - rho) * scale, 12);
    expect(dc[5][0] / poisson[5][0]).toBeCloseTo(scale, 12);
  });

  it('rejects rho values that would make a score probability negative', () => {
    expect(() => dixonColesScoreMatrix(1.5, 1.1, -1)).toThrow('outside the valid Dixon-Coles range');
    expect(() => dixonColesScoreMatrix(1.5, 1.1, 1.2)).toThrow(RangeError);
    expect(() => dixonColesScoreMatrix(1.5, 1.1, Number.NaN)).toThrow(RangeError);
  });

  it('always sums to 1 with non-negative cells for valid rho', () => {
    fc.assert(
      fc.property(rate, rate, fc.double({ min: -0.25, max: 0.15, noNaN: true }), (lh, la, rho) => {
        fc.pre(lh * la * rho <= 1);
        const dc = dixonColesScoreMatrix(lh, la, rho);
        expect(total(dc)).toBeCloseTo(1, 12);
        dc.forEach((row) => row.forEach((p) => expect(p).toBeGreaterThanOrEqual(0)));
      }),
    );
  });
});

describe('overUnderProbability', () => {
  const matrix = poissonScoreMatrix(1.5, 1.1, 15);

  it('agrees with the Poisson distribution of total goals', () => {
    // The sum of independent Poisson variables is Poisson with the summed rate.
    const underTwoAndAHalf = [0, 1, 2].reduce((sum, k) => sum + poissonProbability(2.6, k), 0);
    const { over, under, push } = overUnderProbability(matrix, 2.5);
    expect(under).toBeCloseTo(underTwoAndAHalf, 10);
    expect(over).toBeCloseTo(1 - underTwoAndAHalf, 10);
    expect(push).toBe(0);
  });

  it('reports the refund chance on a whole-goal line', () => {
    const { over, under, push } = overUnderProbability(matrix, 2);
    expect(push).toBeCloseTo(poissonProbability(2.6, 2), 10);
    expect(over + under + push).toBeCloseTo(1, 12);
  });

  it('rejects quarter lines, negative lines and malformed grids', () => {
    expect(() => overUnderProbability(matrix, 2.25)).toThrow('whole or half goal');
    expect(() => overUnderProbability(matrix, -0.5)).toThrow(RangeError);
    expect(() => overUnderProbability([], 2.5)).toThrow('at least one row');
    expect(() => overUnderProbability([[]], 2.5)).toThrow('at least one column');
    expect(() => overUnderProbability([[0.5, -0.1]], 2.5)).toThrow('matrix[0][1]');
    expect(() => overUnderProbability([[0, 0]], 2.5)).toThrow('no probability mass');
  });

  it('is monotone in the line', () => {
    fc.assert(
      fc.property(rate, rate, fc.integer({ min: 0, max: 12 }), (lh, la, halfSteps) => {
        const grid = poissonScoreMatrix(lh, la);
        const line = halfSteps / 2;
        expect(overUnderProbability(grid, line + 0.5).over).toBeLessThanOrEqual(
          overUnderProbability(grid, line).over + 1e-15,
        );
      }),
    );
  });
});

describe('marketProbabilities', () => {
  it('derives every market from one grid', () => {
    const markets = marketProbabilities(poissonScoreMatrix(1.5, 1.1, 20), 2.5);
    const bttsYes = (1 - Math.exp(-1.5)) * (1 - Math.exp(-1.1));
    expect(markets.bttsYes).toBeCloseTo(bttsYes, 10);
    expect(markets.bttsNo).toBeCloseTo(1 - bttsYes, 10);
    expect(markets.expectedGoalsHome).toBeCloseTo(1.5, 8);
    expect(markets.expectedGoalsAway).toBeCloseTo(1.1, 8);
  });

  it('uses the requested over/under line', () => {
    const grid = poissonScoreMatrix(1.5, 1.1);
    expect(marketProbabilities(grid, 1.5).over).toBeCloseTo(overUnderProbability(grid, 1.5).over, 15);
  });

  it('treats the teams symmetrically', () => {
    const markets = marketProbabilities(poissonScoreMatrix(1.3, 1.3));
    expect(markets.home).toBeCloseTo(markets.away, 12);
  });

  it('gives complementary markets that each sum to 1', () => {
    fc.assert(
      fc.property(rate, rate, (lh, la) => {
        const m = marketProbabilities(poissonScoreMatrix(lh, la));
        expect(m.home + m.draw + m.away).toBeCloseTo(1, 12);
        expect(m.over + m.under).toBeCloseTo(1, 12);
        expect(m.bttsYes + m.bttsNo).toBeCloseTo(1, 12);
      }),
    );
  });

  it('gives the home side a better chance as its scoring rate rises', () => {
    fc.assert(
      fc.property(rate, rate, fc.double({ min: 0.01, max: 1, noNaN: true }), (lh, la, bump) => {
        const before = marketProbabilities(poissonScoreMatrix(lh, la)).home;
        const after = marketProbabilities(poissonScoreMatrix(lh + bump, la)).home;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });
});
