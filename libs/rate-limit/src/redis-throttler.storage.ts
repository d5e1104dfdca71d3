import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RedisService, withTimeout } from '@app/redis';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';

// A throttler command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;
const MAX_KNOWN_WINDOWS = 10_000;

interface Batch {
  key: string;
  ttl: number;
  limit: number;
  blockDuration: number;
  throttlerName: string;
  waiters: Array<{ resolve(record: ThrottlerStorageRecord): void; reject(error: unknown): void }>;
}

/**
 * A `ThrottlerStorage` (the `@nestjs/throttler` v6 interface) shared by every instance through Redis,
 * so a client's REST requests count once however the load balancer spreads them.
 *
 * A fixed window with blocking, in milliseconds, on one key per tracker. The hits of one key that
 * arrive in the same turn of the event loop are counted together, each getting the answer it would
 * have had alone (`recordsOf`): INCRBY their number and PTTL, sent together (one round trip, two
 * commands, no script); PTTL is left out while this instance knows when the window ends. The window's first hits (or a counter found without expiry) set its expiry
 * with PEXPIRE; the hits that go over the limit turn the counter into the block (SET to limit + 1
 * with the block's expiry), so while it lives every hit is refused and reported as limit + 1, and
 * counting starts afresh once it expires. Those follow-ups cost a second round trip only on a
 * window's first hits and its first refused ones. INCRBY is atomic, so concurrent hits from several
 * instances never pass more than the limit.
 *
 * Without Redis the in-memory storage counts, per instance. While a configured Redis is unreachable
 * the in-memory storage stands in too (logged once), rather than refusing every request or letting
 * them all through.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private degraded = false;
  private readonly batches = new Map<string, Batch>();
  private flushScheduled = false;
  /**
   * When the current window of a counter ends (epoch ms), as this instance learnt it (its PEXPIRE or
   * a PTTL). Within it an allowed hit needs no PTTL: a window's expiry only changes once it has
   * ended, or by the block, which only a hit over the limit sets (and such hits always ask Redis).
   */
  private readonly windowEnds = new Map<string, number>();

  constructor(
    private readonly redis: RedisService,
    private readonly memory: MemoryThrottlerStorage,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.redis.isReady) {
      try {
        const record = await this.incrementInRedis(key, ttl, limit, blockDuration, throttlerName);
        this.degraded = false;
        return record;
      } catch (error) {
        if (!this.degraded) {
          this.degraded = true;
          this.logger.warn(`REST rate limits counted per instance until Redis answers again (${error instanceof Error ? error.message : String(error)})`);
        }
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /**
   * The count when this instance counts by itself (no Redis, or Redis away): answered synchronously,
   * so a request is checked without waiting. `undefined` when Redis counts: call `increment`.
   */
  incrementLocally(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ThrottlerStorageRecord | undefined {
    if (this.redis.isReady) return undefined;
    return this.memory.incrementNow(key, ttl, limit, blockDuration, throttlerName);
  }

  /** Joins this hit to its key's batch, counted after the I/O of this loop turn. */
  private incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const id = `${throttlerName}\u0000${key}\u0000${ttl}\u0000${limit}\u0000${blockDuration}`;
    let batch = this.batches.get(id);
    if (batch === undefined) {
      batch = { key, ttl, limit, blockDuration, throttlerName, waiters: [] };
      this.batches.set(id, batch);
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    const waiters = batch.waiters;
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  private flush(): void {
    this.flushScheduled = false;
    const batches = [...this.batches.values()];
    this.batches.clear();
    for (const batch of batches) void this.count(batch);
  }

  private async count(batch: Batch): Promise<void> {
    try {
      // Hash-tagged, ready for a Redis Cluster.
      const counter = this.redis.key('throttle', `{${batch.throttlerName}:${batch.key}}`, 'hits');
      const client = this.redis.raw;
      const { ttl, limit, blockDuration } = batch;
      const count = batch.waiters.length;
      const now = Date.now();
      const known = this.windowEnds.get(counter);
      const ttlKnown = known !== undefined && known > now;
      // Sent in the same tick: the client writes both (and the other keys' of this loop turn) at once.
      const [hits, pttl] = await withTimeout(
        Promise.all([client.incrBy(counter, count), ttlKnown ? known - now : client.pTTL(counter)]),
        COMMAND_TIMEOUT_MS,
        'throttler command timed out',
      );
      let left = pttl;
      const followUps: Promise<unknown>[] = [];
      if (hits === count || pttl < 0) {
        // A new window; or a counter left without expiry (its window's PEXPIRE never arrived): it gets one now.
        left = ttl;
        followUps.push(client.pExpire(counter, ttl));
      } else if (hits > limit && ttlKnown) {
        // A refused hit reports what Redis says is left.
        followUps.push(client.pTTL(counter).then((ms) => (left = ms)));
      }
      if (hits > limit && blockDuration > 0 && hits - count <= limit) followUps.push(client.set(counter, limit + 1, { expiration: { type: 'PX', value: blockDuration } }));
      if (followUps.length > 0) await withTimeout(Promise.all(followUps), COMMAND_TIMEOUT_MS, 'throttler command timed out');
      if (hits > limit) this.windowEnds.delete(counter);
      else this.rememberWindowEnd(counter, now + left, now);
      const records = recordsOf(hits, left, batch);
      batch.waiters.forEach((waiter, index) => waiter.resolve(records[index]));
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  private rememberWindowEnd(counter: string, end: number, now: number): void {
    if (this.windowEnds.size >= MAX_KNOWN_WINDOWS) {
      for (const [key, at] of this.windowEnds) if (at <= now) this.windowEnds.delete(key);
      if (this.windowEnds.size >= MAX_KNOWN_WINDOWS) this.windowEnds.clear();
    }
    this.windowEnds.set(counter, end);
  }
}

/** The answer each hit of a batch would have had if the hits had been counted one by one, in order. */
function recordsOf(hits: number, msLeft: number, batch: Batch): ThrottlerStorageRecord[] {
  const { limit, blockDuration } = batch;
  const before = hits - batch.waiters.length;
  return batch.waiters.map((_, index) => {
    // The counter was already the block: every hit is refused, reported as limit + 1.
    if (blockDuration > 0 && before > limit) return { totalHits: limit + 1, timeToExpire: seconds(msLeft), isBlocked: true, timeToBlockExpire: seconds(msLeft) };
    const totalHits = before + 1 + index;
    if (totalHits <= limit) return { totalHits, timeToExpire: seconds(msLeft), isBlocked: false, timeToBlockExpire: 0 };
    // The first hit over the limit starts the block; the ones after it find the key blocked.
    if (blockDuration > 0) return { totalHits: limit + 1, timeToExpire: seconds(blockDuration), isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
    return { totalHits, timeToExpire: seconds(msLeft), isBlocked: true, timeToBlockExpire: seconds(msLeft) };
  });
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}
