import type { BetQuote, BetSlip } from '../bet.types.js';

/** A bet the assistant offered in a chat turn; nothing is placed until the user confirms it. */
export interface BetProposal {
  id: string;
  userId: string;
  /** The slip to place on confirmation, each selection carrying the price quoted to the user. */
  slip: BetSlip;
  quote: BetQuote;
  createdAt: string;
  expiresAt: string;
}

/** How long a proposal can be confirmed. */
export const PROPOSAL_TTL_MS = 10 * 60 * 1000;
/** How long a confirmation is remembered, so repeating it returns the same bet. */
export const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

export abstract class ProposalStore {
  /** Stores a proposal until it expires. */
  abstract save(proposal: BetProposal): Promise<void>;

  /** Undefined once expired. */
  abstract get(proposalId: string): Promise<BetProposal | undefined>;

  /** The user's proposals not yet expired or confirmed, newest first. */
  abstract listOpen(userId: string): Promise<BetProposal[]>;

  /**
   * Claims the proposal for a confirmation with this idempotency key. Returns undefined when this
   * call claimed it, or the key of the confirmation that did.
   */
  abstract claim(proposalId: string, idempotencyKey: string): Promise<string | undefined>;

  /** The key the proposal was confirmed with, if any (outlives the proposal). */
  abstract claimedBy(proposalId: string): Promise<string | undefined>;

  /** Gives a claim up after its confirmation failed, so the proposal can be confirmed again. */
  abstract release(proposalId: string): Promise<void>;

  /** Takes a confirmed proposal off the user's open list. */
  abstract close(proposal: BetProposal): Promise<void>;
}
