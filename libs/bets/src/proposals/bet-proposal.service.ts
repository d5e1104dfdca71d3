import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  BettingClosedError,
  PlacementInProgressError,
  PlacementOutcomeUnknownError,
  ProposalAlreadyConfirmedError,
  ProposalNotFoundError,
} from '../bets.errors.js';
import type { BetSlip } from '../bet.types.js';
import { BetPlacementService, type PlacementOutcome } from '../placement/bet-placement.service.js';
import { BetPricingService } from '../pricing/bet-pricing.service.js';
import { PROPOSAL_TTL_MS, ProposalStore, type BetProposal } from './proposal.store.js';

/**
 * Bets the assistant proposes in a chat turn. A proposal is priced and stored for its user for ten
 * minutes; it is placed only when that user confirms it with an explicit action (REST or the
 * `confirm_bet` socket event), at the quoted prices within the usual tolerance, and at most once.
 */
@Injectable()
export class BetProposalService {
  constructor(
    private readonly pricing: BetPricingService,
    private readonly placement: BetPlacementService,
    private readonly store: ProposalStore,
  ) {}

  /** Prices the slip and keeps it for the user; refuses what could not be placed anyway. */
  async propose(userId: string, slip: BetSlip): Promise<BetProposal> {
    await this.placement.assertMayBet(userId, slip);
    const quote = await this.pricing.quote(slip);
    if (quote.voidLegs.length > 0) throw new BettingClosedError(quote.voidLegs.map((leg) => leg.matchId));

    const now = Date.now();
    const proposal: BetProposal = {
      id: `prop_${randomBytes(12).toString('base64url')}`,
      userId,
      slip: {
        stake: quote.stake,
        currency: quote.currency,
        selections: quote.legs.map((leg) => ({
          matchId: leg.matchId,
          market: leg.market,
          selection: leg.selection,
          ...(leg.line !== undefined ? { line: leg.line } : {}),
          acceptedOdds: leg.odds,
        })),
      },
      quote,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + PROPOSAL_TTL_MS).toISOString(),
    };
    await this.store.save(proposal);
    return proposal;
  }

  listOpen(userId: string): Promise<BetProposal[]> {
    return this.store.listOpen(userId);
  }

  /**
   * Places the user's proposal. The same Idempotency-Key again returns the same bet (also after the
   * proposal expired); another key gets PROPOSAL_ALREADY_CONFIRMED. Unknown, expired and other
   * users' proposals are all PROPOSAL_NOT_FOUND.
   */
  async confirm(userId: string, proposalId: string, idempotencyKey: string, language: 'en' | 'es' = 'en'): Promise<PlacementOutcome> {
    const proposal = await this.store.get(proposalId);
    if (!proposal || proposal.userId !== userId) {
      const earlier = await this.earlierConfirmation(userId, proposalId, idempotencyKey);
      if (earlier) return earlier;
      throw new ProposalNotFoundError(proposalId);
    }
    const holder = await this.store.claim(proposalId, idempotencyKey);
    if (holder !== undefined && holder !== idempotencyKey) {
      const bet = await this.placement.findByKey(userId, holder);
      throw new ProposalAlreadyConfirmedError(bet?.id);
    }
    try {
      const outcome = await this.placement.place(userId, idempotencyKey, proposal.slip, { origin: 'chat_proposal', proposalId, language });
      await this.store.close(proposal);
      return outcome;
    } catch (error) {
      // A failed confirmation leaves the proposal open for another try, unless the bet may exist.
      const mayExist = error instanceof PlacementOutcomeUnknownError || error instanceof PlacementInProgressError;
      if (holder === undefined && !mayExist) await this.store.release(proposalId);
      throw error;
    }
  }

  private async earlierConfirmation(userId: string, proposalId: string, idempotencyKey: string): Promise<PlacementOutcome | undefined> {
    if ((await this.store.claimedBy(proposalId)) !== idempotencyKey) return undefined;
    const bet = await this.placement.findByKey(userId, idempotencyKey);
    return bet && bet.proposalId === proposalId ? { bet, replayed: true } : undefined;
  }
}
