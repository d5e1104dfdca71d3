import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { chatbetConfig, type ChatBetConfig } from '@app/config';
import {
  ChatBetAdapter,
  ChatBetApiClient,
  ChatBetHttpProvider,
  Clock,
  EmbeddedSportsProvider,
  FOOTBALL_SPORT_ID,
  SportsDataProvider,
  UpstreamMalformedResponseError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
} from '@app/sports-data';
// The lib's test-only entry point, deliberately kept out of its public index.
import { FixedClock, describeSportsDataProviderContract } from '../libs/sports-data/src/testing/index.js';
import { DEMO_USER, FakeChatBetServer, type FakeChatBetServerOptions } from './fakes/fake-chatbet-server.js';

// Saturday 16:00 UTC: Premier League games are in play, so live fixtures (with scores) are listed.
const SATURDAY_AFTERNOON = '2026-11-21T16:00:00.000Z';
const MINUTE_MS = 60_000;

const BASE_CONFIG: Omit<ChatBetConfig, 'baseUrl'> = {
  enabled: true,
  timeoutMs: 2_000,
  maxRetries: 2,
  circuitFailureThreshold: 5,
  circuitResetMs: 1_000,
};

interface Harness {
  module: TestingModule;
  provider: ChatBetHttpProvider;
  client: ChatBetApiClient;
}

/** The production classes wired by Nest DI exactly as an app module would, pointed at the fake. */
async function harness(server: FakeChatBetServer, config: Partial<ChatBetConfig> = {}, clock?: Clock): Promise<Harness> {
  const module = await Test.createTestingModule({
    providers: [
      { provide: chatbetConfig.KEY, useValue: { ...BASE_CONFIG, baseUrl: server.url, ...config } satisfies ChatBetConfig },
      ChatBetAdapter,
      ChatBetApiClient,
      ChatBetHttpProvider,
      { provide: SportsDataProvider, useExisting: ChatBetHttpProvider },
      ...(clock === undefined ? [] : [{ provide: Clock, useValue: clock }]),
    ],
  }).compile();
  await module.init();
  return { module, provider: module.get(ChatBetHttpProvider), client: module.get(ChatBetApiClient) };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

// Retries and circuit changes are logged as warnings; the assertions below cover them.
beforeAll(() => Logger.overrideLogger(['error']));

// The contract suite builds its provider lazily, so what it starts is closed once the file is done.
const started: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const resource of started.reverse()) await resource.close();
});

async function contractProvider(options: FakeChatBetServerOptions, clock?: FixedClock): Promise<SportsDataProvider> {
  const server = await FakeChatBetServer.start({ ...options, ...(clock === undefined ? {} : { data: new EmbeddedSportsProvider(clock) }) });
  started.push(server);
  const { module } = await harness(server, {}, clock);
  started.push(module);
  return module.get(SportsDataProvider);
}

describeSportsDataProviderContract('chatbet over HTTP, odds shape A, live weekend', () =>
  contractProvider({ oddsShape: 'A' }, new FixedClock(SATURDAY_AFTERNOON)),
);
describeSportsDataProviderContract('chatbet over HTTP, odds shape B, system clock', () => contractProvider({ oddsShape: 'B' }));

describe('ChatBetHttpProvider against the fake upstream', () => {
  let server: FakeChatBetServer;
  const modules: TestingModule[] = [];

  const setUp = async (config: Partial<ChatBetConfig> = {}, clock?: Clock): Promise<Harness> => {
    const built = await harness(server, config, clock);
    modules.push(built.module);
    return built;
  };

  beforeAll(async () => {
    server = await FakeChatBetServer.start();
  });

  beforeEach(() => {
    server.clearFaults();
    server.clearLog();
    server.oddsShape = 'A';
    server.results = true;
  });

  afterEach(async () => {
    for (const module of modules.splice(0)) await module.close();
  });

  afterAll(async () => {
    await server.close();
  });

  describe('wire format', () => {
    it('uses the documented query parameter names on every listing endpoint', async () => {
      const { provider, client } = await setUp();
      const [fixture] = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match', limit: 1 });
      await provider.getFixtures({ tournamentId: fixture!.tournament.id });
      await provider.getOdds(fixture!.id);
      await client.getTournaments({ sportId: FOOTBALL_SPORT_ID, language: 'es', withActiveFixtures: true });

      const queryNames = (path: string) => server.requestsTo(path).map((r) => Object.keys(r.query).sort());
      expect(new Set(queryNames('/sports/sports-fixtures').map(String))).toEqual(new Set([['language', 'sportId', 'time_zone', 'type'].join()]));
      expect(new Set(queryNames('/sports/fixtures').map(String))).toEqual(new Set([['language', 'time_zone', 'tournamentId', 'type'].join()]));
      expect(queryNames('/sports/odds')).toEqual([['amount', 'fixtureId', 'sportId', 'tournamentId']]);
      expect(queryNames('/sports/all-tournaments').every((names) => names.join() === 'language,with_active_fixtures')).toBe(true);
      expect(server.requestsTo('/sports/tournaments')[0]?.query).toEqual({ sport_id: '1', language: 'es', with_active_fixtures: 'true' });

      const odds = server.requestsTo('/sports/odds')[0]!.query;
      expect(odds).toEqual({ sportId: fixture!.sportId, tournamentId: fixture!.tournament.id, fixtureId: fixture!.id, amount: '1' });
      expect(server.requestsTo('/sports/sports-fixtures')[0]?.query).toMatchObject({ type: 'pre_match', language: 'en', time_zone: 'UTC' });
      expect(server.requestLog.every((r) => r.status === 200)).toBe(true);
    });

    it('reads both odds shapes into the same prices', async () => {
      const { provider } = await setUp();
      const [fixture] = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match', limit: 1 });
      const inShapeA = await provider.getOdds(fixture!.id);
      server.oddsShape = 'B';
      const inShapeB = await provider.getOdds(fixture!.id);
      const flatten = (odds: typeof inShapeA) =>
        odds.markets.flatMap((m) => m.selections.map((s) => `${m.market}|${m.line ?? ''}|${s.key}|${s.name}|${s.odds}|${s.betId}`)).sort();
      expect(flatten(inShapeB)).toEqual(flatten(inShapeA));
    });

    it('never sends the token to endpoints that do not need it', async () => {
      const { provider } = await setUp();
      await provider.getFixtures({ limit: 1 });
      expect(server.requestLog.length).toBeGreaterThan(0);
      expect(server.requestLog.every((r) => r.headers.token === undefined && r.headers.authorization === undefined)).toBe(true);
    });
  });

  describe('token', () => {
    it('sends the raw token header, never Authorization, and generates it once for many calls', async () => {
      const { client } = await setUp();
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      await expect(client.validateToken()).resolves.toBe(true);

      expect(server.requestsTo('/auth/generate_token')).toHaveLength(1);
      const authed = [...server.requestsTo('/auth/get_user_balance'), ...server.requestsTo('/auth/validate_token')];
      expect(authed).toHaveLength(3);
      const tokens = new Set(authed.map((r) => r.headers.token));
      expect(tokens.size).toBe(1);
      expect([...tokens][0]).toMatch(/^eyJ/);
      expect(server.requestLog.every((r) => r.headers.authorization === undefined)).toBe(true);
      expect(client.stats().tokensGenerated).toBe(1);
    });

    it('regenerates the token once after a 401 and repeats the call', async () => {
      const { client } = await setUp();
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      server.revokeTokens();
      const balance = await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      expect(balance).toMatchObject({ money: expect.any(Number) });

      const calls = server.requestsTo('/auth/get_user_balance');
      expect(calls.map((r) => r.status)).toEqual([200, 401, 200]);
      expect(server.requestsTo('/auth/generate_token')).toHaveLength(2);
      expect(calls[2]!.headers.token).not.toBe(calls[1]!.headers.token);
    });

    it('gives up with a typed error when the fresh token is refused too', async () => {
      const { client } = await setUp();
      server.failNext(2, { status: 401, path: '/auth/get_user_balance' });
      const error = await rejectionOf(client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey));
      expect(error).toBeInstanceOf(UpstreamRejectedError);
      expect(error).toMatchObject({ upstreamStatus: 401 });
      expect(server.requestsTo('/auth/get_user_balance')).toHaveLength(2);
      expect(server.requestsTo('/auth/generate_token')).toHaveLength(2);
    });

    it('replaces the token five minutes before its assumed one-hour expiry', async () => {
      const clock = new FixedClock(SATURDAY_AFTERNOON);
      const { client } = await setUp({}, clock);
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      clock.advance(54 * MINUTE_MS);
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      expect(server.requestsTo('/auth/generate_token')).toHaveLength(1);
      clock.advance(1 * MINUTE_MS);
      await client.getUserBalance(DEMO_USER.id, DEMO_USER.userKey);
      expect(server.requestsTo('/auth/generate_token')).toHaveLength(2);
    });

    it('places a bet with the token and every value as a string, and the balance goes down', async () => {
      const { provider, client } = await setUp();
      const [fixture] = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match', limit: 1 });
      const home = (await provider.getOdds(fixture!.id, '1x2')).markets[0]!.selections[0]!;
      const before = server.balanceOf(DEMO_USER.id)!;
      const answer = await client.placeBet({
        user: DEMO_USER,
        amount: '50',
        source: '1101',
        language: 'es',
        countryCode: 'BR',
        legs: [{ betId: home.betId, fixtureId: fixture!.id, odd: String(home.odds), sportId: fixture!.sportId, tournamentId: fixture!.tournament.id }],
      });
      expect(answer).toMatchObject({ message: 'bet accepted', possibleWin: Math.round(50 * home.odds * 100) / 100 });
      expect(server.balanceOf(DEMO_USER.id)).toBeCloseTo(before - 50, 2);
      const [request] = server.requestsTo('/place-bet');
      expect(request!.headers).toMatchObject({ 'accept-language': 'es', 'country-code': 'BR', token: expect.stringMatching(/^eyJ/) });
    });

    it('does not repeat a bet after a server error, since the bet may have been taken', async () => {
      const { client } = await setUp();
      server.failNext(1, { status: 500, path: '/place-bet' });
      const before = server.balanceOf(DEMO_USER.id);
      const legs = [{ betId: '1', fixtureId: '2', odd: '2.5', sportId: '1', tournamentId: '10' }];
      await expect(client.placeBet({ user: DEMO_USER, amount: '5', source: '1101', legs })).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/place-bet')).toHaveLength(1);
      expect(server.balanceOf(DEMO_USER.id)).toBe(before);
    });
  });

  describe('retries', () => {
    it('retries 5xx answers and succeeds when the upstream recovers', async () => {
      const { provider, client } = await setUp({ maxRetries: 2 });
      server.failNext(2, { status: 500, path: '/sports' });
      const sports = await provider.getSports();
      expect(sports.map((s) => s.id)).toContain(FOOTBALL_SPORT_ID);
      expect(server.requestsTo('/sports').map((r) => r.status)).toEqual([500, 500, 200]);
      expect(client.stats()).toMatchObject({ requests: 3, retries: 2, breaker: { state: 'closed', consecutiveFailures: 0 } });
    });

    it('stops after maxRetries retries with UpstreamUnavailableError', async () => {
      const { provider } = await setUp({ maxRetries: 2 });
      server.failNext(5, { status: 503, path: '/sports' });
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(3);
    });

    it('waits as long as a 429 Retry-After asks before trying again', async () => {
      const { provider } = await setUp({ maxRetries: 2 });
      server.failNext(1, { status: 429, retryAfter: 1, path: '/sports' });
      await provider.getSports();
      const [throttled, retried] = server.requestsTo('/sports');
      expect([throttled?.status, retried?.status]).toEqual([429, 200]);
      expect(retried!.receivedAt - throttled!.receivedAt).toBeGreaterThanOrEqual(950);
      expect(retried!.receivedAt - throttled!.receivedAt).toBeLessThan(2_000);
    });

    it('reports how long to wait when throttling outlasts the retries', async () => {
      const { provider } = await setUp({ maxRetries: 1 });
      server.failNext(2, { status: 429, retryAfter: 1, path: '/sports' });
      const error = await rejectionOf(provider.getSports());
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({ retryAfterSeconds: 1 });
    });

    it('abandons answers slower than the timeout, retries, and succeeds on a fast one', async () => {
      const { provider } = await setUp({ timeoutMs: 300, maxRetries: 2 });
      server.failNext(1, { delayMs: 1_000, path: '/sports' });
      const started = Date.now();
      await provider.getSports();
      expect(server.requestsTo('/sports')).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('fails with UpstreamUnavailableError when every attempt times out', async () => {
      const { provider } = await setUp({ timeoutMs: 300, maxRetries: 2 });
      server.failNext(3, { delayMs: 1_000, path: '/sports' });
      const started = Date.now();
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(3);
      // Three 300 ms timeouts plus at most 200 + 400 ms of backoff.
      expect(Date.now() - started).toBeLessThan(2_500);
    });

    it('treats malformed JSON as an upstream fault: a typed error, not retried, counted by the breaker', async () => {
      const { provider, client } = await setUp({ maxRetries: 2 });
      server.failNext(1, { malformedJson: true, path: '/sports' });
      const error = await rejectionOf(provider.getSports());
      expect(error).toBeInstanceOf(UpstreamMalformedResponseError);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(1);
      expect(client.stats().breaker).toMatchObject({ consecutiveFailures: 1, totalFailures: 1 });
    });

    it('does not retry a 422: exactly one upstream call and a typed error', async () => {
      const { provider, client } = await setUp({ maxRetries: 3 });
      server.failNext(1, { status: 422, path: '/sports' });
      const error = await rejectionOf(provider.getSports());
      expect(error).toBeInstanceOf(UpstreamRejectedError);
      expect(error).toMatchObject({ upstreamStatus: 422, httpStatus: 503 });
      expect(server.requestsTo('/sports')).toHaveLength(1);
      // The upstream answered; a bad request says nothing about its health.
      expect(client.stats().breaker).toMatchObject({ state: 'closed', totalFailures: 0 });
    });
  });

  describe('circuit breaker', () => {
    it('opens after the threshold of consecutive failures and then makes no upstream call', async () => {
      const clock = new FixedClock(SATURDAY_AFTERNOON);
      const { provider, client } = await setUp({ maxRetries: 2, circuitFailureThreshold: 3, circuitResetMs: 30_000 }, clock);
      server.failNext(3, { status: 500, path: '/sports' });
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(3);
      expect(client.stats().breaker).toMatchObject({ state: 'open', timesOpened: 1 });
      expect(provider.upstreamStats().breaker.state).toBe('open');

      clock.advance(10_000);
      const error = await rejectionOf(provider.getSports());
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({ retryAfterSeconds: 20 });
      expect(server.requestsTo('/sports')).toHaveLength(3);
      expect(client.stats().breaker).toMatchObject({ state: 'open', totalRejected: 1, retryAfterMs: 20_000 });
    });

    it('stops retrying as soon as the circuit opens mid-call', async () => {
      const { provider } = await setUp({ maxRetries: 3, circuitFailureThreshold: 2, circuitResetMs: 30_000 });
      server.failNext(4, { status: 500, path: '/sports' });
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(2);
    });

    it('half-opens after the reset interval, lets one trial through, and closes when it succeeds', async () => {
      const clock = new FixedClock(SATURDAY_AFTERNOON);
      const { provider, client } = await setUp({ maxRetries: 0, circuitFailureThreshold: 2, circuitResetMs: 5_000 }, clock);
      server.failNext(2, { status: 502, path: '/sports' });
      for (let i = 0; i < 2; i++) await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(2);

      clock.advance(5_000);
      expect(client.stats().breaker.state).toBe('half_open');
      const sports = await provider.getSports();
      expect(sports.length).toBeGreaterThan(0);
      expect(server.requestsTo('/sports')).toHaveLength(3);
      expect(client.stats().breaker).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    });

    it('re-opens when the half-open trial fails', async () => {
      const clock = new FixedClock(SATURDAY_AFTERNOON);
      const { provider, client } = await setUp({ maxRetries: 0, circuitFailureThreshold: 2, circuitResetMs: 5_000 }, clock);
      server.failNext(3, { status: 500, path: '/sports' });
      for (let i = 0; i < 2; i++) await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      clock.advance(5_000);
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(client.stats().breaker).toMatchObject({ state: 'open', timesOpened: 2 });
      await expect(provider.getSports()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(server.requestsTo('/sports')).toHaveLength(3);
    });
  });

  describe('catalogues and derived data', () => {
    it('resolves team names from a catalogue built once, not by scanning on every question', async () => {
      const { provider } = await setUp();
      await expect(provider.resolveTeam('Barcelonaa')).rejects.toMatchObject({ suggestions: expect.arrayContaining(['Barcelona']) });
      const before = server.requestLog.length;
      const barcelona = await provider.resolveTeam('Barça');
      await provider.resolveTeam('real madrid');
      await provider.resolveTeam('FC Barcelona');
      await expect(provider.resolveTeam('Barcelonaa')).rejects.toBeInstanceOf(Error);
      expect(server.requestLog.length).toBe(before);
      expect(barcelona).toMatchObject({ name: 'Barcelona', country: 'Spain', sportId: FOOTBALL_SPORT_ID });
    });

    it('finds a well-known team in its own sport\'s open listings, without sweeping every sport', async () => {
      const { provider } = await setUp();
      const barcelona = await provider.resolveTeam('Barcelona');
      const next = await provider.getFixtures({ teamId: barcelona.id, limit: 1 });
      expect(next).toHaveLength(1);
      const listings = server.requestsTo('/sports/sports-fixtures').map((r) => `${r.query.sportId}:${r.query.type}`).sort();
      expect(listings).toEqual([`${FOOTBALL_SPORT_ID}:live`, `${FOOTBALL_SPORT_ID}:pre_match`]);
      expect(server.requestsTo('/sports')).toHaveLength(0);
    });

    it('reuses a listing for later questions and shares one call among concurrent ones', async () => {
      const { provider } = await setUp();
      await Promise.all(Array.from({ length: 20 }, () => provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match' })));
      expect(server.requestsTo('/sports/sports-fixtures')).toHaveLength(1);
      const [fixture] = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match', limit: 1 });
      // A tournament's fixtures come from the sport's listing already held.
      const inTournament = await provider.getFixtures({ tournamentId: fixture!.tournament.id, status: 'pre_match' });
      expect(inTournament.length).toBeGreaterThan(0);
      expect(inTournament.every((f) => f.tournament.id === fixture!.tournament.id)).toBe(true);
      expect(server.requestLog.map((r) => r.path)).toEqual(['/sports/sports-fixtures', '/sports/all-tournaments', '/sports/all-tournaments', '/sports/all-tournaments']);
    });

    it('looks up odds of a listed fixture without listing again', async () => {
      const { provider } = await setUp();
      const [fixture] = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match', limit: 1 });
      server.clearLog();
      await provider.getOdds(fixture!.id);
      expect(server.requestLog.map((r) => r.path)).toEqual(['/sports/odds']);
    });

    it('comes back with empty form and head-to-head, not an error, when the upstream refuses results', async () => {
      server.results = false;
      const { provider } = await setUp();
      const barcelona = await provider.resolveTeam('Barcelona');
      const madrid = await provider.resolveTeam('Real Madrid');
      await expect(provider.getTeamForm(barcelona.id)).resolves.toMatchObject({ results: [] });
      await expect(provider.getHeadToHead(barcelona.id, madrid.id)).resolves.toMatchObject({ meetings: [] });
      // The refusal is remembered: results are not asked for again on every question.
      const asked = server.requestLog.filter((r) => r.query.type === 'finished').length;
      await provider.getTeamForm(barcelona.id);
      expect(server.requestLog.filter((r) => r.query.type === 'finished').length).toBe(asked);
    });

    it('derives form from finished fixtures when the upstream lists them', async () => {
      const { provider } = await setUp();
      const barcelona = await provider.resolveTeam('Barcelona');
      const form = await provider.getTeamForm(barcelona.id, 2);
      expect(form.results.length).toBeGreaterThan(0);
      expect(server.requestLog.some((r) => r.path === '/sports/sports-fixtures' && r.query.type === 'finished')).toBe(true);
    });
  });
});
