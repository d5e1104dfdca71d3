import { assertDecimalOdds, assertNonNegative } from './guards.js';
import { roundMoney } from './rounding.js';

export interface SingleReturn {
  stake: number;
  odds: number;
  potentialReturn: number;
  profit: number;
}

export type LegStatus = 'pending' | 'won' | 'void' | 'lost';

export interface AccumulatorLeg {
  odds: number;
  /** Defaults to 'pending'. */
  status?: LegStatus;
}

export interface AccumulatorReturn {
  /** Product of the counted legs' odds; left unrounded because it feeds further pricing. */
  combinedOdds: number;
  potentialReturn: number;
  profit: number;
  /** Probability implied by the combined price, regardless of how the legs settled. */
  impliedProbability: number;
  /** Legs that still count towards the price (everything except void legs). */
  legsCounted: number;
}

/** Return (stake included) and profit of a single bet, in money rounded to cents. */
export function singleReturn(stake: number, odds: number): SingleReturn {
  assertNonNegative(stake, 'stake');
  assertDecimalOdds(odds);
  const potentialReturn = stake * odds;
  return {
    stake: roundMoney(stake),
    odds,
    potentialReturn: roundMoney(potentialReturn),
    profit: roundMoney(potentialReturn - stake),
  };
}

/**
 * Settles or previews an accumulator (parlay). A void leg is priced at 1 so the bet rolls on with
 * the remaining legs, as bookmakers settle it; a single lost leg loses the whole stake. Money is
 * rounded only at the end so per-leg rounding cannot accumulate across many legs.
 */
export function accumulatorReturn(stake: number, legs: AccumulatorLeg[]): AccumulatorReturn {
  assertNonNegative(stake, 'stake');
  if (!Array.isArray(legs) || legs.length === 0) {
    throw new RangeError('an accumulator needs at least one leg');
  }

  let combinedOdds = 1;
  let legsCounted = 0;
  let lost = false;
  legs.forEach((leg, index) => {
    assertDecimalOdds(leg.odds, `legs[${index}].odds`);
    const status = leg.status ?? 'pending';
    switch (status) {
      case 'void':
        return;
      case 'lost':
        lost = true;
        break;
      case 'won':
      case 'pending':
        break;
      default: {
        const unknown: never = status;
        throw new RangeError(`legs[${index}].status is not a known leg status: ${String(unknown)}`);
      }
    }
    combinedOdds *= leg.odds;
    legsCounted += 1;
  });

  const potentialReturn = lost ? 0 : stake * combinedOdds;
  return {
    combinedOdds,
    potentialReturn: roundMoney(potentialReturn),
    profit: roundMoney(potentialReturn - stake),
    impliedProbability: 1 / combinedOdds,
    legsCounted,
  };
}
