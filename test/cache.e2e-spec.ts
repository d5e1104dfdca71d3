import { Injectable, Module } from '@nestjs/common';
import { RedisService } from '@app/redis';
import { createClient, type RedisClientType } from 'redis';
import request from 'supertest';
import { CacheProbeController } from './support/cache-probe.controller.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { DisposableRedis, waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const TTL_SECONDS = { tournaments: 86_400, fixtures: 14_400, odds: 30 } as const;

describe('Per-resource HTTP cache on Redis', () => {
  const prefix = uniquePrefix('cache');
  let t: TestApp;
  let redis: RedisClientType;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }, controllers: [CacheProbeController] });
    redis = createClient({ url: TEST_REDIS_URL }) as RedisClientType;
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
    await t.close();
  });

  it.each(Object.entries(TTL_SECONDS))('caches %s with its own TTL: MISS, then HIT, key PTTL = configured TTL', async (resource, ttl) => {
    const server = t.app.getHttpServer();
    const first = await request(server).get(`/test-cache/${resource}?team=barcelona`).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await request(server).get(`/test-cache/${resource}?team=barcelona`).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);

    // The write happens after the answer is sent; wait for it to land.
    const key = `${prefix}cache:raw:http:${resource}:/test-cache/${resource}?team=barcelona`;
    await waitFor(async () => (await redis.exists(key)) === 1, 2_000);
    const pttl = await redis.pTTL(key);
    expect(pttl).toBeLessThanOrEqual(ttl * 1000);
    expect(pttl).toBeGreaterThan(ttl * 1000 - 5_000);
  });

  it('normalises the key: the same query in another order is a HIT', async () => {
    const server = t.app.getHttpServer();
    const a = await request(server).get('/test-cache/fixtures?b=2&a=1').expect(200);
    expect(a.headers['x-cache']).toBe('MISS');
    await waitFor(async () => (await redis.exists(`${prefix}cache:raw:http:fixtures:/test-cache/fixtures?a=1&b=2`)) === 1, 2_000);
    const b = await request(server).get('/test-cache/fixtures?a=1&b=2').expect(200);
    expect(b.headers['x-cache']).toBe('HIT');
    expect(b.body.call).toBe(a.body.call);
  });

  it('does not cache a non-2xx answer', async () => {
    const server = t.app.getHttpServer();
    const probe = t.app.get(CacheProbeController);
    const before = probe.calls;
    await request(server).get('/test-cache/missing').expect(404);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await request(server).get('/test-cache/missing').expect(404);
    expect(again.headers['x-cache']).toBe('MISS');
    expect(probe.calls).toBe(before + 2);
    expect(await redis.exists(`${prefix}cache:raw:http:odds:/test-cache/missing`)).toBe(0);
  });

  it('leaves routes without @CacheResource alone', async () => {
    const res = await request(t.app.getHttpServer()).get('/test-cache/uncached').expect(200);
    expect(res.headers['x-cache']).toBeUndefined();
  });
});

describe('Per-resource HTTP cache when Redis goes away and comes back', () => {
  let redisServer: DisposableRedis;
  let t: TestApp;

  beforeAll(async () => {
    redisServer = await DisposableRedis.start();
    t = await createTestApp({ env: { REDIS_URL: redisServer.url }, controllers: [CacheProbeController] });
  });
  afterAll(async () => {
    await t.close();
    await redisServer.down();
  });

  it('serves 200 MISS while Redis is down, reports not ready, and uses Redis again once it is back', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/test-cache/odds?fixture=1').expect(200);
    await waitFor(async () => (await request(server).get('/test-cache/odds?fixture=1')).headers['x-cache'] === 'HIT', 2_000);

    await redisServer.down();
    await waitFor(async () => (await request(server).get('/health/ready')).status === 503, 5_000);
    const during = await request(server).get('/test-cache/odds?fixture=2').expect(200);
    expect(during.headers['x-cache']).toBe('MISS');
    const duringAgain = await request(server).get('/test-cache/odds?fixture=2').expect(200);
    expect(duringAgain.headers['x-cache']).toBe('MISS');
    expect(duringAgain.body.call).toBeGreaterThan(during.body.call);

    await redisServer.up();
    await waitFor(async () => (await request(server).get('/health/ready')).status === 200, 10_000, 100);
    await request(server).get('/test-cache/odds?fixture=3').expect(200);
    await waitFor(async () => (await request(server).get('/test-cache/odds?fixture=3')).headers['x-cache'] === 'HIT', 2_000);
  });
});

describe('Per-resource HTTP cache without Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ controllers: [CacheProbeController] });
  });
  afterAll(() => t.close());

  it('caches in memory: MISS then HIT', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/test-cache/tournaments').expect(200)).headers['x-cache']).toBe('MISS');
    await waitFor(async () => (await request(server).get('/test-cache/tournaments')).headers['x-cache'] === 'HIT', 2_000);
  });
});

describe('Shared Redis connection at shutdown', () => {
  it('stays usable in every shutdown hook (the cache store must not close it first)', async () => {
    const seen: string[] = [];

    @Injectable()
    class ShutdownProbe {
      constructor(private readonly redis: RedisService) {}
      async beforeApplicationShutdown(): Promise<void> {
        seen.push(`before:${await this.redis.raw.ping()}`);
      }
      async onApplicationShutdown(): Promise<void> {
        seen.push(`on:${await this.redis.raw.ping().catch((error: Error) => error.message)}`);
      }
    }
    @Module({ providers: [ShutdownProbe] })
    class ShutdownProbeModule {}

    const t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL }, imports: [ShutdownProbeModule] });
    await t.close();
    expect(seen).toContain('before:PONG');
  });
});
