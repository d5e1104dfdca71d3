import { register as globalRegistry } from 'prom-client';
import { createClient, type RedisClientType } from 'redis';
import request from 'supertest';
import { FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { labelValues, sampleSum } from './support/prometheus-text.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Server = ReturnType<TestApp['app']['getHttpServer']>;

const HTTP = 'chatbet_http_request_duration_seconds';

async function scrape(server: Server): Promise<string> {
  return (await request(server).get('/metrics').expect(200)).text;
}

describe('Prometheus metrics of the real app (Redis cache)', () => {
  const prefix = uniquePrefix('metrics');
  let t: TestApp;
  let server: Server;
  let redis: RedisClientType;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } });
    server = t.app.getHttpServer();
    redis = createClient({ url: TEST_REDIS_URL }) as RedisClientType;
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
    await t.close();
  });

  it('serves every series in the Prometheus text format, never from the HTTP cache', async () => {
    const res = await request(server).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-cache']).toBeUndefined();
    const expected: Array<[string, string]> = [
      ['chatbet_process_cpu_user_seconds_total', 'counter'],
      ['chatbet_nodejs_heap_size_used_bytes', 'gauge'],
      ['chatbet_nodejs_eventloop_lag_seconds', 'gauge'],
      [HTTP, 'histogram'],
      ['chatbet_chat_turn_duration_seconds', 'histogram'],
      ['chatbet_chat_time_to_first_token_seconds', 'histogram'],
      ['chatbet_chat_model_tokens_total', 'counter'],
      ['chatbet_chat_tool_calls_total', 'counter'],
      ['chatbet_cache_hits_total', 'counter'],
      ['chatbet_cache_misses_total', 'counter'],
      ['chatbet_upstream_requests_total', 'counter'],
      ['chatbet_upstream_retries_total', 'counter'],
      ['chatbet_upstream_errors_total', 'counter'],
      ['chatbet_upstream_circuit_rejections_total', 'counter'],
      ['chatbet_upstream_circuit_opened_total', 'counter'],
      ['chatbet_upstream_circuit_state', 'gauge'],
      ['chatbet_rate_limited_total', 'counter'],
      ['chatbet_chat_dedup_hits_total', 'counter'],
      ['chatbet_socket_connections', 'gauge'],
      ['chatbet_chat_active_sessions', 'gauge'],
    ];
    for (const [name, type] of expected) expect(res.text).toContain(`# TYPE ${name} ${type}\n`);
    // The scrape endpoint is for the monitoring system, not part of the documented API.
    const docs = await request(server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).not.toContain('/metrics');
  });

  it('counts requests by route pattern, and a repeated odds request as a cache hit', async () => {
    // A football match: the three-way result is football's (basketball is priced on the moneyline).
    const fixtures = await request(server).get('/api/v1/sports/fixtures?sport=football&limit=1').expect(200);
    const matchId: string = fixtures.body.fixtures[0].id;
    const url = `/api/v1/sports/odds?match_id=${matchId}&market=1x2`;
    const before = await scrape(server);

    const first = await request(server).get(url).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    // The cache write lands after the answer is sent; ask until the second answer is a HIT.
    let sent = 1;
    await waitFor(async () => {
      sent++;
      return (await request(server).get(url).expect(200)).headers['x-cache'] === 'HIT';
    }, 3_000);

    const after = await scrape(server);
    const odds = { route: '/api/v1/sports/odds', method: 'GET', status_code: '200' };
    expect(sampleSum(after, `${HTTP}_count`, odds) - sampleSum(before, `${HTTP}_count`, odds)).toBe(sent);
    expect(sampleSum(after, `${HTTP}_sum`, odds)).toBeGreaterThan(sampleSum(before, `${HTTP}_sum`, odds));
    const http = { layer: 'http', resource: 'odds' };
    expect(sampleSum(after, 'chatbet_cache_hits_total', http) - sampleSum(before, 'chatbet_cache_hits_total', http)).toBe(1);
    expect(sampleSum(after, 'chatbet_cache_misses_total', http) - sampleSum(before, 'chatbet_cache_misses_total', http)).toBe(sent - 1);
    // Behind the HTTP cache the sports-data service looked the odds up in its own cache too.
    const service = { layer: 'service', resource: 'odds' };
    const serviceLookups = (text: string) => sampleSum(text, 'chatbet_cache_hits_total', service) + sampleSum(text, 'chatbet_cache_misses_total', service);
    expect(serviceLookups(after) - serviceLookups(before)).toBeGreaterThanOrEqual(1);
    // Ids and query strings never become label values.
    expect(after).not.toContain(matchId);
    expect(labelValues(after, `${HTTP}_count`, 'route').every((route) => !route.includes('?'))).toBe(true);
  });

  it('labels a parameterised route by its pattern, including the 404 the error filter answers', async () => {
    const before = await scrape(server);
    await request(server).get('/api/v1/sports/teams/real%20madrid').expect(200);
    await request(server).get('/api/v1/sports/teams/Nobody%20FC').expect(404);
    const after = await scrape(server);
    const team = (status: string) => ({ route: '/api/v1/sports/teams/:team', status_code: status });
    expect(sampleSum(after, `${HTTP}_count`, team('200')) - sampleSum(before, `${HTTP}_count`, team('200'))).toBe(1);
    expect(sampleSum(after, `${HTTP}_count`, team('404')) - sampleSum(before, `${HTTP}_count`, team('404'))).toBe(1);
    expect(after).not.toMatch(/Nobody|real%20madrid|real madrid/);
  });

  it('counts an unknown route as "unmatched", never by its raw path', async () => {
    const before = await scrape(server);
    await request(server).get('/no-such-route/abc-123456').expect(404);
    await request(server).post('/another/unknown-path-987').send({}).expect(404);
    const after = await scrape(server);
    const unmatched = { route: 'unmatched', status_code: '404' };
    expect(sampleSum(after, `${HTTP}_count`, unmatched) - sampleSum(before, `${HTTP}_count`, unmatched)).toBe(2);
    expect(after).not.toMatch(/abc-123456|unknown-path-987|no-such-route/);
  });

  it('counts a chat turn: duration, time to first token, model tokens and tool calls', async () => {
    const before = await scrape(server);
    const res = await request(server).post('/api/v1/chat/message').send({ message: 'Odds for Juventus vs Milan?' }).expect(200);
    const after = await scrape(server);
    const mode: string = res.body.mode;
    const calls: Array<{ name: string; ok: boolean }> = res.body.function_calls_made;
    expect(mode).toBe('offline');
    expect(calls.length).toBeGreaterThan(0);
    const delta = (name: string, labels: Record<string, string>) => sampleSum(after, name, labels) - sampleSum(before, name, labels);

    expect(delta('chatbet_chat_turn_duration_seconds_count', { mode })).toBe(1);
    expect(delta('chatbet_chat_turn_duration_seconds_sum', { mode })).toBeGreaterThan(0);
    expect(delta('chatbet_chat_time_to_first_token_seconds_count', { mode })).toBe(1);
    // The first token comes before the whole turn is over.
    expect(delta('chatbet_chat_time_to_first_token_seconds_sum', { mode })).toBeLessThanOrEqual(delta('chatbet_chat_turn_duration_seconds_sum', { mode }));
    const input = delta('chatbet_chat_model_tokens_total', { mode, direction: 'input' });
    const output = delta('chatbet_chat_model_tokens_total', { mode, direction: 'output' });
    expect(input).toBeGreaterThan(0);
    expect(output).toBeGreaterThan(0);
    expect(input + output).toBe(res.body.token_count);
    for (const tool of new Set(calls.map((c) => c.name))) {
      for (const outcome of ['ok', 'error'] as const) {
        const expected = calls.filter((c) => c.name === tool && c.ok === (outcome === 'ok')).length;
        expect(delta('chatbet_chat_tool_calls_total', { tool, outcome })).toBe(expected);
      }
    }
    expect(delta(`${HTTP}_count`, { route: '/api/v1/chat/message', method: 'POST', status_code: '200' })).toBe(1);
  });

  it('measures the first streamed token of a Server-Sent Events turn as well', async () => {
    const before = await scrape(server);
    await request(server).post('/api/v1/chat/stream').send({ message: 'When does Barcelona play next?' }).expect(200);
    const after = await scrape(server);
    const name = 'chatbet_chat_time_to_first_token_seconds_count';
    expect(sampleSum(after, name) - sampleSum(before, name)).toBe(1);
  });
});

describe('Prometheus metrics with several app instances in one process', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('keeps each instance on its own registry, and none on the global one', async () => {
    const route = { route: '/api/v1/sports', status_code: '200' };
    const aBefore = sampleSum(await scrape(a.app.getHttpServer()), `${HTTP}_count`, route);
    const bBefore = sampleSum(await scrape(b.app.getHttpServer()), `${HTTP}_count`, route);
    for (let i = 0; i < 3; i++) await request(b.app.getHttpServer()).get('/api/v1/sports').expect(200);

    expect(sampleSum(await scrape(b.app.getHttpServer()), `${HTTP}_count`, route) - bBefore).toBe(3);
    expect(sampleSum(await scrape(a.app.getHttpServer()), `${HTTP}_count`, route) - aBefore).toBe(0);
    const globalNames = (await globalRegistry.getMetricsAsJSON()).map((m) => m.name);
    expect(globalNames.filter((name) => name.startsWith('chatbet_'))).toEqual([]);
  });

  it('keeps serving one instance after another is closed', async () => {
    const c = await createTestApp();
    await scrape(c.app.getHttpServer());
    await c.close();
    const text = await scrape(a.app.getHttpServer());
    expect(text).toContain(`# TYPE ${HTTP} histogram`);
  });
});

describe('Prometheus metrics of the ChatBet upstream client', () => {
  let upstream: FakeChatBetServer;
  let t: TestApp;
  let server: Server;

  beforeAll(async () => {
    upstream = await FakeChatBetServer.start();
    t = await createTestApp({
      env: {
        CHATBET_API_BASE_URL: upstream.url,
        CHATBET_API_TIMEOUT: '2',
        CHATBET_API_MAX_RETRIES: '1',
        CHATBET_CIRCUIT_FAILURE_THRESHOLD: '3',
        CHATBET_CIRCUIT_RESET_SECONDS: '3600',
      },
    });
    server = t.app.getHttpServer();
  });
  afterAll(async () => {
    await t.close();
    await upstream.close();
  });

  it('mirrors the client counters at scrape time and shows the circuit opening', async () => {
    await request(server).get('/api/v1/sports').expect(200);
    const healthy = await scrape(server);
    const chatbet = { upstream: 'chatbet' };
    expect(sampleSum(healthy, 'chatbet_upstream_requests_total', chatbet)).toBe(upstream.requestLog.length);
    expect(sampleSum(healthy, 'chatbet_upstream_circuit_state', { ...chatbet, state: 'closed' })).toBe(1);
    expect(sampleSum(healthy, 'chatbet_upstream_circuit_state', { ...chatbet, state: 'open' })).toBe(0);

    upstream.failNext(1000, { status: 500 });
    try {
      for (let i = 0; i < 4; i++) await request(server).get(`/api/v1/sports/tournaments?sport=football&country=n${i}`);
      const failing = await scrape(server);
      expect(sampleSum(failing, 'chatbet_upstream_requests_total', chatbet)).toBe(upstream.requestLog.length);
      expect(sampleSum(failing, 'chatbet_upstream_errors_total', chatbet)).toBeGreaterThanOrEqual(3);
      expect(sampleSum(failing, 'chatbet_upstream_retries_total', chatbet)).toBeGreaterThanOrEqual(1);
      expect(sampleSum(failing, 'chatbet_upstream_circuit_opened_total', chatbet)).toBe(1);
      expect(sampleSum(failing, 'chatbet_upstream_circuit_state', { ...chatbet, state: 'open' })).toBe(1);
      expect(sampleSum(failing, 'chatbet_upstream_circuit_state', { ...chatbet, state: 'closed' })).toBe(0);
      expect(sampleSum(failing, 'chatbet_upstream_circuit_rejections_total', chatbet)).toBeGreaterThanOrEqual(1);
    } finally {
      upstream.clearFaults();
    }
  });
});
