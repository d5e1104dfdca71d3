import { assertDecimalOdds, assertOddsList } from './guards.js';

/** Probability implied by a decimal price, margin included. */
export function impliedProbability(decimalOdds: number): number {
  assertDecimalOdds(decimalOdds);
  return 1 / decimalOdds;
}

/**
 * Sum of the implied probabilities of a market's outcomes: above 1 the book carries a margin,
 * below 1 the prices (usually best prices across books) leave room for an arbitrage.
 */
export function overround(odds: number[]): number {
  assertOddsList(odds, 1);
  return odds.reduce((sum, price) => sum + 1 / price, 0);
}
