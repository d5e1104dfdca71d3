import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { rateLimitConfig, type RateLimitConfig } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import { addressKey } from './address-key.js';

/** Socket endpoints counted together: the two chat transports share one count, the two sports-update ones another. */
export type SocketScope = 'chat' | 'sports-updates';

// A connection's mark outlives a crashed instance by at most this long; live ones are renewed well before.
const MARK_TTL_MS = 90_000;
const RENEW_EVERY_MS = 30_000;
const COMMAND_TIMEOUT_MS = 500;

/**
 * At most WS_MAX_CONNECTIONS_PER_IP open sockets per client address and scope, counted across every
 * instance: with Redis each open connection is a member of a sorted set per address (its score is when
 * the mark lapses, renewed while the connection lives, so marks of a crashed instance fade away).
 * Without Redis, or while it does not answer, each instance counts its own.
 */
@Injectable()
export class SocketAddressCap implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SocketAddressCap.name);
  /** This instance's counted connections: id → the key they are counted under. */
  private readonly held = new Map<string, { key: string; shared: boolean }>();
  private readonly local = new Map<string, number>();
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisService,
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
  ) {}

  get limit(): number {
    return this.config.maxSocketsPerIp;
  }

  onModuleInit(): void {
    this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.renewal.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.renewal);
  }

  /** Whether the address may open one more socket in this scope (checked at the handshake, before counting it). */
  async hasRoom(scope: SocketScope, address: string): Promise<boolean> {
    const key = this.keyOf(scope, address);
    const shared = await this.sharedCount(key, () => this.redis.raw.zCount(key, Date.now(), '+inf'));
    return (shared ?? this.local.get(key) ?? 0) < this.limit;
  }

  /** Counts a connection; false (and not counted) when its address already has the most allowed. */
  async acquire(scope: SocketScope, connectionId: string, address: string): Promise<boolean> {
    const key = this.keyOf(scope, address);
    const now = Date.now();
    const count = await this.sharedCount(key, async () => {
      const replies = await this.redis.raw
        .multi()
        .zRemRangeByScore(key, '-inf', now)
        .zAdd(key, { score: now + MARK_TTL_MS, value: connectionId })
        .zCard(key)
        .pExpire(key, MARK_TTL_MS)
        .exec();
      return Number(replies[2]);
    });
    if (count !== undefined) {
      if (count > this.limit) {
        await this.sharedCount(key, () => this.redis.raw.zRem(key, connectionId));
        return false;
      }
      this.held.set(connectionId, { key, shared: true });
      return true;
    }
    const local = (this.local.get(key) ?? 0) + 1;
    if (local > this.limit) return false;
    this.local.set(key, local);
    this.held.set(connectionId, { key, shared: false });
    return true;
  }

  /** A counted connection closed. */
  async release(connectionId: string): Promise<void> {
    const held = this.held.get(connectionId);
    if (!held) return;
    this.held.delete(connectionId);
    if (held.shared) {
      await this.sharedCount(held.key, () => this.redis.raw.zRem(held.key, connectionId));
      return;
    }
    const left = (this.local.get(held.key) ?? 1) - 1;
    if (left > 0) this.local.set(held.key, left);
    else this.local.delete(held.key);
  }

  private keyOf(scope: SocketScope, address: string): string {
    return this.redis.key('sockets', scope, addressKey(address));
  }

  /** Runs a Redis command of the count; undefined when Redis is not there or does not answer. */
  private async sharedCount(key: string, command: () => Promise<unknown>): Promise<number | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      return Number(await withTimeout(command(), COMMAND_TIMEOUT_MS, 'socket count timed out'));
    } catch (error) {
      this.logger.warn({ msg: 'Socket count per address falls back to this instance', key, err: String(error) });
      return undefined;
    }
  }

  private async renew(): Promise<void> {
    if (!this.redis.isReady) return;
    const expiry = Date.now() + MARK_TTL_MS;
    const multi = this.redis.raw.multi();
    let any = false;
    for (const [id, held] of this.held) {
      if (!held.shared) continue;
      any = true;
      multi.zAdd(held.key, { score: expiry, value: id }, { XX: true }).pExpire(held.key, MARK_TTL_MS);
    }
    if (any) await multi.exec().catch((error: unknown) => this.logger.warn({ msg: 'Could not renew socket counts', err: String(error) }));
  }
}
