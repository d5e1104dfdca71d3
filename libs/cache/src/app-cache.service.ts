import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { cacheConfig, type CacheConfig, type CacheResourceName } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import type { Cache } from 'cache-manager';

// A cache that answers slower than this is treated as a miss: the upstream is usually faster
// than a struggling cache.
const CACHE_OP_TIMEOUT_MS = 250;

/**
 * Read-through cache with per-resource TTLs. Failures never reach the caller: when the store is
 * unavailable the value is simply not cached, and the request is served from the source.
 */
@Injectable()
export class AppCacheService {
  private readonly logger = new Logger(AppCacheService.name);

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

  /** Stores `value` for the TTL of `ttl` (a resource name) or for `ttl` milliseconds. */
  async set<T>(key: string, value: T, ttl: CacheResourceName | number): Promise<void> {
    if (!this.available) return;
    const ttlMs = typeof ttl === 'number' ? ttl : this.ttlMs(ttl);
    try {
      await withTimeout(this.cache.set(key, value, ttlMs), CACHE_OP_TIMEOUT_MS, 'cache write timed out');
    } catch (error) {
      this.logger.debug(`cache write failed for ${key}: ${(error as Error).message}`);
    }
  }

  /**
   * Text stored under `key` (an HTTP answer's JSON): with Redis one GET of the raw value, with no
   * wrapper to parse on the hot path of every cached answer; in memory the same store as `get`.
   * Raw values live under their own `cache:raw:` prefix, apart from the store's wrapped values.
   */
  async getText(key: string): Promise<string | undefined> {
    if (!this.redis.isConfigured) {
      const value = await this.get<unknown>(key);
      return typeof value === 'string' ? value : undefined;
    }
    if (!this.available) return undefined;
    try {
      return (await withTimeout(this.redis.raw.get(this.redis.key('cache', 'raw', key)), CACHE_OP_TIMEOUT_MS, 'cache read timed out')) ?? undefined;
    } catch (error) {
      this.logger.debug(`cache read failed for ${key}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores text for `ttlMs` milliseconds, where `getText` reads it. */
  async setText(key: string, text: string, ttlMs: number): Promise<void> {
    if (!this.redis.isConfigured) return this.set(key, text, ttlMs);
    if (!this.available) return;
    try {
      await withTimeout(this.redis.raw.set(this.redis.key('cache', 'raw', key), text, { PX: Math.max(1, Math.round(ttlMs)) }), CACHE_OP_TIMEOUT_MS, 'cache write timed out');
    } catch (error) {
      this.logger.debug(`cache write failed for ${key}: ${(error as Error).message}`);
    }
  }

  async delete(key: string): Promise<void> {
    if (!this.available) return;
    try {
      await withTimeout(this.cache.del(key), CACHE_OP_TIMEOUT_MS, 'cache delete timed out');
    } catch {
      // A stale entry expires by its TTL anyway.
    }
  }
}
