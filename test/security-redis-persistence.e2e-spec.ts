import request from 'supertest';
import { createClient } from 'redis';
import { DisposableRedis } from './support/redis-server.js';
import { uniquePrefix } from './support/env.js';
import { sampleSum } from './support/prometheus-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Limits and self-exclusion must survive a Redis restart (issue #12, point 8). */
const OPS_TOKEN = 'ops-token-for-the-scraper-0123456789abcdef';
const PRODUCTION = { ENVIRONMENT: 'production', SECRET_KEY: 'redis-persistence-secret-0123456789abcdef', OPS_TOKEN };

describe('Security: production is not ready on a Redis that forgets', () => {
  let redis: DisposableRedis;

  beforeAll(async () => {
    // Started with --save "" --appendonly no: nothing survives its restart.
    redis = await DisposableRedis.start();
  });
  afterAll(() => redis.down());

  async function withApp(env: Record<string, string>, check: (t: TestApp) => Promise<void>): Promise<void> {
    const t = await createTestApp({ env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('sec-persist'), ...env } });
    try {
      await check(t);
    } finally {
      await t.close();
    }
  }

  const persistenceGauge = async (t: TestApp) =>
    sampleSum((await request(t.app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${OPS_TOKEN}`).expect(200)).text, 'chatbet_redis_persistence');

  it('answers /health/ready 503 naming the missing persistence, and reports it as a metric', async () => {
    await withApp(PRODUCTION, async (t) => {
      const res = await request(t.app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.details.redis_persistence).toMatchObject({ status: 'down', aof: false, snapshots: false, message: expect.stringContaining('REDIS_ALLOW_NO_PERSISTENCE') });
      expect(await persistenceGauge(t)).toBe(0);
      // Liveness is not affected: the process is fine, it just must not take traffic.
      await request(t.app.getHttpServer()).get('/health/live').expect(200);
    });
  });

  it('is ready when REDIS_ALLOW_NO_PERSISTENCE=true says it is meant to be', async () => {
    await withApp({ ...PRODUCTION, REDIS_ALLOW_NO_PERSISTENCE: 'true' }, async (t) => {
      const res = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      expect(res.body.details.redis_persistence).toBeUndefined();
    });
  });

  it('is ready once Redis writes an append-only file', async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      await admin.configSet('appendonly', 'yes');
      await withApp(PRODUCTION, async (t) => {
        const res = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
        expect(res.body.details.redis_persistence).toMatchObject({ status: 'up', aof: true });
        expect(await persistenceGauge(t)).toBe(1);
      });
    } finally {
      await admin.configSet('appendonly', 'no');
      await admin.close();
    }
  });

  it('does not check outside production', async () => {
    await withApp({ ENVIRONMENT: 'development' }, async (t) => {
      await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    });
  });
});
