import type { BetProvider, BetQuote } from '../bet.types.js';

/** One bet to take the stake for and place, already priced and checked. */
export interface PlacementOrder {
  betId: string;
  userId: string;
  quote: BetQuote;
  /** Language of the user, for the bookmaker's messages. */
  language: 'en' | 'es';
}

export interface PlacementReceipt {
  /** The stake actually taken (a replayed ledger debit reports the first one's). */
  amount: number;
  balanceAfter?: number;
  providerBetId?: string;
  ledgerEntryId?: string;
  /** The potential return the bookmaker confirmed, when it says. */
  confirmedReturn?: number;
}

/**
 * Where bets are placed: the embedded ledger, or the ChatBet upstream (which takes the stake
 * itself). Also the DI token; BetsModule picks the implementation from config.
 */
export abstract class BetPlacer {
  abstract readonly provider: BetProvider;

  /**
   * Takes the stake and places the bet. Throws when nothing was placed, or
   * PlacementOutcomeUnknownError when it cannot tell.
   */
  abstract place(order: PlacementOrder): Promise<PlacementReceipt>;

  /** Gives the stake back after a placed bet could not be recorded; false when this provider cannot. */
  abstract refund(order: PlacementOrder, receipt: PlacementReceipt): Promise<boolean>;
}
