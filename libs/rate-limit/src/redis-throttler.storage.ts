import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';

// A throttler command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;

/**
 * One atomic step of a fixed window with blocking, in milliseconds, on one key (KEYS[1]); ARGV ttl,
 * limit, block duration. The counter's first hit sets the window's expiry. The hit that goes over the
 * limit turns the counter into the block: it is set to limit + 1 with the block's expiry, so while it
 * lives every hit is refused and reported as limit + 1, and counting starts afresh once it expires.
 * Two commands per hit (INCR, then PEXPIRE or PTTL). Returns {totalHits, msToExpire, blocked (0/1), msToBlockExpire}.
 */
const INCREMENT = new RedisScript(`
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local hits = redis.call('INCR', KEYS[1])
local left
if hits == 1 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  left = ttl
else
  left = redis.call('PTTL', KEYS[1])
end
if hits <= limit then return { hits, left, 0, 0 } end
if block <= 0 then return { hits, left, 1, left } end
if hits == limit + 1 then
  redis.call('SET', KEYS[1], hits, 'PX', block)
  return { hits, block, 1, block }
end
return { limit + 1, left, 1, left }
`);

/**
 * A `ThrottlerStorage` (the `@nestjs/throttler` v6 interface) shared by every instance through Redis,
 * so a client's REST requests count once however the load balancer spreads them. Each increment is
 * one Lua script sent by its SHA (count, expiry and block in one round trip, never interleaved with another
 * instance's).
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
    // Hash-tagged like every key a script touches, ready for a Redis Cluster.
    const counter = this.redis.key('throttle', `{${throttlerName}:${key}}`, 'hits');
    const reply = await withTimeout(
      INCREMENT.run(this.redis.raw, [counter], [ttl, limit, blockDuration]),
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
