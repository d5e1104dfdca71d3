import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RedisService, withTimeout } from '@app/redis';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';

// A throttler command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;

/**
 * A `ThrottlerStorage` (the `@nestjs/throttler` v6 interface) shared by every instance through Redis,
 * so a client's REST requests count once however the load balancer spreads them.
 *
 * A fixed window with blocking, on one key per tracker: INCR and PTTL sent together (one round trip,
 * two commands, no script). The first hit (or a counter found without expiry) sets the window's
 * expiry with PEXPIRE; the hit that goes over the limit turns the counter into the block (SET to
 * limit + 1 with the block's expiry), so while it lives every hit is refused and reported as
 * limit + 1, and counting starts afresh once it expires. Those follow-ups cost a second round trip
 * only on the first hit of a window and on the first refused hit. INCR is atomic, so concurrent hits
 * from several instances never pass more than the limit.
 *
 * Without Redis the in-memory storage counts, per instance. While a configured Redis is unreachable
 * the in-memory storage stands in too (logged once), rather than refusing every request or letting
 * them all through.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private degraded = false;

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

  private async incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // Hash-tagged, ready for a Redis Cluster.
    const counter = this.redis.key('throttle', `{${throttlerName}:${key}}`, 'hits');
    const client = this.redis.raw;
    // Sent in the same tick: the client writes both (and the other throttlers' of the request) at once.
    const [hits, pttl] = await withTimeout(Promise.all([client.incr(counter), client.pTTL(counter)]), COMMAND_TIMEOUT_MS, 'throttler command timed out');
    let left = pttl;
    if (hits === 1 || pttl < 0) {
      // A new window; or a counter left without expiry (its window's PEXPIRE never arrived): it gets one now.
      left = hits > limit && blockDuration > 0 ? blockDuration : ttl;
      await withTimeout(client.pExpire(counter, left), COMMAND_TIMEOUT_MS, 'throttler command timed out');
    }
    if (hits <= limit) return { totalHits: hits, timeToExpire: Math.ceil(left / 1000), isBlocked: false, timeToBlockExpire: 0 };
    if (blockDuration > 0 && hits === limit + 1) {
      await withTimeout(client.set(counter, limit + 1, { expiration: { type: 'PX', value: blockDuration } }), COMMAND_TIMEOUT_MS, 'throttler command timed out');
      left = blockDuration;
    }
    const seconds = Math.ceil(left / 1000);
    return { totalHits: blockDuration > 0 ? limit + 1 : hits, timeToExpire: seconds, isBlocked: true, timeToBlockExpire: seconds };
  }
}
