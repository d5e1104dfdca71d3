import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { liveUpdatesConfig, type LiveUpdatesConfig } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import { filter, map, type Observable, startWith, type Subscription } from 'rxjs';
import { FollowedTopics } from './followed-topics.js';
import { RedisUpdatesChannel } from './redis-updates.channel.js';
import { SubscriptionService, type ActiveTopics } from './subscription.service.js';
import { parseTopic, topicOf } from './topics.js';

// A follow not refreshed for this many lease TTLs belongs to an instance that is gone.
const EXPIRY_IN_TTLS = 3;
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Every instance's subscriptions, for the watcher's leader: one sorted set
 * (`<prefix>live-updates:follows`) of `<instance>|<topic>` scored with the time the instance last
 * said it still follows the topic. Each instance writes its changes at once, rewrites all its
 * topics every lease TTL, removes them on a clean shutdown and announces changes on the channel;
 * the follows of an instance that died are dropped after three TTLs without a refresh.
 */
@Injectable()
export class RedisFollowedTopics extends FollowedTopics implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RedisFollowedTopics.name);
  private readonly instance = randomUUID();
  private readonly key: string;
  private readonly refreshMs: number;
  private readonly expiryMs: number;
  /** Topics of this instance as last written to Redis. */
  private written = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private pending = false;
  private failing = false;
  private closed = false;
  private timer?: NodeJS.Timeout;
  private local?: Subscription;

  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly redis: RedisService,
    private readonly channel: RedisUpdatesChannel,
    @Inject(liveUpdatesConfig.KEY) config: LiveUpdatesConfig,
  ) {
    super();
    this.key = redis.key('live-updates', 'follows');
    this.refreshMs = config.leaseTtlMs;
    this.expiryMs = config.leaseTtlMs * EXPIRY_IN_TTLS;
  }

  /**
   * Whether anything is followed anywhere is only known by reading Redis, so the watcher's leader
   * keeps looking (an empty round costs two commands); each announced change brings a round forward.
   */
  get changes$(): Observable<boolean> {
    return this.channel.events$.pipe(
      filter((event) => event.kind === 'follows'),
      map(() => true),
      startWith(true),
    );
  }

  onApplicationBootstrap(): void {
    this.local = this.subscriptions.changes$.subscribe(() => this.sync());
    this.timer = setInterval(() => this.sync(), this.refreshMs);
    this.timer.unref();
  }

  /** Before Redis closes: this instance's follows go at once instead of expiring. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.local?.unsubscribe();
    clearInterval(this.timer);
    await this.queue;
    if (this.written.size === 0 || !this.redis.isReady) return;
    try {
      await withTimeout(this.redis.raw.zRem(this.key, [...this.written].map((topic) => this.member(topic))), COMMAND_TIMEOUT_MS, 'Redis timed out');
      await this.channel.send({ kind: 'follows' });
    } catch {
      // They expire on their own.
    }
  }

  async current(): Promise<ActiveTopics> {
    const client = this.redis.raw;
    await withTimeout(client.zRemRangeByScore(this.key, '-inf', Date.now() - this.expiryMs), COMMAND_TIMEOUT_MS, 'Redis timed out');
    const members = await withTimeout(client.zRange(this.key, 0, -1), COMMAND_TIMEOUT_MS, 'Redis timed out');
    const active: ActiveTopics = { fixtureIds: [], teamIds: [], tournamentIds: [] };
    const seen = new Set<string>();
    for (const member of members) {
      const topic = member.slice(member.indexOf('|') + 1);
      if (seen.has(topic)) continue;
      seen.add(topic);
      const parsed = parseTopic(topic);
      if (parsed?.kind === 'fixture') active.fixtureIds.push(parsed.id);
      else if (parsed?.kind === 'team') active.teamIds.push(parsed.id);
      else if (parsed?.kind === 'tournament') active.tournamentIds.push(parsed.id);
    }
    return active;
  }

  /** Writes this instance's topics after whatever write is in progress; calls made meanwhile share one write. */
  private sync(): void {
    if (this.closed || this.pending) return;
    this.pending = true;
    this.queue = this.queue.then(() => {
      this.pending = false;
      return this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.closed) return;
    const topics = localTopics(this.subscriptions.activeTopics());
    const removed = [...this.written].filter((topic) => !topics.has(topic));
    const changed = removed.length > 0 || [...topics].some((topic) => !this.written.has(topic));
    try {
      const now = Date.now();
      const transaction = this.redis.raw.multi();
      if (topics.size > 0) transaction.zAdd(this.key, [...topics].map((topic) => ({ score: now, value: this.member(topic) })));
      if (removed.length > 0) transaction.zRem(this.key, removed.map((topic) => this.member(topic)));
      // The set disappears when no instance refreshes it any more.
      transaction.pExpire(this.key, this.expiryMs);
      await withTimeout(transaction.exec(), COMMAND_TIMEOUT_MS, 'Redis timed out');
      this.written = topics;
      if (this.failing) this.logger.log('Subscriptions are shared through Redis again');
      this.failing = false;
    } catch (error) {
      // Retried at the next refresh; logged once per outage.
      if (!this.failing) this.logger.warn({ msg: 'Could not share this instance’s subscriptions through Redis', reason: (error as Error).message });
      this.failing = true;
      return;
    }
    // Without the notice the leader still sees the change at its next round.
    if (changed) await this.channel.send({ kind: 'follows' }).catch(() => undefined);
  }

  private member(topic: string): string {
    return `${this.instance}|${topic}`;
  }
}

function localTopics(active: ActiveTopics): Set<string> {
  return new Set([
    ...active.fixtureIds.map((id) => topicOf('fixture', id)),
    ...active.teamIds.map((id) => topicOf('team', id)),
    ...active.tournamentIds.map((id) => topicOf('tournament', id)),
  ]);
}
