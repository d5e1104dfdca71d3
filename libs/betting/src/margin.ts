import { assertFiniteNumber, assertNonNegative, assertOddsList } from './guards.js';
import { bisect } from './root-finding.js';

export type MarginMethod = 'multiplicative' | 'additive' | 'power' | 'shin';

export interface ShinResult {
  probabilities: number[];
  /**
   * Shin's estimate of the share of money from insiders. Negative values only appear for
   * under-round books (overround < 1), where the insider reading no longer applies and z is just
   * the parameter that makes the probabilities sum to 1.
   */
  z: number;
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

// The root finders leave errors around 1e-16; dividing by the sum makes "sums to 1" exact to
// double precision, which callers pricing derived markets rely on.
const normalise = (values: readonly number[]): number[] => {
  const total = sum(values);
  return values.map((v) => v / total);
};

const impliedProbabilities = (odds: readonly number[]): number[] => odds.map((o) => 1 / o);

/** Scales every implied probability by the same factor: margin is assumed proportional to price. */
export function removeMarginMultiplicative(odds: number[]): number[] {
  assertOddsList(odds, 2);
  return normalise(impliedProbabilities(odds));
}

/**
 * Subtracts an equal share of the margin from every outcome. Long shots can be pushed to zero or
 * below, and a non-positive probability has no meaning, so that case is rejected rather than
 * clamped (clamping would silently change the other outcomes' prices).
 */
export function removeMarginAdditive(odds: number[]): number[] {
  assertOddsList(odds, 2);
  const implied = impliedProbabilities(odds);
  const share = (sum(implied) - 1) / implied.length;
  const fair = implied.map((p) => p - share);
  const bad = fair.findIndex((p) => p <= 0);
  if (bad !== -1) {
    throw new RangeError(
      `additive margin removal leaves odds[${bad}] = ${odds[bad]} with a non-positive probability; ` +
        'use the multiplicative, power or shin method for markets with long shots',
    );
  }
  return normalise(fair);
}

/**
 * Finds k with sum((1/o)^k) = 1. Raising to a power shrinks small probabilities relatively more,
 * which models the favourite/long-shot bias better than proportional scaling.
 */
export function removeMarginPower(odds: number[]): number[] {
  assertOddsList(odds, 2);
  const implied = impliedProbabilities(odds);
  const excess = (k: number): number => sum(implied.map((p) => p ** k)) - 1;
  // excess(0) = n - 1 > 0 and excess falls towards -1 as k grows because every p < 1,
  // so doubling the upper end always reaches a bracket.
  let lower = 0;
  let upper = 1;
  while (excess(upper) > 0) {
    lower = upper;
    upper *= 2;
  }
  const k = bisect(excess, lower, upper);
  return normalise(implied.map((p) => p ** k));
}

function shinProbabilities(implied: readonly number[], book: number, z: number): number[] {
  return implied.map(
    (p) => (Math.sqrt(z * z + (4 * (1 - z) * p * p) / book) - z) / (2 * (1 - z)),
  );
}

/**
 * Shin (1992/1993): the bookmaker sets prices to protect against a share z of insider money.
 * Solves for the z at which the implied fair probabilities sum to 1.
 */
export function removeMarginShin(odds: number[]): ShinResult {
  assertOddsList(odds, 2);
  const implied = impliedProbabilities(odds);
  const book = sum(implied);
  const excess = (z: number): number => sum(shinProbabilities(implied, book, z)) - 1;

  // At z = 0 the probabilities sum to sqrt(book); as z -> 1 they sum to sum(p^2)/book < 1 and as
  // z -> -infinity each tends to 1. So the root is in (0, 1) for an over-round book and below 0
  // otherwise; the loops only widen the bracket until the sign change is captured.
  let z = 0;
  if (book > 1) {
    let upper = 0.5;
    while (excess(upper) > 0) upper = (upper + 1) / 2;
    z = bisect(excess, 0, upper);
  } else if (book < 1) {
    let lower = -1;
    while (excess(lower) < 0) lower *= 2;
    z = bisect(excess, lower, 0);
  }
  return { probabilities: normalise(shinProbabilities(implied, book, z)), z };
}

/** Margin-free decimal odds for each outcome, using the chosen removal method. */
export function fairOdds(odds: number[], method: MarginMethod = 'multiplicative'): number[] {
  let probabilities: number[];
  switch (method) {
    case 'multiplicative':
      probabilities = removeMarginMultiplicative(odds);
      break;
    case 'additive':
      probabilities = removeMarginAdditive(odds);
      break;
    case 'power':
      probabilities = removeMarginPower(odds);
      break;
    case 'shin':
      probabilities = removeMarginShin(odds).probabilities;
      break;
    default: {
      // Reachable from untyped callers (e.g. a method name taken from a request body).
      const unknown: never = method;
      throw new RangeError(`unknown margin removal method: ${String(unknown)}`);
    }
  }
  return probabilities.map((p) => 1 / p);
}

/**
 * Prices a market from model probabilities so that the resulting book has an overround of exactly
 * 1 + margin, with the margin spread in proportion to each probability. The probabilities are
 * normalised first so a slightly truncated model (e.g. a score grid) still yields that overround.
 */
export function applyMargin(probabilities: number[], margin: number): number[] {
  if (!Array.isArray(probabilities) || probabilities.length < 2) {
    throw new RangeError('probabilities must contain at least 2 values');
  }
  probabilities.forEach((p, i) => {
    assertFiniteNumber(p, `probabilities[${i}]`);
    // A zero probability would need infinite odds, which no market can quote.
    if (p <= 0 || p > 1) {
      throw new RangeError(`probabilities[${i}] must be in (0, 1], received ${p}`);
    }
  });
  assertNonNegative(margin, 'margin');

  const odds = normalise(probabilities).map((p) => 1 / (p * (1 + margin)));
  const bad = odds.findIndex((o) => o <= 1);
  if (bad !== -1) {
    throw new RangeError(
      `a margin of ${margin} prices outcome ${bad} at ${odds[bad]}, which is not above 1; ` +
        'use a smaller margin for a market with such a strong favourite',
    );
  }
  return odds;
}
