import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { authConfig, redisConfig } from '@app/config';
import { RedisModule } from '@app/redis';
import { randomUUID } from 'node:crypto';
import { UnknownMessageError } from './chat.errors.js';
import { FeedbackService } from './feedback.service.js';

const DAY_MS = 24 * 3600 * 1000;

/** The service alone, without Redis, signing with `secret`. */
async function serviceWith(secret: string): Promise<TestingModule> {
  const saved = { SECRET_KEY: process.env.SECRET_KEY, REDIS_URL: process.env.REDIS_URL, REDIS_HOST: process.env.REDIS_HOST };
  process.env.SECRET_KEY = secret;
  delete process.env.REDIS_URL;
  delete process.env.REDIS_HOST;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [authConfig, redisConfig], ignoreEnvFile: true }), RedisModule],
      providers: [FeedbackService],
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

describe('FeedbackService answer ids', () => {
  let first: TestingModule;
  let other: TestingModule;
  let feedback: FeedbackService;

  beforeAll(async () => {
    first = await serviceWith('feedback-spec-secret-0123456789abcdef-one');
    other = await serviceWith('feedback-spec-secret-0123456789abcdef-two');
    feedback = first.get(FeedbackService);
  });
  afterAll(async () => {
    await first.close();
    await other.close();
  });

  it('makes version 8 UUIDs, each different, that it accepts as rateable', () => {
    const ids = Array.from({ length: 50 }, () => feedback.newAnswerId());
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(feedback.isRateable(id)).toBe(true);
    }
  });

  it('refuses ids it did not make: random UUIDs, altered ids, ids made with another SECRET_KEY', () => {
    const id = feedback.newAnswerId();
    expect(feedback.isRateable(randomUUID())).toBe(false);
    const altered = id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
    expect(feedback.isRateable(altered)).toBe(false);
    const otherSecond = `${(parseInt(id.slice(0, 8), 16) + 1).toString(16).padStart(8, '0')}${id.slice(8)}`;
    expect(feedback.isRateable(otherSecond)).toBe(false);
    expect(other.get(FeedbackService).isRateable(id)).toBe(false);
    expect(feedback.isRateable('made_up_1')).toBe(false);
  });

  it('accepts an answer for a week after it was made, not later', () => {
    const now = Date.now();
    const id = feedback.newAnswerId(now);
    expect(feedback.isRateable(id, now + 7 * DAY_MS - 60_000)).toBe(true);
    expect(feedback.isRateable(id, now + 7 * DAY_MS + 60_000)).toBe(false);
  });

  it('records a rating of its own answer and answers an unknown id with UnknownMessageError', async () => {
    const messageId = feedback.newAnswerId();
    await feedback.record({ messageId, rating: 'helpful', at: new Date().toISOString() });
    expect(await feedback.get(messageId)).toMatchObject({ rating: 'helpful' });
    await expect(feedback.record({ messageId: randomUUID(), rating: 'helpful', at: new Date().toISOString() })).rejects.toBeInstanceOf(UnknownMessageError);
  });
});
