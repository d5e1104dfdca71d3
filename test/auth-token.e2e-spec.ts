import request from 'supertest';
import { chatWs, connectChat, connectWs, listen, refusalOf } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { nowSeconds, signHs256, unsignedToken } from './support/jwt.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'auth-token-test-secret-0123456789abcdefgh';

describe('Access tokens', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('auth'), SECRET_KEY: SECRET, ACCESS_TOKEN_EXPIRE_MINUTES: '15' } });
    base = await listen(t);
  });
  afterAll(() => t.close());

  it('POST /api/v1/auth/generate_token issues an anonymous bearer token', async () => {
    const res = await request(t.app.getHttpServer()).post('/api/v1/auth/generate_token').expect(200);
    expect(res.body).toEqual({ token: expect.any(String), token_type: 'bearer', expires_in: 900, user_id: expect.stringMatching(/^anon_/) });
    const [header, claims] = res.body.token.split('.').slice(0, 2).map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(claims).toMatchObject({ sub: res.body.user_id, anon: true });
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('accepts a generated token on both transports; its anonymous subject owns the session', async () => {
    const { body } = await request(t.app.getHttpServer()).post('/api/v1/auth/generate_token').expect(200);
    const socketIo = await connectChat(base, { token: body.token });
    expect(socketIo.status).toMatchObject({ user_id: body.user_id, authenticated: false });
    socketIo.socket.close();
    const ws = await connectWs(`${base.replace('http', 'ws')}/ws/chat?token=${body.token}`);
    expect(ws.log.named('session_created')[0].payload.user_id).toBe(body.user_id);
    ws.ws.close();
  });

  const exp = () => nowSeconds() + 600;
  const bad: Array<[string, () => string, string]> = [
    ['forged (another secret)', () => signHs256({ sub: 'user_1', exp: exp() }, 'not-the-server-secret-0123456789abcdef'), 'invalid'],
    ['unsigned (alg none)', () => unsignedToken({ sub: 'user_1', exp: exp() }), 'invalid'],
    ['expired', () => signHs256({ sub: 'user_1', exp: nowSeconds() - 1 }, SECRET), 'expired'],
    ['malformed', () => 'definitely.not-a-token', 'malformed'],
    ['garbage', () => '%%%', 'malformed'],
    ['without a subject', () => signHs256({ exp: exp() }, SECRET), 'invalid'],
  ];

  it.each(bad)('refuses a %s token on Socket.IO', async (_label, token, reason) => {
    expect(await refusalOf(base, { token: token() })).toMatchObject({ error_code: 'INVALID_TOKEN', reason });
  });

  it.each(bad)('refuses a %s token on the plain WebSocket (error, then close 4401)', async (_label, token, reason) => {
    const client = chatWs(`${base.replace('http', 'ws')}/ws/chat?token=${encodeURIComponent(token())}`);
    const error = await client.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: 'INVALID_TOKEN', data: { reason } });
    expect((await client.closed).code).toBe(4401);
    expect(client.log.named('session_created')).toEqual([]);
  });

  it('takes a verified user from a non-anonymous token over any claimed user_id', async () => {
    const token = signHs256({ sub: 'user_77', exp: exp() }, SECRET);
    const client = await connectChat(base, { token, user_id: 'pretender' });
    expect(client.status).toMatchObject({ user_id: 'user_77', authenticated: true });
    client.socket.close();
  });
});
