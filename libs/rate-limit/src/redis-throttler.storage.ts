import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';

// A throttler command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;

/**
 * One atomic step of a fixed window with blocking, in milliseconds:
 * KEYS[1] the hit counter of the window, KEYS[2] the block marker; ARGV ttl, limit, block duration.
 * A blocked key is answered without counting. The hit that goes over the limit starts a block of
 * `blockDuration` and clears the counter, so counting starts afresh when the block ends. Returns {totalHits, msToExpire, blocked (0/1), msToBlockExpire}.
 */
const INCREMENT_SCRIPT = new RedisScript(`
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return { limit + 1, blocked, 1, blocked }
end
local hits = redis.call('INCR', KEYS[1])
local expires = redis.call('PTTL', KEYS[1])
if expires < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  expires = ttl
end
if hits > limit then
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    redis.call('DEL', KEYS[1])
    return { hits, block, 1, block }
  end
  return { hits, expires, 1, expires }
end
return { hits, expires, 0, 0 }
`);

/**
 * A `ThrottlerStorage` (the `@nestjs/throttler` v6 interface) shared by every instance through Redis,
 * so a client's REST requests count once however the load balancer spreads them. Each increment is
 * one Lua script (count, expiry and block in one round trip, never interleaved with another
 * instance's), sent by its SHA1: the script's text crossed the wire, and was hashed by Redis, with
 * every request before.
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

  /**
   * The count when this instance counts by itself (no Redis, or Redis away): answered synchronously,
   * so a request is checked without waiting. `undefined` when Redis counts: call `increment`.
   */
  incrementLocally(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ThrottlerStorageRecord | undefined {
    if (this.redis.isReady) return undefined;
    return this.memory.incrementNow(key, ttl, limit, blockDuration, throttlerName);
  }

  private async incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // One hash tag per key, so both keys live in one slot of a Redis Cluster.
    const base = this.redis.key('throttle', `{${throttlerName}:${key}}`);
    const reply = await withTimeout(
      INCREMENT_SCRIPT.run(this.redis.raw, [`${base}:hits`, `${base}:block`], [ttl, limit, blockDuration]),
      COMMAND_TIMEOUT_MS,
      'throttler command timed out',
    );
    if (!Array.isArray(reply) || reply.length !== 4) throw new Error('unexpected throttler script reply');
    const [totalHits, msToExpire, blocked, msToBlockExpire] = reply.map(Number);
    return {
      totalHits,
      timeToExpire: Math.ceil(msToExpire / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(msToBlockExpire / 1000),
    };
  }
}
