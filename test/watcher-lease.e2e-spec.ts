import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FollowedTopics, OddsWatcherService, RedisWatcherLease, WatcherLease, type OddsChangeUpdate, type SportsUpdate } from '@app/live-updates';
import { Clock, ODDS_BUCKET_MS } from '@app/sports-data';
import { createClient, type RedisClientType } from 'redis';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { WebSocket } from 'ws';
import { FixedClock } from '../libs/sports-data/src/testing/index.js';
import { listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { sampleSum } from './support/prometheus-text.js';
import { freePort, waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Several instances of the application on one Redis: one of them (the lease holder) runs the odds
 * watcher over every instance's subscriptions, and what it finds reaches the subscribers of every
 * instance, on both transports.
 */

const TTL_MS = 1_000;
const LEADER_GAUGE = 'chatbet_odds_watcher_leader';
// The built server, as `npm start` runs it (`npm test` builds before running the suite).
const MAIN = resolve(process.cwd(), 'dist/apps/api/src/main.js');
// A Sunday evening: El Clásico (Barcelona v Real Madrid) kicks off at 20:00 UTC, last of its round.
const KICK_OFF = Date.parse('2026-11-22T20:00:00.000Z');
const MINUTE = 60_000;

function sharedEnv(prefix: string): Record<string, string> {
  return {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    LIVE_UPDATES_LEASE_TTL_MS: String(TTL_MS),
    CACHE_TTL_ODDS: '1',
    // Long, so that the tests decide when the leader looks (pollOnce); subscription changes still wake it.
    ODDS_WATCH_INTERVAL_SECONDS: '3600',
  };
}

// Looked up once per instance, so the sampler can still read it while the instance shuts down.
const leases = new WeakMap<TestApp, WatcherLease>();
function leaseOf(t: TestApp): WatcherLease {
  if (!leases.has(t)) leases.set(t, t.app.get(WatcherLease));
  return leases.get(t)!;
}
const instanceIdOf = (t: TestApp) => (leaseOf(t) as RedisWatcherLease).instanceId;
const leaseKey = (prefix: string) => `${prefix}live-updates:watcher-lease`;

/**
 * Reads which instances lead, all in one go, every millisecond or so: the instants with more than
 * one leader must number zero.
 */
function sampleLeadership(instances: () => TestApp[]) {
  const stats = { samples: 0, overlaps: 0, handovers: 0 };
  let last: WatcherLease | undefined;
  const timer = setInterval(() => {
    const leaders = instances()
      .map(leaseOf)
      .filter((lease) => lease.leading);
    stats.samples++;
    if (leaders.length > 1) stats.overlaps++;
    if (leaders.length === 1) {
      if (last !== undefined && leaders[0] !== last) stats.handovers++;
      last = leaders[0];
    }
  }, 1);
  return {
    stats,
    /** The last instance the sampler saw leading alone. */
    lastLeader: () => last,
    stop: () => clearInterval(timer),
  };
}

async function leaderGauge(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  if (!text.includes(LEADER_GAUGE)) throw new Error(`${baseUrl}/metrics has no ${LEADER_GAUGE}: run "npm run build:js" first`);
  return sampleSum(text, LEADER_GAUGE);
}

interface OddsView {
  updatedAt: string;
  markets: Array<{ market: string; line?: number; selections: Array<{ key: string; odds: number }> }>;
}

/** The REST price of the selection an update is about. */
function priceIn(odds: OddsView, update: OddsChangeUpdate): number | undefined {
  const market = odds.markets.find((m) => m.market === update.market && m.line === update.line);
  return market?.selections.find((s) => s.key === update.selection)?.odds;
}

/** A Socket.IO client of `/sports-updates` that records every update it receives. */
class IoFollower {
  readonly updates: SportsUpdate[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('sports_update', (update: SportsUpdate) => this.updates.push(update));
  }

  static async connect(baseUrl: string): Promise<IoFollower> {
    const socket = io(`${baseUrl}/sports-updates`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((done, fail) => {
      socket.once('connect', () => done());
      socket.once('connect_error', fail);
    });
    return new IoFollower(socket);
  }

  follow(payload: unknown): Promise<Record<string, unknown>> {
    return this.socket.timeout(5_000).emitWithAck('subscribe', payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** A plain WebSocket client of `/ws/sports-updates` that records every update it receives. */
class WsFollower {
  readonly updates: SportsUpdate[] = [];
  private readonly subscribed: unknown[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; data?: SportsUpdate };
      if (message.type === 'sports_update') this.updates.push(message.data as SportsUpdate);
      if (message.type === 'subscribed') this.subscribed.push(message);
    });
  }

  static async connect(baseUrl: string): Promise<WsFollower> {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/sports-updates`);
    const follower = new WsFollower(socket);
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done());
      socket.once('error', fail);
    });
    return follower;
  }

  async follow(payload: Record<string, unknown>): Promise<void> {
    const before = this.subscribed.length;
    this.socket.send(JSON.stringify({ type: 'subscribe', ...payload }));
    await waitFor(() => this.subscribed.length > before, 5_000, 10);
  }

  close(): void {
    this.socket.close();
  }
}

const oddsChangesOf = (updates: SportsUpdate[], fixtureId: string) =>
  updates.filter((u): u is OddsChangeUpdate => u.type === 'odds_change' && u.fixture_id === fixtureId);

describe('Three instances on one Redis elect one odds watcher', () => {
  const prefix = uniquePrefix('lease-e2e');
  const instances: TestApp[] = [];
  const running: TestApp[] = [];
  let redis: RedisClientType;

  beforeAll(async () => {
    redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    for (let i = 0; i < 3; i++) instances.push(await createTestApp({ env: sharedEnv(prefix) }));
    running.push(...instances);
  });
  afterAll(async () => {
    for (const t of running) await t.close();
    await redis.close();
  });

  it('lets exactly one lead, says so on /metrics, and on a clean shutdown hands over at once, never to two at one instant', async () => {
    const urls = await Promise.all(instances.map((t) => listen(t)));
    const leaders = () => running.filter((t) => leaseOf(t).leading);
    await waitFor(() => leaders().length === 1, 5_000, 5);
    const sampler = sampleLeadership(() => running);

    // Leadership is stable while the holder renews: still the same one after several TTLs.
    const first = leaders()[0];
    await new Promise((done) => setTimeout(done, TTL_MS * 2));
    expect(leaders()).toEqual([first]);
    expect(await redis.get(leaseKey(prefix))).toBe(instanceIdOf(first));
    expect(await Promise.all(urls.map(leaderGauge))).toEqual(instances.map((t) => (t === first ? 1 : 0)));

    for (let handover = 0; handover < 2; handover++) {
      const leader = leaders()[0];
      const id = instanceIdOf(leader);
      // Still sampled while it shuts down: it must stop leading before anyone else starts.
      await leader.close();
      running.splice(running.indexOf(leader), 1);
      // Released on the way out (compare-and-delete), not left to expire.
      expect(await redis.get(leaseKey(prefix))).not.toBe(id);
      await waitFor(() => leaders().length === 1, TTL_MS * 3, 5);
      // The next handover only once the sampler has seen this leader too.
      await waitFor(() => sampler.lastLeader() === leaseOf(leaders()[0]), 1_000, 5);
    }
    sampler.stop();

    expect(sampler.stats.handovers).toBeGreaterThanOrEqual(2);
    expect(sampler.stats.overlaps).toBe(0);
    expect(sampler.stats.samples).toBeGreaterThan(100);
    const last = running[0];
    expect(leaseOf(last).leading).toBe(true);
    expect(await leaderGauge(urls[instances.indexOf(last)])).toBe(1);
  }, 30_000);
});

describe('A leader that dies without releasing the lease', () => {
  const prefix = uniquePrefix('lease-kill');
  const instances: TestApp[] = [];
  let redis: RedisClientType;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:js" first (npm test builds)`);
    redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const t of instances) await t.close();
    await redis.close();
  });

  it('is replaced once its lease expires, and the follows of its clients expire with it', async () => {
    // The built server in a process of its own, so it can die for real (SIGKILL: no shutdown hooks run).
    const port = await freePort();
    const childUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'ERROR', ...sharedEnv(prefix) },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) => child!.once('exit', () => done()));
    await waitFor(async () => (await leaderGauge(childUrl).catch(() => 0)) === 1, 15_000, 100);

    for (let i = 0; i < 2; i++) instances.push(await createTestApp({ env: sharedEnv(prefix) }));
    const [a, b] = instances;
    const followedOnA = a.app.get(FollowedTopics);
    const childId = await redis.get(leaseKey(prefix));
    expect(childId).toEqual(expect.any(String));
    expect([leaseOf(a), leaseOf(b)].map((lease) => lease.leading)).toEqual([false, false]);

    // A client of the child follows a fixture; the other instances see that follow through Redis.
    const fixtures = (await (await fetch(`${childUrl}/api/v1/sports/fixtures?sport=football&limit=1`)).json()) as { fixtures: Array<{ id: string }> };
    const fixtureId = fixtures.fixtures[0].id;
    const follower = await WsFollower.connect(childUrl);
    await follower.follow({ fixture_ids: [fixtureId] });
    await waitFor(async () => (await followedOnA.current()).fixtureIds.includes(fixtureId), 5_000, 20);

    const sampler = sampleLeadership(() => instances);
    child.kill('SIGKILL');
    await exited;
    // Dead, not released: Redis still names it until the TTL runs out.
    expect(await redis.get(leaseKey(prefix))).toBe(childId);
    await waitFor(() => leaseOf(a).leading || leaseOf(b).leading, TTL_MS * 5, 5);
    sampler.stop();
    const leader = leaseOf(a).leading ? a : b;
    expect(await redis.get(leaseKey(prefix))).toBe(instanceIdOf(leader));
    expect(sampler.stats.overlaps).toBe(0);

    // Nobody refreshes the dead instance's follows any more: after three TTLs they are gone.
    await waitFor(async () => !(await followedOnA.current()).fixtureIds.includes(fixtureId), TTL_MS * 6, 100);
    follower.close();
  }, 40_000);
});

describe('Updates found by the leader reach the subscribers of every instance', () => {
  const prefix = uniquePrefix('lease-fanout');
  const clock = new FixedClock(KICK_OFF - 20 * MINUTE);
  const open: Array<{ close(): void }> = [];
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    const env = sharedEnv(prefix);
    const overrides = [{ provide: Clock, useValue: clock }];
    // B starts first and takes the lease; A only serves subscribers.
    b = await createTestApp({ env, overrides });
    await waitFor(() => leaseOf(b).leading, 5_000, 5);
    a = await createTestApp({ env, overrides });
    urlA = await listen(a);
    urlB = await listen(b);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await a.close();
    await b.close();
  });

  it('delivers odds and status changes found on B to Socket.IO and plain WebSocket clients of A (and of B), once each, with the prices REST quoted', async () => {
    const watcherA = a.app.get(OddsWatcherService);
    const watcherB = b.app.get(OddsWatcherService);
    expect(leaseOf(a).leading).toBe(false);

    const res = await request(a.app.getHttpServer()).get('/api/v1/sports/fixtures?team=barca').expect(200);
    const clasicoId: string = res.body.fixtures.find((f: { home: { name: string }; away: { name: string } }) => f.home.name === 'Barcelona' && f.away.name === 'Real Madrid').id;
    const odds = async (): Promise<OddsView> => (await request(a.app.getHttpServer()).get(`/api/v1/sports/odds?match_id=${clasicoId}`).expect(200)).body;

    const ioOnA = await IoFollower.connect(urlA);
    const wsOnA = await WsFollower.connect(urlA);
    const ioOnB = await IoFollower.connect(urlB);
    open.push(ioOnA, wsOnA, ioOnB);
    expect(await ioOnA.follow({ fixture_ids: [clasicoId] })).toEqual({ fixture_ids: [clasicoId], teams: [], tournaments: [] });
    await wsOnA.follow({ teams: ['Barça'] });
    await ioOnB.follow({ tournaments: ['laliga'] });

    // B polls what A's clients follow (a first look only records the prices); A never polls.
    await waitFor(async () => (await watcherB.pollOnce()).fixtures > 0, 5_000, 50);
    expect(await watcherA.pollOnce()).toEqual({ fixtures: 0, updates: 0, failures: 0 });

    const before = await odds();
    clock.advance(ODDS_BUCKET_MS);
    let after = before;
    await waitFor(async () => {
      after = await odds();
      return after.updatedAt !== before.updatedAt;
    }, 5_000, 100);
    const followers = [ioOnA.updates, wsOnA.updates, ioOnB.updates];
    await waitFor(async () => {
      await watcherB.pollOnce();
      return followers.every((updates) => oddsChangesOf(updates, clasicoId).length > 0);
    }, 5_000, 100);
    // Let anything sent twice arrive before counting.
    await new Promise((done) => setTimeout(done, 200));

    const changes = oddsChangesOf(ioOnA.updates, clasicoId);
    for (const change of changes) {
      expect(change.current).not.toBe(change.previous);
      expect(change.previous).toBe(priceIn(before, change));
      expect(change.current).toBe(priceIn(after, change));
    }
    expect(new Set(changes.map((c) => `${c.market}|${c.line ?? ''}|${c.selection}`)).size).toBe(changes.length);
    expect(oddsChangesOf(wsOnA.updates, clasicoId)).toEqual(changes);
    expect(oddsChangesOf(ioOnB.updates, clasicoId)).toEqual(changes);

    clock.set(KICK_OFF + 2 * MINUTE);
    await waitFor(async () => {
      await watcherB.pollOnce();
      return followers.every((updates) => updates.some((u) => u.type === 'status_change' && u.fixture_id === clasicoId));
    }, 5_000, 100);
    await new Promise((done) => setTimeout(done, 200));
    for (const updates of followers) {
      expect(updates.filter((u) => u.type === 'status_change' && u.fixture_id === clasicoId)).toEqual([
        { type: 'status_change', fixture_id: clasicoId, previous: 'pre_match', current: 'live', at: clock.now().toISOString(), score: { home: expect.any(Number), away: expect.any(Number) } },
      ]);
    }
  }, 30_000);
});
