import type { MarketCode, SelectionKey } from '@app/sports-data';

/**
 * What the chat tools may ask of the user's betting account. Both are provided by the bets module
 * (a global module) when it is part of the app; LlmModule works without them, and this lib never
 * depends on the bets or accounts libs.
 */

export interface ProposalSelection {
  matchId: string;
  market: MarketCode;
  selection: SelectionKey;
  line?: number;
}

export interface BetProposalRequest {
  stake: number;
  /** ISO 4217. */
  currency: string;
  selections: ProposalSelection[];
}

/** A bet offered to the user, priced now; it is placed only if the user confirms it themselves. */
export interface ProposedBet {
  proposal_id: string;
  type: 'single' | 'accumulator';
  legs: Array<{
    match_id: string;
    home: string;
    away: string;
    competition: string;
    kickoff: string;
    market: MarketCode;
    line?: number;
    selection: SelectionKey;
    name: string;
    odds: number;
  }>;
  stake: number;
  currency: string;
  combined_odds: number;
  potential_return: number;
  profit: number;
  /** ISO-8601 instant after which the proposal cannot be confirmed. */
  expires_at: string;
}

/**
 * Stores a bet proposal for a verified user. There is deliberately no way to place a bet through
 * the chat tools: placing takes an explicit confirmation by the user (REST or the socket event).
 */
export abstract class BetProposer {
  abstract propose(userId: string, request: BetProposalRequest): Promise<ProposedBet>;
}

export interface SelfExclusion {
  excluded: boolean;
  /** End of the exclusion; null while excluded means indefinitely. */
  until: string | null;
}

/** Whether a verified user has excluded themselves from gambling (no suggestions, no bets). */
export abstract class SelfExclusionReader {
  abstract selfExclusion(userId: string): Promise<SelfExclusion>;
}
