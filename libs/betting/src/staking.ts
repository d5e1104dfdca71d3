import {
  assertDecimalOdds,
  assertFiniteNumber,
  assertNonNegative,
  assertProbability,
} from './guards.js';
import { roundMoney } from './rounding.js';

/**
 * Expected profit of a bet given our own estimate of the outcome's probability. Not rounded: it is
 * an estimate used to rank and filter bets, not an amount that gets paid.
 */
export function expectedValue(probability: number, odds: number, stake = 1): number {
  assertProbability(probability);
  assertDecimalOdds(odds);
  assertNonNegative(stake, 'stake');
  return stake * (probability * odds - 1);
}

/**
 * Share of bankroll the Kelly criterion puts on a bet. Negative-edge bets get 0 because Kelly's
 * negative answer means "take the other side", which a punter at a bookmaker cannot do.
 * `fraction` scales the result (e.g. 0.5 for half Kelly) to trade growth for lower variance.
 */
export function kellyFraction(probability: number, odds: number, fraction = 1): number {
  assertProbability(probability);
  assertDecimalOdds(odds);
  assertFiniteNumber(fraction, 'fraction');
  if (fraction <= 0 || fraction > 1) {
    throw new RangeError(`fraction must be in (0, 1], received ${fraction}`);
  }
  const netOdds = odds - 1;
  const full = (netOdds * probability - (1 - probability)) / netOdds;
  return Math.max(0, full) * fraction;
}

/** Kelly stake in money for a given bankroll, rounded down to cents so it never exceeds the plan. */
export function kellyStake(
  bankroll: number,
  probability: number,
  odds: number,
  fraction = 1,
): number {
  assertNonNegative(bankroll, 'bankroll');
  const stake = bankroll * kellyFraction(probability, odds, fraction);
  const rounded = roundMoney(stake);
  return rounded > stake ? roundMoney(rounded - 0.01) : rounded;
}
