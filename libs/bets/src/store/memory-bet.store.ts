import { Injectable } from '@nestjs/common';
import type { BetRecord } from '../bet.types.js';
import { BetStore, PENDING_KEY_TTL_MS, SETTLED_KEY_TTL_MS, type BetPage, type IdempotencySlot } from './bet.store.js';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** Bets in process memory, for a single instance running without Redis. */
@Injectable()
export class MemoryBetStore extends BetStore {
  readonly kind = 'memory';
  private readonly bets = new Map<string, BetRecord>();
  private readonly byUser = new Map<string, string[]>();
  private readonly keys = new Map<string, Expiring<IdempotencySlot>>();

  async claimKey(userId: string, key: string, slot: IdempotencySlot): Promise<IdempotencySlot | undefined> {
    const held = this.liveKey(userId, key);
    if (held) return held;
    this.keys.set(keyOf(userId, key), { value: slot, expiresAt: Date.now() + PENDING_KEY_TTL_MS });
    return undefined;
  }

  async readKey(userId: string, key: string): Promise<IdempotencySlot | undefined> {
    return this.liveKey(userId, key);
  }

  async settleKey(userId: string, key: string, slot: IdempotencySlot): Promise<void> {
    this.keys.set(keyOf(userId, key), { value: slot, expiresAt: Date.now() + SETTLED_KEY_TTL_MS });
  }

  async releaseKey(userId: string, key: string): Promise<void> {
    this.keys.delete(keyOf(userId, key));
  }

  async saveBet(bet: BetRecord, key: string, fingerprint: string): Promise<void> {
    if (!this.bets.has(bet.id)) {
      const ids = this.byUser.get(bet.userId) ?? [];
      ids.push(bet.id);
      this.byUser.set(bet.userId, ids);
    }
    this.bets.set(bet.id, structuredClone(bet));
    await this.settleKey(bet.userId, key, { state: 'done', fingerprint, betId: bet.id });
  }

  async getBet(betId: string): Promise<BetRecord | undefined> {
    const bet = this.bets.get(betId);
    return bet && structuredClone(bet);
  }

  async listBets(userId: string, offset: number, limit: number): Promise<BetPage> {
    const ids = this.byUser.get(userId) ?? [];
    const recentFirst = ids
      .map((id) => this.bets.get(id))
      .filter((bet): bet is BetRecord => bet !== undefined)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id));
    return { bets: recentFirst.slice(offset, offset + limit).map((bet) => structuredClone(bet)), total: recentFirst.length };
  }

  private liveKey(userId: string, key: string): IdempotencySlot | undefined {
    const entry = this.keys.get(keyOf(userId, key));
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.keys.delete(keyOf(userId, key));
    return undefined;
  }
}

function keyOf(userId: string, key: string): string {
  return `${userId}\u0000${key}`;
}
