import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { freePort } from './support/redis-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { FakeGeminiServer, RETIRED_GEMINI_MODEL } from './fakes/fake-gemini-server.js';

describe('Health probes', () => {
  describe('with Redis up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('health') } });
    });
    afterAll(() => t.close());

    it('reports status, version, uptime and the mode of each dependency', async () => {
      const res = await request(t.app.getHttpServer()).get('/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        service: 'chatbet-backend',
        version: expect.any(String),
        uptimeSeconds: expect.any(Number),
        modes: { redis: 'redis', llm: 'offline', sportsData: 'embedded' },
      });
    });

    it('is live', async () => {
      const res = await request(t.app.getHttpServer()).get('/health/live').expect(200);
      expect(res.body.status).toBe('ok');
    });

    it('is ready, with the Redis ping latency', async () => {
      const res = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      expect(res.body.details.redis).toMatchObject({ status: 'up', mode: 'redis', latencyMs: expect.any(Number) });
    });

    it('gives memory, event-loop delay and dependency latencies in detail', async () => {
      const res = await request(t.app.getHttpServer()).get('/health/detailed').expect(200);
      expect(res.body.process.memoryMb.rss).toBeGreaterThan(10);
      expect(res.body.process.eventLoopDelayMs).toMatchObject({ p50: expect.any(Number), p99: expect.any(Number) });
      expect(res.body.dependencies.redis.latencyMs).toBeGreaterThanOrEqual(0);
    });
  });

  describe('with Redis pointed at a dead port', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    });
    afterAll(() => t.close());

    it('stays live', async () => {
      await request(t.app.getHttpServer()).get('/health/live').expect(200);
    });

    it('is not ready (503) and names Redis as the cause', async () => {
      const res = await request(t.app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Not ready: redis unavailable',
        requestId: expect.any(String),
        details: { redis: { status: 'down' } },
      });
    });

    it('reports itself degraded on /health', async () => {
      const res = await request(t.app.getHttpServer()).get('/health').expect(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.dependencies.redis.status).toBe('down');
    });
  });

  describe('without Redis configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('runs on memory stores and is ready', async () => {
      const health = await request(t.app.getHttpServer()).get('/health').expect(200);
      expect(health.body.modes.redis).toBe('memory');
      const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body.details.redis).toMatchObject({ status: 'up', mode: 'memory' });
    });
  });

  describe('with a ChatBet upstream configured', () => {
    let upstream: Server;
    let upstreamUrl: string;
    beforeAll(async () => {
      upstream = createServer((req, res) => {
        res.writeHead(req.url === '/sports' ? 200 : 404, { 'content-type': 'application/json' });
        res.end('[]');
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

    it('is ready while the upstream answers and says the mode is chatbet', async () => {
      const t = await createTestApp({ env: { CHATBET_API_BASE_URL: upstreamUrl } });
      try {
        const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
        expect(ready.body.details.chatbet).toMatchObject({ status: 'up', statusCode: 200 });
        const health = await request(t.app.getHttpServer()).get('/health').expect(200);
        expect(health.body.modes.sportsData).toBe('chatbet');
      } finally {
        await t.close();
      }
    });

    it('is not ready when the upstream cannot be reached', async () => {
      const t = await createTestApp({ env: { CHATBET_API_BASE_URL: `http://127.0.0.1:${await freePort()}` } });
      try {
        const res = await request(t.app.getHttpServer()).get('/health/ready').expect(503);
        expect(res.body.details.chatbet.status).toBe('down');
        await request(t.app.getHttpServer()).get('/health/live').expect(200);
      } finally {
        await t.close();
      }
    });
  });

  describe('with Gemini configured', () => {
    let gemini: FakeGeminiServer;
    const production = { ENVIRONMENT: 'production', SECRET_KEY: 'x'.repeat(40) };
    beforeAll(async () => {
      gemini = await FakeGeminiServer.start({ apiKey: 'test-key' });
    });
    afterEach(() => gemini.reset());
    afterAll(() => gemini.close());

    const withGemini = (env: Record<string, string> = {}) =>
      createTestApp({ env: { GOOGLE_API_KEY: 'test-key', GEMINI_BASE_URL: gemini.baseUrl, GEMINI_MODEL: undefined, ...env } });

    it('with only the API key set, checks the default model at start-up and shows it on /health, ready', async () => {
      const t = await withGemini(production);
      try {
        expect(gemini.modelLookups.map((l) => [l.model, l.status, l.headers['x-goog-api-key']])).toEqual([['gemini-3.8-flash', 200, 'test-key']]);
        const health = await request(t.app.getHttpServer()).get('/health').expect(200);
        expect(health.body).toMatchObject({
          status: 'ok',
          modes: { llm: 'gemini' },
          geminiModel: { model: 'gemini-3.8-flash', state: 'available', version: '001', checkedAt: expect.any(String) },
        });
        const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
        expect(ready.body.details.geminiModel).toMatchObject({ status: 'up', model: 'gemini-3.8-flash', state: 'available' });
      } finally {
        await t.close();
      }
    });

    it('in production, is not ready (503) while GEMINI_MODEL names a retired model, and says so on /health', async () => {
      const t = await withGemini({ ...production, GEMINI_MODEL: RETIRED_GEMINI_MODEL });
      try {
        const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(503);
        expect(ready.body).toMatchObject({
          message: 'Not ready: geminiModel unavailable',
          details: { geminiModel: { status: 'down', model: RETIRED_GEMINI_MODEL, state: 'not-found', detail: expect.stringContaining('404') } },
        });
        const health = await request(t.app.getHttpServer()).get('/health').expect(200);
        expect(health.body).toMatchObject({ status: 'degraded', geminiModel: { model: RETIRED_GEMINI_MODEL, state: 'not-found' } });
        await request(t.app.getHttpServer()).get('/health/live').expect(200);
      } finally {
        await t.close();
      }
    });

    it('outside production, stays ready with a retired model (turns fall back offline) but shows its state', async () => {
      const t = await withGemini({ GEMINI_MODEL: RETIRED_GEMINI_MODEL });
      try {
        const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
        expect(ready.body.details.geminiModel).toMatchObject({ status: 'up', state: 'not-found' });
      } finally {
        await t.close();
      }
    });

    it('reports a model it could not check as unverified, without failing readiness', async () => {
      const t = await createTestApp({ env: { ...production, GOOGLE_API_KEY: 'revoked-key', GEMINI_BASE_URL: gemini.baseUrl } });
      try {
        const health = await request(t.app.getHttpServer()).get('/health').expect(200);
        expect(health.body.geminiModel).toMatchObject({ state: 'unverified', detail: expect.stringContaining('HTTP 400') });
        await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      } finally {
        await t.close();
      }
    });

    it('shows no Gemini model without an API key', async () => {
      const t = await createTestApp();
      try {
        const health = await request(t.app.getHttpServer()).get('/health').expect(200);
        expect(health.body).not.toHaveProperty('geminiModel');
        expect(gemini.modelLookups).toEqual([]);
      } finally {
        await t.close();
      }
    });
  });
});
