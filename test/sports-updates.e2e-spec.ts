import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { OddsWatcherService, SubscriptionService, type OddsChangeUpdate, type SportsUpdate } from '@app/live-updates';
import { Clock, LIVE_WINDOW_MS, ODDS_BUCKET_MS } from '@app/sports-data';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { WebSocket, WebSocketServer } from 'ws';
import { FixedClock } from '../libs/sports-data/src/testing/index.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// A Sunday evening: El Clásico (Barcelona v Real Madrid) kicks off at 20:00 UTC, last of its round.
const KICK_OFF = Date.parse('2026-11-22T20:00:00.000Z');
const MINUTE = 60_000;

interface SelectionView {
  key: string;
  odds: number;
}
interface MarketView {
  market: string;
  line?: number;
  selections: SelectionView[];
}
interface OddsView {
  updatedAt: string;
  markets: MarketView[];
}

type ServerMessage = { type: string; id?: string | number; data?: SportsUpdate; [field: string]: unknown };

/** Socket.IO client of the `/sports-updates` namespace that records every update it receives. */
class IoClient {
  readonly updates: SportsUpdate[] = [];
  readonly errors: unknown[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('sports_update', (update: SportsUpdate) => this.updates.push(update));
    socket.on('error', (error: unknown) => this.errors.push(error));
  }

  static async connect(port: number): Promise<IoClient> {
    const socket = io(`http://127.0.0.1:${port}/sports-updates`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new IoClient(socket);
  }

  request(event: 'subscribe' | 'unsubscribe', payload: unknown): Promise<Record<string, unknown>> {
    return this.socket.timeout(5_000).emitWithAck(event, payload);
  }

  oddsChangesOf(fixtureId: string): OddsChangeUpdate[] {
    return this.updates.filter((u): u is OddsChangeUpdate => u.type === 'odds_change' && u.fixture_id === fixtureId);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Plain WebSocket client of `/ws/sports-updates` that queues the server's messages. */
class WsClient {
  readonly messages: ServerMessage[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.messages.push(JSON.parse(String(data)) as ServerMessage));
  }

  static async connect(port: number, path = '/ws/sports-updates'): Promise<WsClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    const client = new WsClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits for the next message of this type that has not been taken yet, and takes it. */
  async next(type: string): Promise<ServerMessage> {
    let found: ServerMessage | undefined;
    await waitFor(() => {
      const index = this.messages.findIndex((m) => m.type === type);
      if (index === -1) return false;
      found = this.messages.splice(index, 1)[0];
      return true;
    }, 5_000, 10);
    return found as ServerMessage;
  }

  updates(): SportsUpdate[] {
    return this.messages.filter((m) => m.type === 'sports_update').map((m) => m.data as SportsUpdate);
  }

  close(): void {
    this.socket.close();
  }
}

function portOf(t: TestApp): number {
  return (t.app.getHttpServer().address() as AddressInfo).port;
}

/** The REST price of the selection an update is about. */
function priceIn(odds: OddsView, update: OddsChangeUpdate): number | undefined {
  const market = odds.markets.find((m) => m.market === update.market && m.line === update.line);
  return market?.selections.find((s) => s.key === update.selection)?.odds;
}

describe('Live sports updates with a controllable clock', () => {
  const clock = new FixedClock(KICK_OFF - 20 * MINUTE);
  let t: TestApp;
  let port: number;
  let watcher: OddsWatcherService;
  let subscriptions: SubscriptionService;
  let clasicoId: string;
  const open: Array<{ close(): void }> = [];

  const odds = async (): Promise<OddsView> => (await request(t.app.getHttpServer()).get(`/api/v1/sports/odds?match_id=${clasicoId}`).expect(200)).body;

  // The clock only moves forward: the odds cache (1 s of real time) may still hold prices of the
  // last bucket, which must never be mistaken for the prices of an earlier one.

  /** Moves the clock into the next odds bucket and waits until REST and the watcher both see the new prices. */
  const nextOddsBucket = async (before: OddsView, until: () => boolean): Promise<OddsView> => {
    clock.advance(ODDS_BUCKET_MS);
    let after = before;
    await waitFor(async () => {
      after = await odds();
      return after.updatedAt !== before.updatedAt;
    }, 5_000, 100);
    await waitFor(async () => {
      await watcher.pollOnce();
      return until();
    }, 5_000, 100);
    return after;
  };

  const ioClient = async () => {
    const client = await IoClient.connect(port);
    open.push(client);
    return client;
  };
  const wsClient = async (path?: string) => {
    const client = await WsClient.connect(port, path);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({
      // The interval is long so that the test decides when the watcher looks (pollOnce).
      env: { CACHE_TTL_ODDS: '1', ODDS_WATCH_INTERVAL_SECONDS: '3600' },
      overrides: [{ provide: Clock, useValue: clock }],
    });
    await t.app.listen(0, '127.0.0.1');
    port = portOf(t);
    watcher = t.app.get(OddsWatcherService);
    subscriptions = t.app.get(SubscriptionService);
    const res = await request(t.app.getHttpServer()).get('/api/v1/sports/fixtures?team=barca').expect(200);
    const clasico = res.body.fixtures.find((f: { home: { name: string }; away: { name: string } }) => f.home.name === 'Barcelona' && f.away.name === 'Real Madrid');
    expect(Date.parse(clasico.startTime)).toBe(KICK_OFF);
    expect(clasico.status).toBe('pre_match');
    clasicoId = clasico.id;
  });

  afterEach(async () => {
    for (const client of open.splice(0)) client.close();
    // Every test starts with nobody subscribed, so the watcher holds no snapshot from an earlier test.
    await waitFor(() => subscriptions.topicCount === 0 && !watcher.running, 5_000);
  });

  afterAll(() => t.close());

  it('pushes an odds move to followers of the fixture, of a team named by alias and of its tournament, with the prices REST quoted before and after', async () => {
    const byFixture = await ioClient();
    const byTeam = await ioClient();
    const byTournament = await ioClient();
    const bystander = await ioClient();

    expect(await byFixture.request('subscribe', { fixture_ids: [clasicoId] })).toEqual({ fixture_ids: [clasicoId], teams: [], tournaments: [] });
    expect(await byTeam.request('subscribe', { teams: ['Barça'] })).toEqual({ fixture_ids: [], teams: [{ id: '1001', name: 'Barcelona' }], tournaments: [] });
    expect(await byTournament.request('subscribe', { tournaments: ['laliga'] })).toEqual({
      fixture_ids: [],
      teams: [],
      tournaments: [{ id: '10', name: 'La Liga' }],
    });
    expect(await bystander.request('subscribe', { teams: ['Bayern Munich'] })).toMatchObject({ teams: [{ name: 'Bayern Munich' }] });

    await watcher.pollOnce();
    const before = await odds();
    const after = await nextOddsBucket(before, () => [byFixture, byTeam, byTournament].every((c) => c.oddsChangesOf(clasicoId).length > 0));

    const changes = byFixture.oddsChangesOf(clasicoId);
    for (const change of changes) {
      expect(change.current).not.toBe(change.previous);
      expect(change.previous).toBe(priceIn(before, change));
      expect(change.current).toBe(priceIn(after, change));
      expect(change.at).toBe(clock.now().toISOString());
    }
    // Every selection that moved in the REST answer was reported.
    const moved = before.markets.flatMap((m) =>
      m.selections
        .filter((s) => after.markets.find((a) => a.market === m.market && a.line === m.line)?.selections.find((a) => a.key === s.key)?.odds !== s.odds)
        .map((s) => `${m.market}|${m.line ?? ''}|${s.key}`),
    );
    expect(changes.map((c) => `${c.market}|${c.line ?? ''}|${c.selection}`).sort()).toEqual(moved.sort());

    expect(byTeam.oddsChangesOf(clasicoId)).toEqual(changes);
    expect(byTournament.oddsChangesOf(clasicoId)).toEqual(changes);
    expect(bystander.oddsChangesOf(clasicoId)).toEqual([]);
    expect(byFixture.updates.every((u) => u.fixture_id === clasicoId)).toBe(true);
  });

  it('stops sending to a client that unsubscribed, while others keep receiving, and stops polling when nobody is left', async () => {
    const leaving = await ioClient();
    const staying = await ioClient();
    await leaving.request('subscribe', { fixture_ids: [clasicoId], teams: ['Barça'] });
    await staying.request('subscribe', { fixture_ids: [clasicoId] });
    await watcher.pollOnce();

    // The team may be named by the id the acknowledgement showed.
    expect(await leaving.request('unsubscribe', { fixture_ids: [clasicoId], teams: ['1001'] })).toEqual({ fixture_ids: [], teams: [], tournaments: [] });
    await nextOddsBucket(await odds(), () => staying.oddsChangesOf(clasicoId).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(leaving.updates).toEqual([]);

    expect(await staying.request('unsubscribe', {})).toEqual({ fixture_ids: [], teams: [], tournaments: [] });
    await waitFor(() => !watcher.running, 2_000);
    expect(await watcher.pollOnce()).toEqual({ fixtures: 0, updates: 0, failures: 0 });
  });

  it('answers malformed and unknown requests with an error event and acknowledgement, and the socket stays usable', async () => {
    const client = await ioClient();
    const bad: Array<[unknown, string]> = [
      ['barcelona', 'INVALID_MESSAGE_FORMAT'],
      [{ fixture_ids: clasicoId }, 'INVALID_MESSAGE_FORMAT'],
      [{ teams: ['<img src=x>'] }, 'INVALID_MESSAGE_FORMAT'],
      [{ fixture_ids: Array.from({ length: 51 }, (_, i) => String(i)) }, 'INVALID_MESSAGE_FORMAT'],
      [{ fixture_ids: [clasicoId], colour: 'red' }, 'INVALID_MESSAGE_FORMAT'],
      [{}, 'INVALID_MESSAGE_FORMAT'],
      [{ fixture_ids: ['999999999'] }, 'UNKNOWN_FIXTURE'],
      [{ tournaments: ['Premier Leaguee'] }, 'UNKNOWN_TOURNAMENT'],
    ];
    for (const [payload, code] of bad) {
      const ack = await client.request('subscribe', payload);
      expect(ack).toMatchObject({ error_code: code, content: expect.any(String) });
    }
    const unknownTeam = await client.request('subscribe', { teams: ['Barcelonx'] });
    expect(unknownTeam).toMatchObject({ error_code: 'UNKNOWN_TEAM', content: expect.stringContaining('Barcelonx') });
    expect(unknownTeam.suggestions).toContain('Barcelona');
    await waitFor(() => client.errors.length === bad.length + 1, 2_000);
    expect(client.errors.at(-1)).toEqual(unknownTeam);

    // A failed request changes nothing, and the connection still works.
    expect(await client.request('subscribe', { teams: ['Real Madrid', 'Barcelonx'] })).toMatchObject({ error_code: 'UNKNOWN_TEAM' });
    expect(await client.request('subscribe', { teams: ['real madrid'] })).toEqual({ fixture_ids: [], teams: [{ id: '1002', name: 'Real Madrid' }], tournaments: [] });
    expect(client.socket.connected).toBe(true);
  });

  it('serves the same over a plain WebSocket: ack, ping, errors, updates and unsubscribe', async () => {
    const client = await wsClient();
    const control = await wsClient();
    expect(await client.next('connection_ack')).toEqual({ type: 'connection_ack' });

    client.send('subscribe me to barca');
    expect(await client.next('error')).toMatchObject({ error_code: 'INVALID_JSON' });
    client.send({ type: 'dance' });
    expect(await client.next('error')).toMatchObject({ error_code: 'INVALID_MESSAGE_FORMAT' });
    client.send({ type: 'subscribe', id: 'r0', fixture_ids: 'all' });
    expect(await client.next('error')).toMatchObject({ id: 'r0', error_code: 'INVALID_MESSAGE_FORMAT', content: expect.stringContaining('fixture_ids') });
    client.send({ type: 'subscribe', id: 'r1', teams: ['Nobody FC'] });
    expect(await client.next('error')).toMatchObject({ id: 'r1', error_code: 'UNKNOWN_TEAM', suggestions: expect.any(Array) });
    client.send({ type: 'ping', id: 7 });
    expect(await client.next('pong')).toEqual({ type: 'pong', id: 7 });

    client.send({ type: 'subscribe', id: 'r2', fixture_ids: [clasicoId], teams: ['barsa'] });
    expect(await client.next('subscribed')).toEqual({
      type: 'subscribed',
      id: 'r2',
      fixture_ids: [clasicoId],
      teams: [{ id: '1001', name: 'Barcelona' }],
      tournaments: [],
    });
    control.send({ type: 'subscribe', fixture_ids: [clasicoId] });
    await control.next('subscribed');
    await watcher.pollOnce();

    const before = await odds();
    const after = await nextOddsBucket(before, () => client.updates().some((u) => u.type === 'odds_change' && u.fixture_id === clasicoId));
    const changes = client.updates().filter((u): u is OddsChangeUpdate => u.type === 'odds_change');
    // Followed through both the fixture and its team, yet each change arrives once. (The team's
    // other open fixtures are followed too, so their moves may arrive in the same round.)
    expect(new Set(changes.map((c) => `${c.fixture_id}|${c.market}|${c.line ?? ''}|${c.selection}`)).size).toBe(changes.length);
    const clasicoChanges = changes.filter((c) => c.fixture_id === clasicoId);
    expect(clasicoChanges.length).toBeGreaterThan(0);
    for (const change of clasicoChanges) {
      expect(change.previous).toBe(priceIn(before, change));
      expect(change.current).toBe(priceIn(after, change));
    }

    client.send({ type: 'unsubscribe', id: 'r3' });
    expect(await client.next('subscribed')).toEqual({ type: 'subscribed', id: 'r3', fixture_ids: [], teams: [], tournaments: [] });
    client.messages.length = 0;
    control.messages.length = 0;
    await nextOddsBucket(after, () => control.updates().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.updates()).toEqual([]);
  });

  it('serves a client of the original ChatBet protocol: ?competitions=, subscribe {competitions}, and sports_update / odds_update in the original shape', async () => {
    const laLiga = '10';
    const client = await wsClient(`/ws/sports-updates?user_id=chatbet_user_${Date.now()}&competitions=${laLiga}`);
    expect(await client.next('connection_ack')).toEqual({ type: 'connection_ack' });
    expect(await client.next('error')).toMatchObject({
      error_code: 'INFO',
      error_message: 'Connected to sports updates. Following 1 competitions.',
      timestamp: expect.any(String),
    });

    // The frame as the original client writes it, envelope fields included.
    client.send(`{"type":"subscribe","competitions":["${laLiga}", 10],"timestamp":"${new Date().toISOString()}","session_id":"s-1","message_id":"${randomUUID()}"}`);
    expect(await client.next('subscribed')).toMatchObject({ tournaments: [{ id: laLiga, name: 'La Liga' }] });
    expect(await client.next('error')).toMatchObject({ error_code: 'SUBSCRIPTION_UPDATED', error_message: expect.stringContaining('Following 1 competitions') });
    client.send('{"type":"subscribe","competitions":["999999"]}');
    expect(await client.next('error')).toMatchObject({ error_code: 'UNKNOWN_TOURNAMENT', error_message: expect.stringContaining('999999') });

    await watcher.pollOnce();
    const before = await odds();
    const after = await nextOddsBucket(before, () => client.messages.some((m) => m.type === 'odds_update' && m.match_id === clasicoId));
    const updates = client.messages.filter((m) => m.type === 'sports_update' && m.match_id === clasicoId);
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(update).toMatchObject({ update_type: 'odds_change', match_id: clasicoId, tournament_id: laLiga, priority: expect.any(String), data: { fixture_id: clasicoId } });
    }
    const moves = client.messages.filter((m) => m.type === 'odds_update' && m.match_id === clasicoId);
    expect(moves).toHaveLength(updates.length);
    for (const move of moves) {
      expect(move).toMatchObject({ market_type: expect.any(String), old_odds: expect.any(Number), new_odds: expect.any(Number), change_percentage: expect.any(Number) });
      const oldOdds = move.old_odds as number;
      const newOdds = move.new_odds as number;
      expect(move.movement_direction).toBe(newOdds > oldOdds ? 'up' : 'down');
      expect(move.change_percentage).toBeCloseTo(((newOdds - oldOdds) / oldOdds) * 100, 1);
      const market = after.markets.find((m) => m.market === move.market_type && m.selections.some((s) => s.key === move.selection && s.odds === newOdds));
      expect(market).toBeDefined();
    }

    // Each subscribe gives the whole list: an empty one follows nothing.
    client.send('{"type":"subscribe","competitions":[]}');
    expect(await client.next('subscribed')).toMatchObject({ tournaments: [] });
    expect(await client.next('error')).toMatchObject({ error_code: 'SUBSCRIPTION_UPDATED', error_message: expect.stringContaining('Following 0 competitions') });
  });

  it('leaves WebSocket upgrades on other paths to their own handlers', async () => {
    const probe = new WebSocketServer({ noServer: true });
    const server = t.app.getHttpServer();
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url === '/ws/probe') probe.handleUpgrade(req, socket, head, (c) => c.send('probe-ok'));
    };
    server.on('upgrade', onUpgrade);
    const other = new WebSocket(`ws://127.0.0.1:${port}/ws/probe`);
    try {
      const text = await new Promise<string>((resolve, reject) => {
        other.once('message', (data) => resolve(String(data)));
        other.once('error', reject);
      });
      expect(text).toBe('probe-ok');
      // Still open well after Socket.IO's 1 s grace for upgrades nobody claimed.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(other.readyState).toBe(WebSocket.OPEN);
      // Our own path, with a query string, still works next to it.
      const ours = await wsClient('/ws/sports-updates?client=test');
      expect(await ours.next('connection_ack')).toEqual({ type: 'connection_ack' });
    } finally {
      other.close();
      server.off('upgrade', onUpgrade);
      probe.close();
    }
  });

  it('tells followers when the match kicks off and when it ends, with the score', async () => {
    clock.set(KICK_OFF - MINUTE);
    const follower = await ioClient();
    await follower.request('subscribe', { fixture_ids: [clasicoId] });
    // A client of the original protocol following La Liga hears of it as match_start and match_end.
    const original = await wsClient('/ws/sports-updates?competitions=10');
    expect(await original.next('error')).toMatchObject({ error_code: 'INFO', error_message: expect.stringContaining('Following 1 competitions') });
    await watcher.pollOnce();
    expect(follower.updates).toEqual([]);

    clock.set(KICK_OFF + 2 * MINUTE);
    await waitFor(async () => {
      await watcher.pollOnce();
      return follower.updates.some((u) => u.type === 'status_change');
    }, 5_000, 100);
    const statusChanges = follower.updates.filter((u) => u.type === 'status_change');
    expect(statusChanges).toEqual([
      { type: 'status_change', fixture_id: clasicoId, previous: 'pre_match', current: 'live', at: clock.now().toISOString(), score: { home: expect.any(Number), away: expect.any(Number) } },
    ]);

    // Told once: later rounds during the match do not repeat it.
    await watcher.pollOnce();
    expect(follower.updates.filter((u) => u.type === 'status_change')).toHaveLength(1);

    clock.set(KICK_OFF + LIVE_WINDOW_MS + MINUTE);
    await waitFor(async () => {
      await watcher.pollOnce();
      return follower.updates.filter((u) => u.type === 'status_change').length === 2;
    }, 5_000, 100);
    expect(follower.updates.filter((u) => u.type === 'status_change')[1]).toEqual({
      type: 'status_change',
      fixture_id: clasicoId,
      previous: 'live',
      current: 'finished',
      at: clock.now().toISOString(),
      score: { home: expect.any(Number), away: expect.any(Number) },
    });
    await waitFor(() => original.messages.filter((m) => m.type === 'sports_update' && m.match_id === clasicoId && m.data?.type === 'status_change').length === 2, 2_000);
    const told = original.messages.filter((m) => m.type === 'sports_update' && m.match_id === clasicoId && m.data?.type === 'status_change');
    expect(told.map((m) => [m.update_type, m.priority, m.tournament_id])).toEqual([
      ['match_start', 'high', '10'],
      ['match_end', 'high', '10'],
    ]);
  });
});

describe('Live sports updates: who may connect, and shutdown', () => {
  it('refuses a plain WebSocket from a browser origin CORS does not allow, and accepts an allowed one', async () => {
    const t = await createTestApp({ env: { CORS_ORIGINS: 'https://app.chatbet.example' } });
    await t.app.listen(0, '127.0.0.1');
    try {
      const url = `ws://127.0.0.1:${portOf(t)}/ws/sports-updates`;
      const refused = await new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(url, { origin: 'https://evil.example' });
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => reject(new Error('a foreign origin was let in')));
      });
      expect(refused).toBe(403);
      const allowed = new WebSocket(url, { origin: 'https://app.chatbet.example' });
      await new Promise<void>((resolve, reject) => {
        allowed.once('open', () => resolve());
        allowed.once('error', reject);
      });
      allowed.close();
    } finally {
      await t.close();
    }
  });

  it('tells plain WebSocket and Socket.IO clients to reconnect, then closes them, when the application closes', async () => {
    const t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const port = portOf(t);
    const plain = await WsClient.connect(port);
    const socketIo = await IoClient.connect(port);
    const closed = new Promise<number>((resolve) => plain.socket.once('close', (code) => resolve(code)));
    const disconnected = new Promise<void>((resolve) => socketIo.socket.once('disconnect', () => resolve()));
    const socketIoNotice = new Promise<unknown>((resolve) => socketIo.socket.once('server_shutdown', resolve));
    await t.close();
    expect(await closed).toBe(1001);
    expect(plain.messages.find((m) => m.type === 'server_shutdown')).toMatchObject({ reconnect: true, retry_after_ms: expect.any(Number) });
    expect(await socketIoNotice).toMatchObject({ reconnect: true });
    await disconnected;
  });
});

describe('Live sports updates with the real clock', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ODDS_WATCH_INTERVAL_SECONDS: '1', CACHE_TTL_ODDS: '1' } });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(() => t.close());

  it('delivers a real price move of the next football fixture within a minute, without anyone calling the watcher', async () => {
    expect(t.app.get(OddsWatcherService).intervalMs).toBe(1_000);
    const res = await request(t.app.getHttpServer()).get('/api/v1/sports/fixtures?sport=football&limit=1').expect(200);
    const fixtureId: string = res.body.fixtures[0].id;
    const client = await IoClient.connect(portOf(t));
    try {
      await client.request('subscribe', { fixture_ids: [fixtureId] });
      // Prices move at each 30 s bucket boundary, so this takes up to ~31 s.
      await waitFor(() => client.oddsChangesOf(fixtureId).length > 0, 60_000, 100);
      const [change] = client.oddsChangesOf(fixtureId);
      expect(change.current).not.toBe(change.previous);
    } finally {
      client.close();
    }
  }, 70_000);
});
