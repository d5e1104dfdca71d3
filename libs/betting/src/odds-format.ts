import { assertDecimalOdds, assertFiniteNumber } from './guards.js';
import { roundMoney } from './rounding.js';

/**
 * Decimal odds are normally quoted to two places, so a fraction is an acceptable reading of a
 * price when it lands within half a hundredth of it.
 */
const DEFAULT_FRACTION_TOLERANCE = 0.005;
// Guards against pathological float inputs; real prices settle within a few steps.
const MAX_CONTINUED_FRACTION_STEPS = 64;
// Headroom over the tolerance so that e.g. 1.12 and 1.13 both read as 1/8 despite float noise.
const TOLERANCE_SLACK = 1e-9;

/**
 * Floor that treats values a hair below an integer as that integer: 1.01 - 1 is stored as
 * 0.010000000000000009, whose reciprocal 99.99999999999991 must expand as 100, not 99.
 */
function continuedFractionTerm(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, value) ? nearest : Math.floor(value);
}

/**
 * Converts decimal odds to the simplest fractional price within `tolerance`.
 *
 * Walking the continued-fraction convergents of (odds - 1) yields the traditional ladder
 * (1.91 -> 10/11, 1.36 -> 4/11, 4.33 -> 10/3) rather than exact but unreadable fractions such as
 * 91/100. The result is always in lowest terms with a positive numerator.
 */
export function decimalToFractional(
  decimalOdds: number,
  tolerance: number = DEFAULT_FRACTION_TOLERANCE,
): string {
  assertDecimalOdds(decimalOdds);
  assertFiniteNumber(tolerance, 'tolerance');
  if (tolerance < 0) throw new RangeError(`tolerance must not be negative, received ${tolerance}`);

  const target = decimalOdds - 1;
  let whole = continuedFractionTerm(target);
  let remainder = Math.max(0, target - whole);
  let numerator = whole;
  let denominator = 1;
  let previousNumerator = 1;
  let previousDenominator = 0;

  for (let step = 0; step < MAX_CONTINUED_FRACTION_STEPS; step += 1) {
    const closeEnough =
      Math.abs(numerator / denominator - target) <= tolerance + TOLERANCE_SLACK;
    // A zero numerator would read as "0/1", i.e. odds of 1, which is not a price.
    if ((closeEnough && numerator > 0) || remainder < 1e-12) break;
    const reciprocal = 1 / remainder;
    whole = continuedFractionTerm(reciprocal);
    remainder = Math.max(0, reciprocal - whole);
    [previousNumerator, numerator] = [numerator, whole * numerator + previousNumerator];
    [previousDenominator, denominator] = [denominator, whole * denominator + previousDenominator];
  }
  return `${numerator}/${denominator}`;
}

const FRACTION_PATTERN = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const EVENS_PATTERN = /^\s*(evs|evens|even)\s*$/i;

/** Parses a fractional price such as "5/2", "100/30" or "evens" into decimal odds. */
export function fractionalToDecimal(fraction: string): number {
  if (typeof fraction !== 'string') {
    throw new RangeError(`fractional odds must be a string like "5/2", received ${String(fraction)}`);
  }
  if (EVENS_PATTERN.test(fraction)) return 2;
  const match = FRACTION_PATTERN.exec(fraction);
  if (!match) {
    throw new RangeError(`fractional odds must look like "5/2", received "${fraction}"`);
  }
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`fractional odds "${fraction}" have parts too large to represent`);
  }
  if (denominator === 0) {
    throw new RangeError(`fractional odds "${fraction}" have a zero denominator`);
  }
  // "0/1" would pay back only the stake, which is not a valid price.
  if (numerator === 0) {
    throw new RangeError(`fractional odds "${fraction}" must have a positive numerator`);
  }
  return 1 + numerator / denominator;
}

/**
 * Converts decimal odds to American (moneyline) odds: +profit on 100 staked for prices of 2.0 and
 * above, -stake needed to win 100 below that. Rounded to two places only to strip float noise
 * (1.1 would otherwise give -999.9999999999991), keeping enough precision to convert back.
 */
export function decimalToAmerican(decimalOdds: number): number {
  assertDecimalOdds(decimalOdds);
  const american = decimalOdds >= 2 ? (decimalOdds - 1) * 100 : -100 / (decimalOdds - 1);
  return roundMoney(american);
}

/** Converts American odds to decimal. Values strictly between -100 and +100 do not exist. */
export function americanToDecimal(americanOdds: number): number {
  assertFiniteNumber(americanOdds, 'American odds');
  if (americanOdds >= 100) return 1 + americanOdds / 100;
  if (americanOdds <= -100) return 1 + 100 / -americanOdds;
  throw new RangeError(
    `American odds must be +100 or more, or -100 or less, received ${americanOdds}`,
  );
}
