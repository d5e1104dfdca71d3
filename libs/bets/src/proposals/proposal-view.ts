import { legView, type LegView } from '../bet-views.js';
import type { BetProposal } from './proposal.store.js';

export interface ProposalView {
  proposal_id: string;
  type: 'single' | 'accumulator';
  legs: LegView[];
  stake: number;
  currency: string;
  combined_odds: number;
  potential_return: number;
  profit: number;
  created_at: string;
  expires_at: string;
  needs_confirmation: true;
}

export function proposalView(proposal: BetProposal): ProposalView {
  const { quote } = proposal;
  return {
    proposal_id: proposal.id,
    type: quote.type,
    legs: quote.legs.map(legView),
    stake: quote.stake,
    currency: quote.currency,
    combined_odds: quote.combinedOdds,
    potential_return: quote.potentialReturn,
    profit: quote.profit,
    created_at: proposal.createdAt,
    expires_at: proposal.expiresAt,
    needs_confirmation: true,
  };
}
