import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RedisService, withTimeout } from '@app/redis';

export interface RateLimitDecision {
  allowed: boolean;
  /** Uses left in the current window (0 once the limit is reached). */
  remaining: number;
  /** Time until the window resets; 0 when allowed. */
  retryAfterMs: number;
}

// A limiter command slower than this counts as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 500;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Fixed-window counters: at most `limit` uses of `key` per window of `windowMs`.
 *
 * With Redis the count is shared by every instance (INCR on a key named after the window, which
 * PEXPIRE removes when the window is over). Without Redis, or while it is unreachable, each
 * instance counts on its own: limits are then per instance, which is better than refusing every
 * request or letting them all through.
 */
@Injectable()
export class RateLimiterService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly memory = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();
  private degraded = false;

  constructor(private readonly redis: RedisService) {}

  async consume(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    const resetAt = windowStart + windowMs;
    const count = (await this.countInRedis(key, windowStart, windowMs)) ?? this.countInMemory(key, windowStart, resetAt, now);
    return this.decide(count, limit, windowMs, now);
  }

  /**
   * The Redis key that counts the uses of `key` in the current window, for a caller that counts a use
   * in one script with other work (it INCRs the key and sets its expiry to `windowMs` on the first
   * use), then asks `decide` with the count.
   */
  redisKeyOf(key: string, windowMs: number, now = Date.now()): string {
    return this.redis.key('ratelimit', key, String(now - (now % windowMs)));
  }

  /** The decision for the `count`-th use of a key in the current window. */
  decide(count: number, limit: number, windowMs: number, now = Date.now()): RateLimitDecision {
    const resetAt = now - (now % windowMs) + windowMs;
    const allowed = count <= limit;
    return { allowed, remaining: Math.max(0, limit - count), retryAfterMs: allowed ? 0 : resetAt - now };
  }

  /** Whether `key` has already reached `limit` uses in the current window, without using it. */
  async peek(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    const resetAt = windowStart + windowMs;
    const count = (await this.readRedis(key, windowStart)) ?? this.memory.get(`${key}:${windowStart}`)?.count ?? 0;
    const allowed = count < limit;
    return { allowed, remaining: Math.max(0, limit - count), retryAfterMs: allowed ? 0 : resetAt - now };
  }

  onModuleDestroy(): void {
    this.memory.clear();
  }

  /** The count after this use, or undefined when Redis cannot be used. */
  private async countInRedis(key: string, windowStart: number, windowMs: number): Promise<number | undefined> {
    if (!this.redis.isReady) return undefined;
    const redisKey = this.redisKeyOf(key, windowMs, windowStart);
    try {
      const [count] = await withTimeout(
        this.redis.raw.multi().incr(redisKey).pExpire(redisKey, windowMs).exec(),
        COMMAND_TIMEOUT_MS,
        'rate limit command timed out',
      );
      this.degraded = false;
      return Number(count);
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(`Rate limits counted per instance until Redis answers again (${error instanceof Error ? error.message : String(error)})`);
      }
      return undefined;
    }
  }

  private async readRedis(key: string, windowStart: number): Promise<number | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      const value = await withTimeout(this.redis.raw.get(this.redis.key('ratelimit', key, String(windowStart))), COMMAND_TIMEOUT_MS, 'rate limit command timed out');
      return Number(value ?? 0);
    } catch {
      return undefined;
    }
  }

  private countInMemory(key: string, windowStart: number, resetAt: number, now: number): number {
    this.sweep(now);
    const memoryKey = `${key}:${windowStart}`;
    const entry = this.memory.get(memoryKey) ?? { count: 0, resetAt };
    entry.count += 1;
    this.memory.set(memoryKey, entry);
    return entry.count;
  }

  /** Drops finished windows now and then, so idle keys do not accumulate. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [memoryKey, entry] of this.memory) {
      if (entry.resetAt <= now) this.memory.delete(memoryKey);
    }
  }
}
