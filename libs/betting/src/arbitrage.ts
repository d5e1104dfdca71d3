import { assertFiniteNumber, assertOddsList } from './guards.js';
import { roundMoney } from './rounding.js';

export interface ArbitrageResult {
  isArbitrage: boolean;
  /** Overround of the best prices minus 1; negative when the prices leave an arbitrage. */
  margin: number;
  /** Stakes in cents that equalise the return whichever outcome wins. */
  stakes: number[];
  /** Guaranteed profit (or loss) of the rounded stakes: the worst outcome's return minus their sum. */
  profit: number;
  /** Return on total stake implied by the prices themselves, before stakes are rounded. */
  profitPercent: number;
}

/**
 * Checks best available prices per outcome for an arbitrage and splits `totalStake` so every
 * outcome pays the same. The stakes are still computed when there is no arbitrage, because the
 * (negative) profit then tells the caller what locking in a position would cost.
 */
export function arbitrage(bestOddsPerOutcome: number[], totalStake = 100): ArbitrageResult {
  assertOddsList(bestOddsPerOutcome, 2, 'bestOddsPerOutcome');
  assertFiniteNumber(totalStake, 'totalStake');
  if (totalStake <= 0) throw new RangeError(`totalStake must be positive, received ${totalStake}`);

  const implied = bestOddsPerOutcome.map((odds) => 1 / odds);
  const book = implied.reduce((sum, p) => sum + p, 0);
  const stakes = implied.map((p) => roundMoney((totalStake * p) / book));

  // Profit is measured on the stakes a person would actually place (whole cents), so rounding can
  // make a razor-thin arbitrage show a small loss; that is the honest answer for those stakes.
  const staked = stakes.reduce((sum, s) => sum + s, 0);
  const worstReturn = Math.min(...stakes.map((s, i) => s * bestOddsPerOutcome[i]));

  return {
    isArbitrage: book < 1,
    margin: book - 1,
    stakes,
    profit: roundMoney(worstReturn - staked),
    profitPercent: (1 / book - 1) * 100,
  };
}
