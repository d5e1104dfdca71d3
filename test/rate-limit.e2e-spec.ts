import type { Server } from 'node:http';
import request from 'supertest';
import { connectChat, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The value of `chatbet_rate_limited_total{scope}` in a Prometheus scrape (0 when absent). */
async function rateLimitedCount(server: Server, scope: string): Promise<number> {
  const res = await request(server).get('/metrics').expect(200);
  const line = res.text.split('\n').find((l) => l.startsWith(`chatbet_rate_limited_total{scope="${scope}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

function expectRateLimited(res: request.Response, scope: 'http' | 'chat', limit: number, windowSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    message: expect.stringMatching(/^Too many (requests|chat messages): at most \d+ per \d+ s\. Try again in \d+ s$/),
    requestId: res.headers['x-request-id'],
    code: 'RATE_LIMITED',
    scope,
    limit,
    windowSeconds,
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe('REST rate limit per client address', () => {
  let t: TestApp;
  let server: Server;

  beforeAll(async () => {
    // The tests stand in for a proxy on loopback: X-Forwarded-For names the client.
    t = await createTestApp({ env: { RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW: '60', TRUSTED_PROXIES: '127.0.0.1,::1' } });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('lets RATE_LIMIT_REQUESTS requests through per window, counting down in X-RateLimit headers, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const ip = '203.0.113.10';
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/api/v1/sports').set('X-Forwarded-For', ip).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBe('5');
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const before = await rateLimitedCount(server, 'http');
    expectRateLimited(await request(server).get('/api/v1/sports').set('X-Forwarded-For', ip), 'http', 5, 60);
    // One count per client across routes, whatever the method.
    expectRateLimited(await request(server).post('/api/v1/matches/batch').set('X-Forwarded-For', ip).send({ match_ids: ['1'] }), 'http', 5, 60);
    expectRateLimited(await request(server).post('/api/v1/chat/message').set('X-Forwarded-For', ip).send({ message: 'hi' }), 'http', 5, 60);
    expect(await rateLimitedCount(server, 'http')).toBe(before + 3);
  });

  it('counts each client address on its own', async () => {
    for (let i = 0; i < 6; i++) await request(server).get('/api/v1/chat/intents').set('X-Forwarded-For', '203.0.113.20');
    expect((await request(server).get('/api/v1/chat/intents').set('X-Forwarded-For', '203.0.113.20')).status).toBe(429);
    await request(server).get('/api/v1/chat/intents').set('X-Forwarded-For', '203.0.113.21').expect(200);
  });

  it('never limits health probes and metrics scrapes', async () => {
    const ip = '203.0.113.30';
    for (let i = 0; i < 6; i++) await request(server).get('/api/v1/sports').set('X-Forwarded-For', ip);
    expect((await request(server).get('/api/v1/sports').set('X-Forwarded-For', ip)).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      for (const path of ['/health', '/health/live', '/health/ready', '/metrics']) {
        const res = await request(server).get(path).set('X-Forwarded-For', ip);
        expect(res.status).toBe(200);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    }
  });

  it('leaves socket events to their own limits', async () => {
    const baseUrl = await listen(t);
    // 127.0.0.1 is over the REST limit after this…
    for (let i = 0; i < 6; i++) await request(server).get('/api/v1/sports');
    expect((await request(server).get('/api/v1/sports')).status).toBe(429);
    // …but its live chat still works.
    const client = await connectChat(baseUrl, { session_id: 'rl_socket_1', user_id: 'rl_user' });
    try {
      const ack = (await client.socket.timeout(5_000).emitWithAck('user_message', { content: 'hello', message_id: 'rl-m1' })) as { status: string };
      expect(ack.status).toBe('accepted');
      await client.log.turnEnd('rl-m1');
      expect(client.log.named('bot_response')).toHaveLength(1);
    } finally {
      client.socket.close();
    }
  });
});

describe('REST rate limit shared by instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('rate-limit'), RATE_LIMIT_REQUESTS: '4', RATE_LIMIT_WINDOW: '60', TRUSTED_PROXIES: '127.0.0.1,::1' };
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts a client once however its requests are spread over the instances', async () => {
    const ip = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const instance = i % 2 === 0 ? a : b;
      statuses.push((await request(instance.app.getHttpServer()).get('/api/v1/sports').set('X-Forwarded-For', ip)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // The block is shared too, and another client is not affected.
    expectRateLimited(await request(a.app.getHttpServer()).get('/api/v1/sports/tournaments').set('X-Forwarded-For', ip), 'http', 4, 60);
    await request(b.app.getHttpServer()).get('/api/v1/sports').set('X-Forwarded-For', '198.51.100.8').expect(200);
  });
});

describe('Chat turn limit per user, session or address', () => {
  let t: TestApp;
  let server: Server;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chat-limit'), CHAT_RATE_LIMIT_PER_MINUTE: '2', TRUSTED_PROXIES: '127.0.0.1,::1' } });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('allows CHAT_RATE_LIMIT_PER_MINUTE turns per session over /message and /stream together, then 429 with scope chat', async () => {
    const first = await request(server).post('/api/v1/chat/message').send({ message: 'hello', session_id: 'rl_chat_a', user_id: 'rl_user' }).expect(200);
    expect(first.headers['x-ratelimit-limit-chat']).toBe('2');
    expect(first.headers['x-ratelimit-remaining-chat']).toBe('1');
    const streamed = await request(server).post('/api/v1/chat/stream').send({ message: 'hello again', session_id: 'rl_chat_a', user_id: 'rl_user' }).expect(200);
    expect(streamed.text).toContain('event: done');

    const before = await rateLimitedCount(server, 'chat');
    expectRateLimited(await request(server).post('/api/v1/chat/message').send({ message: 'and again', session_id: 'rl_chat_a', user_id: 'rl_user' }), 'chat', 2, 60);
    // The stream route answers the refusal as a plain 429, before any event is written.
    const refusedStream = await request(server).post('/api/v1/chat/stream').send({ message: 'and again', session_id: 'rl_chat_a', user_id: 'rl_user' });
    expectRateLimited(refusedStream, 'chat', 2, 60);
    expect(refusedStream.headers['content-type']).toMatch(/application\/json/);
    expect(await rateLimitedCount(server, 'chat')).toBe(before + 2);

    // Another session, and the session's other routes, are not affected.
    await request(server).post('/api/v1/chat/message').send({ message: 'hello', session_id: 'rl_chat_b', user_id: 'rl_user' }).expect(200);
    await request(server).get('/api/v1/chat/history/rl_chat_a?user_id=rl_user').expect(200);
  });

  it('counts turns of all the sessions of one token holder together', async () => {
    const { token } = (await request(server).post('/api/v1/auth/generate_token').expect(200)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    await request(server).post('/api/v1/chat/message').set(auth).send({ message: 'hello', session_id: 'rl_tok_1' }).expect(200);
    await request(server).post('/api/v1/chat/message').set(auth).send({ message: 'hello', session_id: 'rl_tok_2' }).expect(200);
    expectRateLimited(await request(server).post('/api/v1/chat/message').set(auth).send({ message: 'hello', session_id: 'rl_tok_3' }), 'chat', 2, 60);
  });

  it('counts turns without a session by client address', async () => {
    const ip = '192.0.2.44';
    await request(server).post('/api/v1/chat/message').set('X-Forwarded-For', ip).send({ message: 'hello' }).expect(200);
    await request(server).post('/api/v1/chat/message').set('X-Forwarded-For', ip).send({ message: 'hi' }).expect(200);
    expectRateLimited(await request(server).post('/api/v1/chat/message').set('X-Forwarded-For', ip).send({ message: 'hey' }), 'chat', 2, 60);
    await request(server).post('/api/v1/chat/message').set('X-Forwarded-For', '192.0.2.45').send({ message: 'hello' }).expect(200);
  });
});
