import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { freePort } from './support/redis-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

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
});
