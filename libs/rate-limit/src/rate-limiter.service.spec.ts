import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { rateLimitConfig, redisConfig } from '@app/config';
import { RedisModule } from '@app/redis';
import { randomBytes } from 'node:crypto';
import { RateLimitModule } from './rate-limit.module.js';
import { RateLimiterService } from './rate-limiter.service.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A limiter in its own module graph, with Redis at `url` or none. */
async function limiterWith(url: string | undefined, prefix = `test:ratelimit:${randomBytes(4).toString('hex')}:`): Promise<TestingModule> {
  const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_HOST: process.env.REDIS_HOST, REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX };
  Object.assign(process.env, { REDIS_KEY_PREFIX: prefix });
  if (url) process.env.REDIS_URL = url;
  else delete process.env.REDIS_URL;
  delete process.env.REDIS_HOST;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [redisConfig, rateLimitConfig], ignoreEnvFile: true }), RedisModule, RateLimitModule],
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

describe('RateLimiterService', () => {
  describe('in memory', () => {
    let moduleRef: TestingModule;
    let limiter: RateLimiterService;

    beforeAll(async () => {
      moduleRef = await limiterWith(undefined);
      limiter = moduleRef.get(RateLimiterService);
    });
    afterAll(() => moduleRef.close());

    it('allows `limit` uses in a window, then refuses until the window ends', async () => {
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limiter.consume('user:a', 3, 60_000));
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
      ]);
      expect(decisions[3].retryAfterMs).toBeGreaterThan(0);
      expect(decisions[3].retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(decisions[0].retryAfterMs).toBe(0);
    });

    it('counts each key on its own', async () => {
      await limiter.consume('user:b', 1, 60_000);
      expect((await limiter.consume('user:b', 1, 60_000)).allowed).toBe(false);
      expect((await limiter.consume('user:c', 1, 60_000)).allowed).toBe(true);
    });

    it('starts again in the next window', async () => {
      const windowMs = 200;
      await sleep(windowMs - (Date.now() % windowMs) + 5);
      expect((await limiter.consume('user:d', 1, windowMs)).allowed).toBe(true);
      expect((await limiter.consume('user:d', 1, windowMs)).allowed).toBe(false);
      await sleep(windowMs - (Date.now() % windowMs) + 5);
      expect((await limiter.consume('user:d', 1, windowMs)).allowed).toBe(true);
    });
  });

  describe('on Redis', () => {
    const prefix = `test:ratelimit:${randomBytes(4).toString('hex')}:`;
    let first: TestingModule;
    let second: TestingModule;

    beforeAll(async () => {
      first = await limiterWith(REDIS_URL, prefix);
      second = await limiterWith(REDIS_URL, prefix);
    });
    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it('shares one count between instances', async () => {
      const a = first.get(RateLimiterService);
      const b = second.get(RateLimiterService);
      expect((await a.consume('session:x', 2, 60_000)).allowed).toBe(true);
      expect((await b.consume('session:x', 2, 60_000)).allowed).toBe(true);
      const third = await a.consume('session:x', 2, 60_000);
      expect(third).toMatchObject({ allowed: false, remaining: 0 });
    });
  });
});
