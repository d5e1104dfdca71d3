import { Injectable } from '@nestjs/common';
import { BetProposer, type BetProposalRequest, type ProposedBet } from '@app/llm';
import { BetProposalService } from '../proposals/bet-proposal.service.js';

/** The chat's propose_bet tool stores proposals through this; placing stays with the user's confirmation. */
@Injectable()
export class ChatBetProposer extends BetProposer {
  constructor(private readonly proposals: BetProposalService) {
    super();
  }

  async propose(userId: string, request: BetProposalRequest): Promise<ProposedBet> {
    const { id, quote, expiresAt } = await this.proposals.propose(userId, {
      stake: request.stake,
      currency: request.currency,
      selections: request.selections.map((s) => ({ matchId: s.matchId, market: s.market, selection: s.selection, ...(s.line !== undefined ? { line: s.line } : {}) })),
    });
    return {
      proposal_id: id,
      type: quote.type,
      legs: quote.legs.map((leg) => ({
        match_id: leg.matchId,
        home: leg.fixture.home,
        away: leg.fixture.away,
        competition: leg.fixture.tournament.name,
        kickoff: leg.fixture.startTime,
        market: leg.market,
        ...(leg.line !== undefined ? { line: leg.line } : {}),
        selection: leg.selection,
        name: leg.name,
        odds: leg.odds,
      })),
      stake: quote.stake,
      currency: quote.currency,
      combined_odds: quote.combinedOdds,
      potential_return: quote.potentialReturn,
      profit: quote.profit,
      expires_at: expiresAt,
    };
  }
}
