import request from 'supertest';
import { connectChat, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Edges that answered 500, leaked or let guessing through (issue #12, point 5). */
describe('Security: edges answer 4xx and guessing passwords stops', () => {
  let t: TestApp;
  let base: string;
  let server: ReturnType<TestApp['app']['getHttpServer']>;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('sec-edges'),
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '12',
        LOGIN_LOCKOUT_SECONDS: '900',
      },
    });
    base = await listen(t);
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  const login = (body: unknown) => request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(JSON.stringify(body));

  it.each([
    [{ username: null, password: null }],
    [{ username: 'demo', password: null }],
    [{ username: null, password: 'demo1234' }],
    [{ user_id: null, user_key: null }],
    [{ user_id: '1', user_key: null }],
    [{ username: ['demo'], password: { a: 1 } }],
    [{ username: 'demo', password: 'demo1234', user_id: null }],
    [null],
  ])('answers login body %j with 400, never 500', async (body) => {
    const res = await login(body);
    expect(res.status).toBe(400);
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('locks an account after 5 wrong passwords: the 6th try and even the right password get 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) statuses.push((await login({ username: 'bob', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const right = await login({ username: 'bob', password: 'bob1234' });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The same name in another case is the same account.
    expect((await login({ username: 'BOB', password: 'nope' })).status).toBe(429);
  });

  it('limits failed logins per address across accounts, then refuses the right password of another account too', async () => {
    const statuses: number[] = [];
    for (const user of ['carol', 'dave', 'erin', 'frank']) {
      for (let i = 0; i < 3; i++) statuses.push((await login({ username: user, password: `wrong-${i}` })).status);
    }
    // 5 failures were already counted for this address by the test before (bob): 12 in all.
    expect(statuses.filter((status) => status === 401)).toHaveLength(7);
    expect((await login({ username: 'alice', password: 'alice1234' })).status).toBe(429);
  });

  it('answers feedback for a message id it never wrote (or for a question) with 404 MESSAGE_NOT_FOUND', async () => {
    const other = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('sec-feedback') } });
    try {
      const s = other.app.getHttpServer();
      for (const id of ['made_up_1', 'made_up_2', 'x'.repeat(64)]) {
        const res = await request(s).post('/api/v1/chat/feedback').send({ message_id: id, rating: 'not_helpful' });
        expect([res.status, res.body.code]).toEqual([404, 'MESSAGE_NOT_FOUND']);
      }
      const answer = await request(s).post('/api/v1/chat/message').send({ message: 'Hello!', user_id: 'rater' }).expect(200);
      await request(s).post('/api/v1/chat/feedback').send({ message_id: answer.body.message_id, rating: 'helpful' }).expect(201);
      // The question's id is not an answer.
      await request(s).post('/api/v1/chat/feedback').send({ message_id: answer.body.reply_to, rating: 'helpful' }).expect(404);
    } finally {
      await other.close();
    }
  });

  it('answers a Socket.IO message over 16 KB with MESSAGE_TOO_LONG on the same, still open connection', async () => {
    const client = await connectChat(base, { user_id: 'big_sender' });
    try {
      const ack = (await client.socket.timeout(5_000).emitWithAck('user_message', { content: 'x'.repeat(20_000), message_id: 'big-1' })) as { status: string; error_code?: string };
      expect(ack).toEqual({ message_id: 'big-1', status: 'rejected', error_code: 'MESSAGE_TOO_LONG' });
      const error = await client.log.next((e) => e.name === 'error');
      expect(error.payload).toMatchObject({ error_code: 'MESSAGE_TOO_LONG', data: { max_bytes: 16_384 } });
      expect(client.log.named('disconnect')).toEqual([]);
      expect(client.socket.connected).toBe(true);
      const next = (await client.socket.timeout(5_000).emitWithAck('user_message', { content: 'Hello!', message_id: 'small-1' })) as { status: string };
      expect(next.status).toBe('accepted');
      await client.log.turnEnd('small-1');
    } finally {
      client.socket.close();
    }
  });
});
