import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { cacheConfig, type CacheConfig, type CacheResourceName } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import type { Cache } from 'cache-manager';
import { LocalTextCache } from './local-text-cache.js';

// A cache that answers slower than this is treated as a miss: the upstream is usually faster
// than a struggling cache.
const CACHE_OP_TIMEOUT_MS = 250;

// Cached HTTP answers kept in the process (all of them without Redis; the most recent ones in front
// of Redis), bounded in number and in total length (~64 MB of text at most).
const LOCAL_TEXT_ENTRIES = 2_000;
const LOCAL_TEXT_TOTAL_LENGTH = 32 * 2 ** 20;

/**
 * Read-through cache with per-resource TTLs. Failures never reach the caller: when the store is
 * unavailable the value is simply not cached, and the request is served from the source.
 */
@Injectable()
export class AppCacheService {
  private readonly logger = new Logger(AppCacheService.name);
  private readonly texts = new LocalTextCache(LOCAL_TEXT_ENTRIES, LOCAL_TEXT_TOTAL_LENGTH);

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
    private readonly redis: RedisService,
  ) {}

  ttlMs(resource: CacheResourceName): number {
    return this.config.ttlSeconds[resource] * 1000;
  }

  /** False while a configured Redis is away: reads and writes are skipped instead of failing. */
  get available(): boolean {
    return !this.redis.isConfigured || this.redis.isReady;
  }

  async get<T>(key: string): Promise<T | undefined> {
    if (!this.available) return undefined;
    try {
      const value = await withTimeout(this.cache.get<T>(key), CACHE_OP_TIMEOUT_MS, 'cache read timed out');
      return value ?? undefined;
    } catch (error) {
      this.logger.debug(`cache read failed for ${key}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores `value` for the TTL of `ttl` (a resource name) or for `ttl` milliseconds; answers whether it was stored. */
  async set<T>(key: string, value: T, ttl: CacheResourceName | number): Promise<boolean> {
    if (!this.available) return false;
    const ttlMs = typeof ttl === 'number' ? ttl : this.ttlMs(ttl);
    try {
      await withTimeout(this.cache.set(key, value, ttlMs), CACHE_OP_TIMEOUT_MS, 'cache write timed out');
      return true;
    } catch (error) {
      this.logger.debug(`cache write failed for ${key}: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * The UTF-8 bytes of the text stored under `key` (an HTTP answer's JSON) when this process holds
   * it: the copy kept here when it was written or last read from Redis, until the moment the Redis
   * copy expires (so it is never served longer than Redis would serve it). Synchronous, for the hot
   * path of cached answers.
   */
  peekTextBytes(key: string): Buffer | undefined {
    return this.texts.get(key);
  }

  /**
   * The UTF-8 bytes of the text stored under `key`: from this process (`peekTextBytes`), else with
   * Redis one GET of the raw value (and its PTTL, in the same round trip), with no wrapper to parse.
   * Raw values live under their own `cache:raw:` prefix, apart from the store's wrapped values.
   */
  async getTextBytes(key: string): Promise<Buffer | undefined> {
    const local = this.texts.get(key);
    if (local !== undefined || !this.redis.isConfigured || !this.available) return local;
    try {
      const redisKey = this.redis.key('cache', 'raw', key);
      const client = this.redis.raw;
      // Read before asking: the Redis copy expires no sooner than this plus the PTTL it reports.
      const asked = Date.now();
      const [text, ttlMs] = await withTimeout(Promise.all([client.get(redisKey), client.pTTL(redisKey)]), CACHE_OP_TIMEOUT_MS, 'cache read timed out');
      if (text === null) return undefined;
      return (ttlMs > 0 ? this.texts.set(key, text, asked + ttlMs) : undefined) ?? Buffer.from(text, 'utf8');
    } catch (error) {
      this.logger.debug(`cache read failed for ${key}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores text for `ttlMs` milliseconds, where `getTextBytes` reads it: in this process, and in Redis when configured. */
  async setText(key: string, text: string, ttlMs: number): Promise<void> {
    const ms = Math.max(1, Math.round(ttlMs));
    // Taken before the write: the copy here never outlives the one in Redis.
    const expiresAt = Date.now() + ms;
    if (!this.redis.isConfigured) {
      this.texts.set(key, text, expiresAt);
      return;
    }
    if (!this.available) return;
    try {
      await withTimeout(this.redis.raw.set(this.redis.key('cache', 'raw', key), text, { PX: ms }), CACHE_OP_TIMEOUT_MS, 'cache write timed out');
      // Kept here only once Redis holds it: while Redis is away nothing is cached, in any process.
      this.texts.set(key, text, expiresAt);
    } catch (error) {
      this.logger.debug(`cache write failed for ${key}: ${(error as Error).message}`);
    }
  }

  async delete(key: string): Promise<void> {
    this.texts.delete(key);
    if (!this.available) return;
    try {
      await withTimeout(this.cache.del(key), CACHE_OP_TIMEOUT_MS, 'cache delete timed out');
    } catch {
      // A stale entry expires by its TTL anyway.
    }
  }
}
