import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { liveUpdatesConfig, type LiveUpdatesConfig } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { RedisUpdatesChannel } from './redis-updates.channel.js';
import { WatcherLease } from './watcher-lease.js';

// Only the holder extends or deletes the key: compare the value, then act, in one atomic step.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The odds watcher's leader lease in Redis: `SET key <instance id> NX PX ttl` to acquire, extended
 * every third of the TTL by its holder only (compare-and-extend), deleted by its holder on a clean
 * shutdown (compare-and-delete, then a `lease_released` notice so another instance takes over at
 * once). When the holder dies the key expires after the TTL and the next attempt elsewhere wins.
 *
 * Never two leaders: the holder counts its lease valid until the TTL measured from the moment it
 * *sent* the last successful command, minus a small margin, so its own deadline always comes before
 * the key can expire in Redis; a renewal that fails, times out or finds another value ends the
 * leadership at once, and a renewal that comes back too late does not extend it.
 */
@Injectable()
export class RedisWatcherLease extends WatcherLease implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RedisWatcherLease.name);
  /** The value this instance writes in the key: host, process and a random part, so logs tell instances apart. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly key: string;
  readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly marginMs: number;
  private readonly changes = new Subject<boolean>();
  /** The key holds our id as far as we know. */
  private held = false;
  /** A command failed: the key may hold our id although we could not tell. */
  private uncertain = false;
  /** performance.now() until which the lease counts as ours. */
  private validUntil = 0;
  private reported = false;
  private stopped = false;
  private step: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private expiryTimer?: NodeJS.Timeout;
  private notices?: Subscription;

  constructor(
    private readonly redis: RedisService,
    private readonly channel: RedisUpdatesChannel,
    @Inject(liveUpdatesConfig.KEY) config: LiveUpdatesConfig,
  ) {
    super();
    this.key = redis.key('live-updates', 'watcher-lease');
    this.ttlMs = config.leaseTtlMs;
    this.renewEveryMs = Math.max(1, Math.floor(this.ttlMs / 3));
    // Room for timer and clock-rate differences between this process and Redis.
    this.marginMs = Math.max(2, Math.round(this.ttlMs * 0.02));
  }

  get leading(): boolean {
    return this.held && !this.stopped && performance.now() < this.validUntil;
  }

  get changes$(): Observable<boolean> {
    return this.changes.asObservable();
  }

  onApplicationBootstrap(): void {
    this.notices = this.channel.events$.subscribe((event) => {
      if (event.kind === 'lease_released' && !this.held) this.schedule(0);
    });
    this.schedule(0);
  }

  /** Stops competing and, when holding the lease, hands it over: it runs before Redis is closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.release();
  }

  async release(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.expiryTimer);
    this.notices?.unsubscribe();
    await this.step;
    const mayHold = this.held || this.uncertain;
    this.held = false;
    this.report('this instance is shutting down');
    this.changes.complete();
    if (!mayHold || !this.redis.isReady) return;
    try {
      const deleted = await withTimeout(this.redis.raw.eval(RELEASE, { keys: [this.key], arguments: [this.instanceId] }), this.renewEveryMs, 'Redis timed out');
      if (deleted === 1) await this.channel.send({ kind: 'lease_released' });
    } catch (error) {
      // The key then simply expires after the TTL.
      this.logger.warn({ msg: 'Could not release the odds watcher lease', reason: (error as Error).message });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.step = this.step.then(() => (this.held ? this.renew() : this.acquire()));
    await this.step;
    this.schedule(this.renewEveryMs);
  }

  private async acquire(): Promise<void> {
    if (this.stopped) return;
    const sentAt = performance.now();
    try {
      const client = this.redis.raw;
      let won = (await this.command(client.set(this.key, this.instanceId, { condition: 'NX', expiration: { type: 'PX', value: this.ttlMs } }))) === 'OK';
      // After a failed command the key may already be ours: take it back rather than wait for it to expire.
      if (!won && this.uncertain) won = (await this.command(this.extend(client))) === 1;
      this.uncertain = false;
      if (won) this.hold(sentAt);
    } catch (error) {
      this.fail(error);
    }
  }

  private async renew(): Promise<void> {
    if (this.stopped) return;
    const sentAt = performance.now();
    try {
      const extended = (await this.command(this.extend(this.redis.raw))) === 1;
      if (extended) return this.hold(sentAt);
      this.held = false;
      this.report('the lease expired or another instance holds it');
    } catch (error) {
      this.fail(error);
    }
  }

  private extend(client: RedisService['raw']): Promise<unknown> {
    return client.eval(RENEW, { keys: [this.key], arguments: [this.instanceId, String(this.ttlMs)] });
  }

  private command<T>(reply: Promise<T>): Promise<T> {
    // A command still unanswered when the next renewal is due counts as failed.
    return withTimeout(reply, this.renewEveryMs, 'Redis timed out');
  }

  private hold(sentAt: number): void {
    if (this.stopped) return;
    this.held = true;
    this.validUntil = sentAt + this.ttlMs - this.marginMs;
    // A late answer may leave the lease valid for a moment only, or not at all.
    this.report('the lease was not renewed in time');
    clearTimeout(this.expiryTimer);
    const left = this.validUntil - performance.now();
    if (left > 0) {
      this.expiryTimer = setTimeout(() => this.report('the lease was not renewed in time'), left + 1);
      this.expiryTimer.unref();
    }
  }

  private fail(error: unknown): void {
    // The command may still have been applied (a timeout), so the key may be ours.
    this.uncertain = true;
    this.held = false;
    this.report(`Redis did not confirm the lease (${(error as Error).message})`);
  }

  /** Tells the watcher and the logs when leadership changes, once per change. */
  private report(reasonIfLost: string): void {
    const leading = this.leading;
    if (leading === this.reported) return;
    this.reported = leading;
    if (leading) {
      this.logger.log({ msg: 'This instance now runs the odds watcher', lease: this.key, instance: this.instanceId, ttlMs: this.ttlMs });
    } else {
      this.logger.log({ msg: `This instance no longer runs the odds watcher: ${reasonIfLost}`, lease: this.key, instance: this.instanceId });
    }
    this.changes.next(leading);
  }
}
