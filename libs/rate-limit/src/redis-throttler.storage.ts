import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';

// A throttler command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;

/**
 * `count` hits of one key counted at once, exactly as that many calls of one hit each, one after the
 * other, would count them (a fixed window with blocking, in milliseconds): KEYS[1] the counter; ARGV
 * ttl, limit, block duration, count. The counter's first hits set the window's expiry. The hits that
 * go over the limit turn the counter into the block: it is set to limit + 1 with the block's expiry,
 * so while it lives every hit is refused and reported as limit + 1, and counting starts afresh once
 * it expires. Two or three commands per call. Returns {hits after counting, ms left of the counter};
 * the caller works out each hit's own answer (`recordsOf`).
 */
const INCREMENT = new RedisScript(`
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local hits = redis.call('INCRBY', KEYS[1], count)
local left
if hits == count then
  redis.call('PEXPIRE', KEYS[1], ttl)
  left = ttl
else
  left = redis.call('PTTL', KEYS[1])
end
if hits > limit and block > 0 and hits - count <= limit then
  redis.call('SET', KEYS[1], limit + 1, 'PX', block)
end
return { hits, left }
`);

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
 * so a client's REST requests count once however the load balancer spreads them. Each increment is
 * one Lua script sent by its SHA (count, expiry and block in one round trip, never interleaved with another
 * instance's). The hits of one key that arrive in the same turn of the event loop are counted by one
 * call of the script (INCRBY their number), and each gets the answer it would have had alone: one
 * Redis command per client and loop turn rather than per request.
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
      // Hash-tagged like every key a script touches, ready for a Redis Cluster.
      const counter = this.redis.key('throttle', `{${batch.throttlerName}:${batch.key}}`, 'hits');
      const reply = await withTimeout(
        INCREMENT.run(this.redis.raw, [counter], [batch.ttl, batch.limit, batch.blockDuration, batch.waiters.length]),
        COMMAND_TIMEOUT_MS,
        'throttler command timed out',
      );
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected throttler script reply');
      const records = recordsOf(Number(reply[0]), Number(reply[1]), batch);
      batch.waiters.forEach((waiter, index) => waiter.resolve(records[index]));
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
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
