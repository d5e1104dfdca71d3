import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { cacheConfig, liveUpdatesConfig, type CacheConfig, type LiveUpdatesConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { Clock, SportsDataService, type Fixture } from '@app/sports-data';
import type { Subscription } from 'rxjs';
import { FixtureStateReader } from './fixture-state.reader.js';
import { FollowedTopics } from './followed-topics.js';
import { diffOdds, snapshotOf, type OddsSnapshot } from './odds-diff.js';
import type { SportsUpdate } from './sports-update.types.js';
import { topicsOfFixture } from './topics.js';
import { UpdatesFanOut } from './updates-fan-out.js';
import { WatchListService } from './watch-list.service.js';
import { WatcherLease } from './watcher-lease.js';

// Fixtures refreshed at the same time in one round: enough to finish a round well within the
// interval, few enough not to burst the upstream.
const POLL_CONCURRENCY = 8;
// Subscription changes bring the next round forward, but never closer than this to the previous
// one, so a client toggling subscriptions cannot turn the loop into a stream of uncached reads.
const MIN_ROUND_GAP_MS = 1_000;

interface FixtureSnapshot {
  fixture: Fixture;
  prices: OddsSnapshot;
}

/** What one round did, for logs and tests. */
export interface PollSummary {
  fixtures: number;
  updates: number;
  failures: number;
}

/**
 * Polls the fixtures someone follows and pushes what changed: one `odds_change` per selection whose
 * price moved, and a `status_change` when a match goes live or ends. The first round that sees a
 * fixture only records it, so subscribers hear about changes, never about the state they joined in.
 *
 * The loop runs only while someone is subscribed, every `ODDS_WATCH_INTERVAL_SECONDS` (by default
 * the odds cache TTL, since prices are read through that cache and cannot change faster), and also
 * soon after a subscription changes so that new fixtures get their first snapshot at once.
 * Rounds never overlap: `pollOnce()` (also used by tests) queues behind a round in progress.
 *
 * With several instances on one Redis only the holder of the `WatcherLease` polls, over what every
 * instance's subscribers follow, and its updates go out through Redis to every instance. An instance
 * that loses the lease forgets its snapshots, so if it leads again later its first round is a baseline.
 */
@Injectable()
export class OddsWatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OddsWatcherService.name);
  readonly intervalMs: number;
  private readonly snapshots = new Map<string, FixtureSnapshot>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private dueAt = 0;
  private lastRoundAt = 0;
  private active = false;
  private closed = false;
  // Someone may follow something (always, with Redis, where only a read can tell).
  private wanted = false;
  // Bumped when the watcher stops, so a round still in flight cannot store snapshots that a later
  // start would compare against as if they were recent.
  private generation = 0;
  private changes?: Subscription;
  private leadership?: Subscription;

  constructor(
    private readonly followed: FollowedTopics,
    private readonly watchList: WatchListService,
    private readonly fixtures: FixtureStateReader,
    private readonly sportsData: SportsDataService,
    private readonly fanOut: UpdatesFanOut,
    private readonly lease: WatcherLease,
    private readonly clock: Clock,
    @Inject(liveUpdatesConfig.KEY) config: LiveUpdatesConfig,
    @Inject(cacheConfig.KEY) cache: CacheConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.intervalMs = Math.max(1, config.oddsWatchIntervalSeconds ?? cache.ttlSeconds.odds) * 1000;
  }

  onApplicationBootstrap(): void {
    this.metrics?.observeWatcherLeader(() => this.lease.leading);
    this.changes = this.followed.changes$.subscribe((wanted) => {
      this.wanted = wanted;
      this.update();
    });
    this.leadership = this.lease.changes$.subscribe(() => this.update());
  }

  /** Before the shutdown hooks that close Redis: a round in flight still reads the cache and the provider. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.changes?.unsubscribe();
    this.leadership?.unsubscribe();
    this.sleep();
    await this.queue;
  }

  /** Whether this instance should poll now: alone always; with Redis while it holds the lease. */
  shouldRun(): Promise<boolean> {
    return this.lease.holds();
  }

  /** One round now, after any round in progress. */
  pollOnce(): Promise<PollSummary> {
    const round = this.queue.then(() => this.poll());
    this.queue = round.catch(() => undefined);
    return round;
  }

  /** True while the loop is scheduled (someone is subscribed, and this instance leads). */
  get running(): boolean {
    return this.active;
  }

  private update(): void {
    if (!this.wanted) this.sleep('Nobody is subscribed; odds watcher stopped');
    else if (!this.lease.leading) this.sleep('Odds watcher stopped: another instance runs it');
    else this.wake();
  }

  private wake(): void {
    if (this.closed) return;
    if (!this.active) this.logger.log({ msg: `Watching subscribed fixtures every ${this.intervalMs / 1000} s`, intervalMs: this.intervalMs });
    this.active = true;
    const delay = Math.max(0, this.lastRoundAt + MIN_ROUND_GAP_MS - Date.now());
    if (this.timer === undefined || this.dueAt > Date.now() + delay) this.schedule(delay);
  }

  private sleep(reason = 'Odds watcher stopped'): void {
    if (this.active) this.logger.log({ msg: reason });
    this.active = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    this.snapshots.clear();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The HTTP server keeps the process alive; a pending round must not.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.lastRoundAt = Date.now();
    try {
      await this.pollOnce();
    } catch (error) {
      this.logger.error({ msg: 'Odds watcher round failed', err: error });
    }
    // A subscription change during the round may already have scheduled the next one.
    if (this.active && !this.closed && this.timer === undefined) this.schedule(this.intervalMs);
  }

  private async poll(): Promise<PollSummary> {
    const summary: PollSummary = { fixtures: 0, updates: 0, failures: 0 };
    if (!this.wanted || !(await this.shouldRun())) return summary;
    const generation = this.generation;
    const ids = await this.watchList.fixtureIds();
    const watched = new Set(ids);
    for (const id of this.snapshots.keys()) if (!watched.has(id)) this.snapshots.delete(id);

    let firstFailure: unknown;
    await forEachLimited(ids, POLL_CONCURRENCY, async (id) => {
      try {
        summary.updates += await this.publish(await this.refresh(id, generation), generation);
      } catch (error) {
        summary.failures++;
        firstFailure ??= error;
      }
    });
    summary.fixtures = ids.length;
    if (summary.failures > 0) {
      // One line per round, not one per fixture: an upstream outage would otherwise flood the logs.
      this.logger.warn({
        msg: `Could not refresh ${summary.failures} of ${ids.length} watched fixtures`,
        reason: firstFailure instanceof Error ? firstFailure.message : String(firstFailure),
      });
    }
    return summary;
  }

  /** Reads one fixture's status and prices, stores them, and returns what changed since last time. */
  private async refresh(fixtureId: string, generation: number): Promise<{ fixture?: Fixture; updates: SportsUpdate[] }> {
    const before = this.snapshots.get(fixtureId);
    // A finished fixture neither moves nor reopens; it stays recorded so it is not reported again.
    if (before?.fixture.status === 'finished') return { updates: [] };
    const fixture = await this.fixtures.current(fixtureId, before?.fixture);
    const prices: OddsSnapshot = fixture.status === 'finished' ? new Map() : snapshotOf((await this.sportsData.getOdds(fixtureId)).data);
    if (generation !== this.generation) return { updates: [] };
    this.snapshots.set(fixtureId, { fixture, prices });
    if (before === undefined) return { fixture, updates: [] };

    const at = this.clock.now().toISOString();
    const updates: SportsUpdate[] = [];
    if (before.fixture.status !== fixture.status) {
      updates.push({
        type: 'status_change',
        fixture_id: fixtureId,
        previous: before.fixture.status,
        current: fixture.status,
        at,
        ...(fixture.score === undefined ? {} : { score: fixture.score }),
      });
    }
    updates.push(...diffOdds(fixtureId, before.prices, prices, at));
    return { fixture, updates };
  }

  private async publish({ fixture, updates }: { fixture?: Fixture; updates: SportsUpdate[] }, generation: number): Promise<number> {
    if (fixture === undefined || updates.length === 0) return 0;
    // The lease may have lapsed while the fixture was read: only the leader speaks.
    if (generation !== this.generation || !this.lease.leading) return 0;
    const topics = topicsOfFixture(fixture);
    // Sent in order on one connection, so subscribers see a fixture's changes in the order found.
    await Promise.all(updates.map((update) => this.fanOut.publish(topics, update)));
    return updates.length;
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
