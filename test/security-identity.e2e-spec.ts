import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { chatWs, connectChat, connectWs, listen, refusalOf } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { nowSeconds, signHs256 } from './support/jwt.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Attacks on whose chat is whose (issue #12, points 1 and 2): no shared anonymous owner, and one
 * identity rule on REST, SSE, Socket.IO and the plain WebSocket.
 */
const SECRET = 'security-identity-secret-0123456789abcdef';
const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Security: nobody reads another person\'s chat', () => {
  let t: TestApp;
  let base: string;
  let wsBase: string;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  const prefix = uniquePrefix('sec-identity');

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SECRET_KEY: SECRET, WS_MAX_CONNECTIONS_PER_IP: '50' } });
    base = await listen(t);
    wsBase = base.replace('http', 'ws');
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('REST without any identity', () => {
    it('gives each caller a fresh owner and a token for it with the first answer', async () => {
      const a = await request(server).post('/api/v1/chat/message').send({ message: 'Hello!' }).expect(200);
      const b = await request(server).post('/api/v1/chat/message').send({ message: 'Hello!' }).expect(200);
      expect(a.body.user_id).toMatch(/^anon_[A-Za-z0-9_-]{16}$/);
      expect(a.body.user_id).not.toBe(b.body.user_id);
      expect(a.body.user_id).not.toBe('anonymous');
      const me = await request(server).get(`/api/v1/chat/conversations/${a.body.user_id}`).set(bearer(a.body.token)).expect(200);
      expect(me.body.conversations.map((c: { session_id: string }) => c.session_id)).toEqual([a.body.session_id]);
    });

    it('lets no one list, read, continue or delete an anonymous session without its token', async () => {
      const victim = await request(server).post('/api/v1/chat/message').send({ message: 'When does Barcelona play next?' }).expect(200);
      const sessionId = victim.body.session_id as string;
      const attacker = await request(server).post('/api/v1/chat/message').send({ message: 'Hello!' }).expect(200);
      const attempts: Array<[string, request.Test, number]> = [
        ['list the old shared owner', request(server).get('/api/v1/chat/conversations/anonymous'), 401],
        ['bulk-delete the old shared owner', request(server).delete('/api/v1/chat/conversations/anonymous'), 401],
        ['list the victim by its id', request(server).get(`/api/v1/chat/conversations/${victim.body.user_id}`), 401],
        ['read its history with no identity', request(server).get(`/api/v1/chat/history/${sessionId}`), 403],
        ['read its history claiming its owner', request(server).get(`/api/v1/chat/history/${sessionId}?user_id=${victim.body.user_id}`), 401],
        ['read its history with another anonymous token', request(server).get(`/api/v1/chat/history/${sessionId}`).set(bearer(attacker.body.token)), 403],
        ['list the victim with another anonymous token', request(server).get(`/api/v1/chat/conversations/${victim.body.user_id}`).set(bearer(attacker.body.token)), 403],
        ['continue it with no identity', request(server).post('/api/v1/chat/message').send({ message: 'and the odds?', session_id: sessionId }), 403],
        ['delete it with no identity', request(server).delete(`/api/v1/chat/history/${sessionId}`), 403],
        ['delete it with another anonymous token', request(server).delete(`/api/v1/chat/history/${sessionId}`).set(bearer(attacker.body.token)), 403],
      ];
      for (const [label, attempt, status] of attempts) {
        expect([label, (await attempt).status]).toEqual([label, status]);
      }
      const history = await request(server).get(`/api/v1/chat/history/${sessionId}`).set(bearer(victim.body.token)).expect(200);
      expect(history.body.count).toBe(2);
      await request(server).post('/api/v1/chat/message').set(bearer(victim.body.token)).send({ message: 'And Real Madrid?', session_id: sessionId }).expect(200);
    });

    it('lets a claimed user_id continue a session whose id it knows, but not list or bulk-delete', async () => {
      const first = await request(server).post('/api/v1/chat/message').send({ message: 'Hello!', user_id: 'claimer_1' }).expect(200);
      expect(first.body.token).toBeUndefined();
      await request(server).post('/api/v1/chat/message').send({ message: 'What can you do?', user_id: 'claimer_1', session_id: first.body.session_id }).expect(200);
      await request(server).get(`/api/v1/chat/history/${first.body.session_id}?user_id=claimer_1`).expect(200);
      await request(server).get(`/api/v1/chat/conversations/claimer_1?session_id=${first.body.session_id}`).expect(200);
      expect((await request(server).get('/api/v1/chat/conversations/claimer_1')).status).toBe(401);
      expect((await request(server).delete('/api/v1/chat/conversations/claimer_1')).status).toBe(401);
      await request(server).get(`/api/v1/chat/history/${first.body.session_id}?user_id=claimer_1`).expect(200);
    });

    it('refuses a claimed user_id that names an anonymous owner: only its token may', async () => {
      const victim = await request(server).post('/api/v1/chat/message').send({ message: 'Hello!' }).expect(200);
      const claimed = await request(server).post('/api/v1/chat/message').send({ message: 'Hi', user_id: victim.body.user_id, session_id: victim.body.session_id });
      expect([claimed.status, claimed.body.code]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
    });
  });

  describe('sockets without any identity', () => {
    it('Socket.IO: a fresh owner per connection, with its token in connection_status', async () => {
      const a = await connectChat(base);
      const b = await connectChat(base);
      try {
        expect(a.status.user_id).toMatch(/^anon_/);
        expect(a.status.user_id).not.toBe(b.status.user_id);
        expect(typeof a.status.token).toBe('string');
      } finally {
        a.socket.close();
        b.socket.close();
      }
    });

    it('Socket.IO: a stranger cannot displace or resume a session, stored or not yet', async () => {
      const victim = await connectChat(base);
      const sessionId = String(victim.status.session_id);
      try {
        // Not stored yet: nothing was said in it.
        expect(await refusalOf(base, { session_id: sessionId })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
        const ack = (await victim.socket.timeout(5_000).emitWithAck('user_message', { content: 'Hello!', message_id: 'v-1' })) as { status: string };
        expect(ack.status).toBe('accepted');
        await victim.log.turnEnd('v-1');
        expect(await refusalOf(base, { session_id: sessionId })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
        expect(await refusalOf(base, { session_id: sessionId, last_message_id: 'v-1' })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
        expect(await refusalOf(base, { session_id: sessionId, user_id: 'anonymous' })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
        await sleep(100);
        expect(victim.socket.connected).toBe(true);
        expect(victim.log.named('connection_status').filter((e) => e.payload.status === 'replaced')).toEqual([]);
        // Its own token brings it back.
        const again = await connectChat(base, { token: victim.status.token, session_id: sessionId });
        expect(again.status.user_id).toBe(victim.status.user_id);
        again.socket.close();
      } finally {
        victim.socket.close();
      }
    });

    it('plain WebSocket: a stranger naming the session in the path is closed 4403 and the owner stays', async () => {
      const victim = await connectWs(`${wsBase}/ws/chat`);
      try {
        const created = victim.log.named('session_created')[0].payload;
        expect(created.user_id).toMatch(/^anon_/);
        expect(typeof created.token).toBe('string');
        victim.send({ type: 'user_message', content: 'Hello!', message_id: 'w-1' });
        await victim.log.turnEnd('w-1');
        const stranger = chatWs(`${wsBase}/ws/chat/${victim.sessionId}`);
        expect((await stranger.closed).code).toBe(4403);
        const unstored = await connectWs(`${wsBase}/ws/chat`);
        const intruder = chatWs(`${wsBase}/ws/chat/${unstored.sessionId}`);
        expect((await intruder.closed).code).toBe(4403);
        unstored.ws.close();
        await sleep(100);
        expect(victim.ws.readyState).toBe(victim.ws.OPEN);
        const own = await connectWs(`${wsBase}/ws/chat/${victim.sessionId}?token=${encodeURIComponent(String(created.token))}`);
        await waitFor(() => victim.ws.readyState === victim.ws.CLOSED, 2_000);
        own.ws.close();
      } finally {
        victim.ws.close();
      }
    });
  });

  it('Socket.IO: a stranger on another instance cannot take over a session named by its owner before its first message', async () => {
    const other = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SECRET_KEY: SECRET, WS_MAX_CONNECTIONS_PER_IP: '50' } });
    try {
      const otherBase = await listen(other);
      const sessionId = sid('named');
      const victim = await connectChat(base, { session_id: sessionId });
      expect(await refusalOf(otherBase, { session_id: sessionId })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
      expect(await refusalOf(otherBase, { session_id: sessionId, user_id: 'mallory' })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
      await sleep(200);
      expect(victim.socket.connected).toBe(true);
      victim.socket.close();
    } finally {
      await other.close();
    }
  });

  describe('one identity rule on every transport', () => {
    const userToken = () => signHs256({ sub: 'acct_alice', anon: false, exp: nowSeconds() + 600 }, SECRET);

    it('refuses a claimed account id without its token on REST, SSE, Socket.IO and the plain WebSocket', async () => {
      const rest = await request(server).post('/api/v1/chat/message').send({ message: 'hi', user_id: 'acct_alice' });
      expect([rest.status, rest.body.code]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
      const sse = await request(server).post('/api/v1/chat/stream').send({ message: 'hi', user_id: 'acct_alice' });
      expect([sse.status, sse.body.code]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
      expect(await refusalOf(base, { user_id: 'acct_alice' })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
      const ws = chatWs(`${wsBase}/ws/chat?user_id=acct_alice`);
      expect((await ws.closed).code).toBe(4403);
    });

    it('a token with a different user_id: REST and SSE refuse it, the sockets keep the token\'s user', async () => {
      const rest = await request(server).post('/api/v1/chat/message').set(bearer(userToken())).send({ message: 'hi', user_id: 'acct_bob' });
      expect([rest.status, rest.body.code]).toEqual([403, 'USER_MISMATCH']);
      const sse = await request(server).post('/api/v1/chat/stream').set(bearer(userToken())).send({ message: 'hi', user_id: 'acct_bob' });
      expect([sse.status, sse.body.code]).toEqual([403, 'USER_MISMATCH']);
      const socket = await connectChat(base, { token: userToken(), user_id: 'acct_bob' });
      expect(socket.status).toMatchObject({ user_id: 'acct_alice', authenticated: true });
      socket.socket.close();
      const ws = await connectWs(`${wsBase}/ws/chat?token=${userToken()}&user_id=acct_bob`);
      expect(ws.log.named('session_created')[0].payload.user_id).toBe('acct_alice');
      ws.ws.close();
    });

    it('an anonymous token owns the session on every transport', async () => {
      const { body } = await request(server).post('/api/v1/auth/generate_token').expect(200);
      const sessionId = sid('anon-token');
      const rest = await request(server).post('/api/v1/chat/message').set(bearer(body.token)).send({ message: 'Hello!', session_id: sessionId }).expect(200);
      expect(rest.body.token).toBeUndefined();
      const socket = await connectChat(base, { token: body.token, session_id: sessionId });
      expect(socket.status.user_id).toBe(body.user_id);
      socket.socket.close();
      const list = await request(server).get(`/api/v1/chat/conversations/${body.user_id}`).set(bearer(body.token)).expect(200);
      expect(list.body.count).toBe(1);
      await request(server).delete(`/api/v1/chat/conversations/${body.user_id}`).set(bearer(body.token)).expect(200);
    });
  });
});
