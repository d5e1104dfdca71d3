import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { rateLimitConfig, redisConfig } from '@app/config';
import { RateLimitModule } from '@app/rate-limit';
import { RedisModule, RedisService } from '@app/redis';
import { randomBytes } from 'node:crypto';
import { ClaimStore } from './claim.store.js';
import { SessionRegistry } from './session-registry.js';
import { type AdmissionRequest, TurnAdmission } from './turn-admission.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** TurnAdmission in its own module graph, with Redis at `url` or none. */
async function admissionWith(url: string | undefined, prefix: string): Promise<TestingModule> {
  const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_HOST: process.env.REDIS_HOST, REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX };
  process.env.REDIS_KEY_PREFIX = prefix;
  if (url) process.env.REDIS_URL = url;
  else delete process.env.REDIS_URL;
  delete process.env.REDIS_HOST;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [redisConfig, rateLimitConfig], ignoreEnvFile: true }), RedisModule, RateLimitModule],
      providers: [ClaimStore, TurnAdmission],
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

function request(messageId: string, text: string, limit = 10): AdmissionRequest {
  return {
    idClaim: { name: `message:${messageId}`, ttlMs: 60_000, holder: 'instance-a' },
    contentClaim: { name: `content:${text}`, ttlMs: 2_000 },
    rate: { key: `chat-turns:{s1}`, limit, windowMs: 60_000 },
  };
}

describe.each([
  ['on Redis', REDIS_URL],
  ['without Redis', undefined],
])('TurnAdmission %s', (_label, url) => {
  const prefix = `test:admission:${randomBytes(4).toString('hex')}:`;
  let moduleRef: TestingModule;
  let admission: TurnAdmission;
  let claims: ClaimStore;
  const sessions = new SessionRegistry(60_000);

  beforeAll(async () => {
    moduleRef = await admissionWith(url, prefix);
    admission = moduleRef.get(TurnAdmission);
    claims = moduleRef.get(ClaimStore);
  });
  afterAll(async () => {
    const redis = moduleRef.get(RedisService);
    if (redis.isReady) {
      const keys = await redis.raw.keys(`${prefix}*`);
      if (keys.length > 0) await redis.raw.del(keys);
    }
    await moduleRef.close();
  });

  it('admits a new message and refuses its id a second time, recording who claimed it', async () => {
    const session = sessions.open(`a-${randomBytes(3).toString('hex')}`);
    expect(await admission.admit(session, request('m1', 'hello'))).toEqual({ status: 'admitted' });
    expect(await admission.admit(session, request('m1', 'other text'))).toEqual({ status: 'duplicate-id' });
    if (url) expect(await claims.holderOf(session, 'message:m1')).toBe('instance-a');
  });

  it('refuses the same text sent twice at once, freeing the second id for a later resend', async () => {
    const session = sessions.open(`b-${randomBytes(3).toString('hex')}`);
    expect(await admission.admit(session, request('m1', 'same'))).toEqual({ status: 'admitted' });
    expect(await admission.admit(session, request('m2', 'same'))).toEqual({ status: 'duplicate-content' });
    expect(await admission.admit(session, request('m2', 'different'))).toEqual({ status: 'admitted' });
  });

  it('refuses turns over the limit with the time left, withdrawing both claims', async () => {
    const session = sessions.open(`c-${randomBytes(3).toString('hex')}`);
    const key = `chat-turns:{${session.sessionId}}`;
    const limited = (id: string, text: string) => ({ ...request(id, text, 2), rate: { key, limit: 2, windowMs: 60_000 } });
    expect((await admission.admit(session, limited('m1', 'one'))).status).toBe('admitted');
    expect((await admission.admit(session, limited('m2', 'two'))).status).toBe('admitted');
    const refused = await admission.admit(session, limited('m3', 'three'));
    expect(refused).toMatchObject({ status: 'limited', decision: { allowed: false, remaining: 0 } });
    if (refused.status === 'limited') expect(refused.decision.retryAfterMs).toBeGreaterThan(0);
    // Neither claim is left behind: the id and the text are free (the counter is still over the limit).
    expect((await admission.admit(session, { ...limited('m3', 'three'), rate: { key: `${key}:other`, limit: 2, windowMs: 60_000 } })).status).toBe('admitted');
  });

  it('skips the id claim once it has been taken over, and still applies the other checks', async () => {
    const session = sessions.open(`d-${randomBytes(3).toString('hex')}`);
    expect((await admission.admit(session, request('m1', 'first'))).status).toBe('admitted');
    const skip = { ...request('m1', 'first'), idClaim: { ...request('m1', 'first').idClaim, skip: true } };
    expect(await admission.admit(session, skip)).toEqual({ status: 'duplicate-content' });
    expect(await admission.admit(session, { ...skip, contentClaim: { name: 'content:again', ttlMs: 2_000 } })).toEqual({ status: 'admitted' });
  });
});
