import { Injectable } from '@nestjs/common';
import { CONFIRMATION_TTL_MS, ProposalStore, type BetProposal } from './proposal.store.js';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** Proposals in process memory, for a single instance running without Redis. */
@Injectable()
export class MemoryProposalStore extends ProposalStore {
  private readonly proposals = new Map<string, BetProposal>();
  private readonly claims = new Map<string, Expiring<string>>();
  private readonly closed = new Set<string>();

  async save(proposal: BetProposal): Promise<void> {
    this.sweep();
    this.proposals.set(proposal.id, structuredClone(proposal));
  }

  async get(proposalId: string): Promise<BetProposal | undefined> {
    this.sweep();
    const proposal = this.proposals.get(proposalId);
    return proposal && structuredClone(proposal);
  }

  async listOpen(userId: string): Promise<BetProposal[]> {
    this.sweep();
    return [...this.proposals.values()]
      .filter((p) => p.userId === userId && !this.closed.has(p.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((p) => structuredClone(p));
  }

  async claim(proposalId: string, idempotencyKey: string): Promise<string | undefined> {
    const holder = await this.claimedBy(proposalId);
    if (holder !== undefined) return holder;
    this.claims.set(proposalId, { value: idempotencyKey, expiresAt: Date.now() + CONFIRMATION_TTL_MS });
    return undefined;
  }

  async claimedBy(proposalId: string): Promise<string | undefined> {
    this.sweep();
    return this.claims.get(proposalId)?.value;
  }

  async release(proposalId: string): Promise<void> {
    this.claims.delete(proposalId);
  }

  async close(proposal: BetProposal): Promise<void> {
    this.closed.add(proposal.id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, proposal] of this.proposals) {
      if (Date.parse(proposal.expiresAt) <= now) {
        this.proposals.delete(id);
        this.closed.delete(id);
      }
    }
    for (const [id, claim] of this.claims) if (claim.expiresAt <= now) this.claims.delete(id);
  }
}
