import request from 'supertest';
import { FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Sports REST API on the ChatBet upstream (local server speaking its contract)', () => {
  let upstream: FakeChatBetServer;
  let t: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;

  beforeAll(async () => {
    upstream = await FakeChatBetServer.start();
    t = await createTestApp({
      env: {
        CHATBET_API_BASE_URL: upstream.url,
        CHATBET_API_TIMEOUT: '2',
        CHATBET_API_MAX_RETRIES: '1',
        CHATBET_CIRCUIT_FAILURE_THRESHOLD: '1000',
        CACHE_TTL_ODDS: '1',
      },
    });
    server = t.app.getHttpServer();
  });
  afterAll(async () => {
    await t.close();
    await upstream.close();
  });

  it('serves upstream data marked with its source', async () => {
    const res = await request(server).get('/api/v1/sports/fixtures?team=barcelona&limit=3').expect(200);
    expect(res.body).toMatchObject({ source: 'chatbet', stale: false });
    expect(res.body.fixtures.length).toBeGreaterThan(0);
  });

  it('answers a second identical request from the cache without reaching the upstream', async () => {
    const url = '/api/v1/sports/tournaments?sport=football';
    await request(server).get(url).expect(200);
    upstream.clearLog();
    const again = await request(server).get(url).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    expect(upstream.requestLog).toHaveLength(0);
  });

  it('serves the last good odds marked stale, with their age, while the upstream fails', async () => {
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=arsenal&limit=1').expect(200);
    const url = `/api/v1/sports/odds?match_id=${fixtures.body.fixtures[0].id}`;
    const fresh = await request(server).get(url).expect(200);
    expect(fresh.body.stale).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 1_200));
    upstream.failNext(1000, { status: 500, path: '/sports/odds' });
    try {
      const stale = await request(server).get(url).expect(200);
      expect(stale.body).toMatchObject({ source: 'chatbet', stale: true, ageSeconds: expect.any(Number) });
      expect(stale.body.ageSeconds).toBeGreaterThanOrEqual(1);
      expect(stale.body.markets).toEqual(fresh.body.markets);
      // A stale answer is not pinned in the HTTP cache: the next request tries the upstream again.
      const next = await request(server).get(url).expect(200);
      expect(next.headers['x-cache']).toBe('MISS');
    } finally {
      upstream.clearFaults();
    }
  });

  it('answers 503 with Retry-After when the upstream is down and nothing was cached', async () => {
    upstream.failNext(1000, { status: 503, path: '/sports/odds' });
    try {
      const fixtures = await request(server).get('/api/v1/sports/fixtures?team=chelsea&limit=1').expect(200);
      const res = await request(server).get(`/api/v1/sports/odds?match_id=${fixtures.body.fixtures[0].id}&market=btts`).expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'UPSTREAM_UNAVAILABLE', requestId: expect.any(String) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      upstream.clearFaults();
    }
  });
});
