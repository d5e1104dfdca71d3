import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** What `ThrottlerStorage.increment` answers (`@nestjs/throttler` v6): hits, and seconds until the window and the block end. */
export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

interface Entry {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

const SWEEP_INTERVAL_MS = 60_000;
const MAX_ENTRIES = 100_000;

/**
 * Per-instance counts with exactly the semantics of the Redis script (fixed window; the hit over the
 * limit starts a block of `blockDuration`, hits while blocked are not counted, counting starts
 * afresh after the block), used when Redis is not configured or does not answer.
 */
@Injectable()
export class MemoryThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Date.now();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return this.incrementNow(key, ttl, limit, blockDuration, throttlerName);
  }

  /** `increment`, answered synchronously. */
  incrementNow(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ThrottlerStorageRecord {
    const now = Date.now();
    this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    let entry = this.entries.get(id);
    if (entry && entry.blockedUntil > now) {
      const left = entry.blockedUntil - now;
      return { totalHits: limit + 1, timeToExpire: seconds(left), isBlocked: true, timeToBlockExpire: seconds(left) };
    }
    if (!entry || entry.expiresAt <= now) {
      entry = { hits: 0, expiresAt: now + ttl, blockedUntil: 0 };
      this.entries.set(id, entry);
    }
    entry.hits += 1;
    const hits = entry.hits;
    const expiresIn = entry.expiresAt - now;
    if (hits <= limit) return { totalHits: hits, timeToExpire: seconds(expiresIn), isBlocked: false, timeToBlockExpire: 0 };
    if (blockDuration > 0) {
      this.entries.set(id, { hits: 0, expiresAt: now, blockedUntil: now + blockDuration });
      return { totalHits: hits, timeToExpire: seconds(blockDuration), isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
    }
    return { totalHits: hits, timeToExpire: seconds(expiresIn), isBlocked: true, timeToBlockExpire: seconds(expiresIn) };
  }

  onModuleDestroy(): void {
    this.entries.clear();
  }

  /** Drops finished windows and blocks now and then (or when too many keys pile up). */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS && this.entries.size < MAX_ENTRIES) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now && entry.blockedUntil <= now) this.entries.delete(id);
    }
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
