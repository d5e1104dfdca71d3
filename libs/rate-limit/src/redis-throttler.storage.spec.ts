import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { redisConfig } from '@app/config';
import { RedisModule, RedisService } from '@app/redis';
import { randomBytes } from 'node:crypto';
import { MemoryThrottlerStorage } from './memory-throttler.storage.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The storage in its own module graph, with Redis at `url` or none. */
async function storageWith(url: string | undefined, prefix = `test:throttle:${randomBytes(4).toString('hex')}:`): Promise<TestingModule> {
  const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_HOST: process.env.REDIS_HOST, REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX };
  process.env.REDIS_KEY_PREFIX = prefix;
  if (url) process.env.REDIS_URL = url;
  else delete process.env.REDIS_URL;
  delete process.env.REDIS_HOST;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [redisConfig], ignoreEnvFile: true }), RedisModule],
      providers: [MemoryThrottlerStorage, RedisThrottlerStorage],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisThrottlerStorage', () => {
  describe('on Redis', () => {
    const prefix = `test:throttle:${randomBytes(4).toString('hex')}:`;
    let first: TestingModule;
    let second: TestingModule;
    let a: RedisThrottlerStorage;
    let b: RedisThrottlerStorage;

    beforeAll(async () => {
      first = await storageWith(REDIS_URL, prefix);
      second = await storageWith(REDIS_URL, prefix);
      a = first.get(RedisThrottlerStorage);
      b = second.get(RedisThrottlerStorage);
    });
    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it('counts hits in the window, then blocks for the block duration with the seconds left', async () => {
      const records = [];
      for (let i = 0; i < 4; i++) records.push(await a.increment('ip:1', 60_000, 3, 30_000, 'default'));
      expect(records.map((r) => [r.totalHits, r.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
      expect(records[0].timeToExpire).toBe(60);
      expect(records[0].timeToBlockExpire).toBe(0);
      expect(records[3].timeToBlockExpire).toBe(30);
      // While blocked, further hits are refused without being counted.
      const blocked = await a.increment('ip:1', 60_000, 3, 30_000, 'default');
      expect(blocked).toMatchObject({ isBlocked: true, totalHits: 4 });
      expect(blocked.timeToBlockExpire).toBeGreaterThan(0);
      expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(30);
    });

    it('counts hits arriving together (one script call) as if they had come one by one', async () => {
      const records = await Promise.all(Array.from({ length: 6 }, () => a.increment('ip:together', 60_000, 3, 30_000, 'default')));
      expect(records.map((r) => [r.totalHits, r.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
        [4, true],
        [4, true],
      ]);
      expect(records[0].timeToExpire).toBe(60);
      expect(records.slice(3).map((r) => r.timeToBlockExpire)).toEqual([30, 30, 30]);
      // The block holds afterwards, as after hits counted one by one.
      expect(await a.increment('ip:together', 60_000, 3, 30_000, 'default')).toMatchObject({ isBlocked: true, totalHits: 4 });
      // Without a block duration, the hits over the limit are refused for the rest of the window.
      const unblocked = await Promise.all(Array.from({ length: 3 }, () => a.increment('ip:no-block', 60_000, 2, 0, 'default')));
      expect(unblocked.map((r) => [r.totalHits, r.isBlocked, r.timeToBlockExpire])).toEqual([
        [1, false, 0],
        [2, false, 0],
        [3, true, 60],
      ]);
    });

    it('shares one count between instances, and keeps throttlers and keys apart', async () => {
      expect((await a.increment('session:x', 60_000, 2, 60_000, 'chat')).isBlocked).toBe(false);
      expect((await b.increment('session:x', 60_000, 2, 60_000, 'chat')).isBlocked).toBe(false);
      expect((await b.increment('session:x', 60_000, 2, 60_000, 'default')).isBlocked).toBe(false);
      expect((await a.increment('session:y', 60_000, 2, 60_000, 'chat')).isBlocked).toBe(false);
      expect(await a.increment('session:x', 60_000, 2, 60_000, 'chat')).toMatchObject({ isBlocked: true, totalHits: 3 });
    });

    it('is atomic: of 50 concurrent hits from two instances with a limit of 10, exactly 10 pass', async () => {
      const hits = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).increment('ip:burst', 60_000, 10, 60_000, 'default')));
      expect(hits.filter((r) => !r.isBlocked)).toHaveLength(10);
    });

    it('starts counting afresh when the block is over', async () => {
      await a.increment('ip:short', 300, 1, 300, 'default');
      expect((await a.increment('ip:short', 300, 1, 300, 'default')).isBlocked).toBe(true);
      await sleep(350);
      expect(await a.increment('ip:short', 300, 1, 300, 'default')).toMatchObject({ isBlocked: false, totalHits: 1 });
    });

    it('writes its keys under the configured prefix and lets them expire', async () => {
      const redis = first.get(RedisService);
      await a.increment('ip:keys', 5_000, 5, 5_000, 'default');
      const keys = await redis.raw.keys(`${prefix}throttle:*ip:keys*`);
      expect(keys).toHaveLength(1);
      const ttl = await redis.raw.pTTL(keys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5_000);
    });
  });

  describe('without Redis', () => {
    let moduleRef: TestingModule;

    beforeAll(async () => {
      moduleRef = await storageWith(undefined);
    });
    afterAll(() => moduleRef.close());

    it('counts in memory with the same answers as the Redis script', async () => {
      const storage = moduleRef.get(RedisThrottlerStorage);
      const records = [];
      for (let i = 0; i < 5; i++) records.push(await storage.increment('ip:m', 60_000, 3, 30_000, 'default'));
      expect(records.map((r) => [r.totalHits, r.isBlocked, r.timeToBlockExpire])).toEqual([
        [1, false, 0],
        [2, false, 0],
        [3, false, 0],
        [4, true, 30],
        [4, true, 30],
      ]);
      expect(records[0].timeToExpire).toBe(60);
      expect((await storage.increment('ip:m', 60_000, 3, 30_000, 'chat')).isBlocked).toBe(false);
    });

    it('starts counting afresh in memory when the block is over', async () => {
      const memory = moduleRef.get(MemoryThrottlerStorage);
      await memory.increment('ip:short', 300, 1, 300, 'default');
      expect((await memory.increment('ip:short', 300, 1, 300, 'default')).isBlocked).toBe(true);
      await sleep(350);
      expect(await memory.increment('ip:short', 300, 1, 300, 'default')).toMatchObject({ isBlocked: false, totalHits: 1 });
    });
  });

  describe('when the configured Redis cannot be reached', () => {
    let moduleRef: TestingModule;

    beforeAll(async () => {
      moduleRef = await storageWith('redis://127.0.0.1:1');
    });
    afterAll(() => moduleRef.close());

    it('falls back to counting in memory instead of failing the request', async () => {
      const storage = moduleRef.get(RedisThrottlerStorage);
      expect((await storage.increment('ip:down', 60_000, 1, 60_000, 'default')).isBlocked).toBe(false);
      expect((await storage.increment('ip:down', 60_000, 1, 60_000, 'default')).isBlocked).toBe(true);
    });
  });
});
