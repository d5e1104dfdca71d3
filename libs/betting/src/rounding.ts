import { assertFiniteNumber } from './guards.js';

/**
 * Rounds an amount of money to cents, half away from zero.
 *
 * Going through toPrecision(15) first discards binary noise (1.005 * 100 is 100.49999999999999),
 * so an amount written as 1.005 rounds to 1.01 as a person reading it would expect.
 */
export function roundMoney(amount: number): number {
  assertFiniteNumber(amount, 'amount');
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  // `|| 0` folds -0 into 0 so a tiny negative amount never prints as "-0".
  return (Math.sign(amount) * cents) / 100 || 0;
}
