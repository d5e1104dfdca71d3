import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { authConfig } from '@app/config';
import { createHmac } from 'node:crypto';
import { InvalidTokenError } from './auth.errors.js';
import { AuthModule } from './auth.module.js';
import { TokenService } from './token.service.js';

const SECRET = 'token-service-spec-secret-0123456789abcdef';
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(header: Record<string, unknown>, claims: Record<string, unknown>, secret = SECRET): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('TokenService', () => {
  let moduleRef: TestingModule;
  let tokens: TokenService;
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    const saved = process.env.SECRET_KEY;
    process.env.SECRET_KEY = SECRET;
    try {
      moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot({ isGlobal: true, load: [authConfig], ignoreEnvFile: true }), AuthModule],
      }).compile();
    } finally {
      if (saved === undefined) delete process.env.SECRET_KEY;
      else process.env.SECRET_KEY = saved;
    }
    tokens = moduleRef.get(TokenService);
  });
  afterAll(() => moduleRef.close());

  async function rejection(value: string): Promise<InvalidTokenError> {
    try {
      await tokens.verify(value);
    } catch (error) {
      if (error instanceof InvalidTokenError) return error;
      throw error;
    }
    throw new Error('the token was accepted');
  }

  it('issues anonymous tokens that verify to a fresh anonymous subject', async () => {
    const issued = await tokens.issueAnonymous();
    expect(issued.expires_in).toBe(3600);
    expect(issued.user_id).toMatch(/^anon_[A-Za-z0-9_-]{16}$/);
    const verified = await tokens.verify(issued.token);
    expect(verified).toEqual({ sub: issued.user_id, anon: true, exp: expect.any(Number) });
    expect(verified.exp - Date.now() / 1000).toBeGreaterThan(3500);
    expect((await tokens.issueAnonymous()).user_id).not.toBe(issued.user_id);
  });

  it('issues user tokens that verify to that user, not anonymous', async () => {
    const issued = await tokens.issueForUser('acct_demo');
    expect(issued).toEqual({ token: expect.any(String), expires_in: 3600, user_id: 'acct_demo' });
    expect(await tokens.verify(issued.token)).toEqual({ sub: 'acct_demo', anon: false, exp: expect.any(Number) });
  });

  it('accepts an HS256 token signed with the secret', async () => {
    expect(await tokens.verify(token({ alg: 'HS256', typ: 'JWT' }, { sub: 'user_42', exp: inAnHour() }))).toEqual({ sub: 'user_42', anon: false, exp: expect.any(Number) });
  });

  it('rejects forged, unsigned, other-algorithm, expired, malformed and claim-less tokens', async () => {
    expect((await rejection(token({ alg: 'HS256' }, { sub: 'user_42', exp: inAnHour() }, 'another-secret'))).reason).toBe('invalid');
    expect((await rejection(`${encode({ alg: 'none' })}.${encode({ sub: 'user_42', exp: inAnHour() })}.`)).reason).toBe('invalid');
    expect((await rejection(token({ alg: 'HS512' }, { sub: 'user_42', exp: inAnHour() }))).reason).toBe('invalid');
    expect((await rejection(token({ alg: 'HS256' }, { sub: 'user_42', exp: Math.floor(Date.now() / 1000) - 5 }))).reason).toBe('expired');
    expect((await rejection(token({ alg: 'HS256' }, { sub: 'user_42' }))).reason).toBe('invalid');
    for (const malformed of ['', 'abc', 'a.b', 'a.b.c.d', 'x'.repeat(5000)]) {
      expect((await rejection(malformed)).reason).toBe('malformed');
    }
    const error = await rejection('abc');
    expect(error).toMatchObject({ httpStatus: 401, code: 'INVALID_TOKEN' });
  });
});
