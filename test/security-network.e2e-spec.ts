import { io } from 'socket.io-client';
import request from 'supertest';
import WebSocket from 'ws';
import { listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Hosts, origins, proxies and the per-address socket cap (issue #12, point 6). */

interface WsOutcome {
  /** HTTP status of a refused upgrade, or 101 when it was upgraded. */
  status: number;
  messages: Array<Record<string, unknown>>;
  closeCode?: number;
}

/** Opens a WebSocket with the given headers and reports how the server answered (waits for the close, or `settleMs`). */
function tryWs(url: string, headers: Record<string, string>, settleMs = 800): Promise<WsOutcome> {
  return new Promise((resolve) => {
    const outcome: WsOutcome = { status: 0, messages: [] };
    const ws = new WebSocket(url, { headers });
    const finish = () => {
      clearTimeout(timer);
      ws.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(finish, settleMs);
    ws.on('unexpected-response', (_req, res) => {
      outcome.status = res.statusCode ?? 0;
      finish();
    });
    ws.on('upgrade', () => (outcome.status = 101));
    ws.on('message', (data) => outcome.messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.on('close', (code) => {
      outcome.closeCode = code;
      finish();
    });
    ws.on('error', () => undefined);
  });
}

/** Connects to a Socket.IO namespace with the given headers: 'connected' or the connect_error message. */
function trySocketIo(baseUrl: string, namespace: string, headers: Record<string, string>, auth: Record<string, unknown> = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(`${baseUrl}${namespace}`, { transports: ['websocket'], extraHeaders: headers, auth, reconnection: false, forceNew: true });
    const done = (result: string) => {
      socket.close();
      resolve(result);
    };
    socket.on('connect', () => setTimeout(() => done(socket.connected ? 'connected' : 'disconnected'), 300));
    socket.on('connect_error', (error: Error & { data?: { error_code?: string } }) => done(error.data?.error_code ?? error.message));
  });
}

describe('Security: hosts and origins on every socket handshake', () => {
  let t: TestApp;
  let base: string;
  let wsBase: string;
  let port: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { ALLOWED_HOSTS: 'api.example', CORS_ORIGINS: 'https://app.example' } });
    base = await listen(t);
    wsBase = base.replace('http', 'ws');
    port = new URL(base).port;
  });
  afterAll(() => t.close());

  const good = () => ({ host: `api.example:${port}`, origin: 'https://app.example' });

  it('refuses /ws/chat for a Host outside ALLOWED_HOSTS or an Origin outside CORS_ORIGINS: no session, no turn', async () => {
    for (const headers of [{ ...good(), host: 'evil.com' }, { ...good(), origin: 'https://evil.example' }]) {
      const outcome = await tryWs(`${wsBase}/ws/chat?user_id=rebinder`, headers);
      expect(outcome.messages.map((m) => m.type)).toEqual(['error']);
      expect(outcome.messages[0].error_code).toMatch(/^(HOST|ORIGIN)_NOT_ALLOWED$/);
      expect(outcome.closeCode).toBe(4400);
    }
    const allowed = await tryWs(`${wsBase}/ws/chat?user_id=rebinder`, good());
    expect(allowed.messages.map((m) => m.type)).toEqual(['connection_ack', 'session_created']);
  });

  it('refuses /ws/sports-updates for a Host or Origin that is not allowed', async () => {
    expect((await tryWs(`${wsBase}/ws/sports-updates`, { ...good(), host: 'evil.com' })).status).toBe(400);
    expect((await tryWs(`${wsBase}/ws/sports-updates`, { ...good(), origin: 'https://evil.example' })).status).toBe(403);
    expect((await tryWs(`${wsBase}/ws/sports-updates`, good())).messages.map((m) => m.type)).toEqual(['connection_ack']);
  });

  it('refuses Socket.IO handshakes on /chat and /sports-updates for a Host or Origin that is not allowed', async () => {
    for (const namespace of ['/chat', '/sports-updates']) {
      expect(await trySocketIo(base, namespace, { ...good(), host: 'evil.com' }, { user_id: 'rebinder' })).not.toBe('connected');
      expect(await trySocketIo(base, namespace, { ...good(), origin: 'https://evil.example' }, { user_id: 'rebinder' })).not.toBe('connected');
      expect(await trySocketIo(base, namespace, good(), { user_id: 'rebinder' })).toBe('connected');
    }
  });
});

describe('Security: X-Forwarded-For only from TRUSTED_PROXIES', () => {
  it('by default ignores a rotating X-Forwarded-For: REST and socket limits stay per real address', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW: '60', WS_MAX_CONNECTIONS_PER_IP: '2' } });
    try {
      const base = await listen(t);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push((await request(t.app.getHttpServer()).get('/api/v1/sports').set('X-Forwarded-For', `198.51.100.${i + 1}`)).status);
      }
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
      const sockets: Array<Promise<WsOutcome>> = [];
      for (let i = 0; i < 3; i++) sockets.push(tryWs(`${base.replace('http', 'ws')}/ws/chat?user_id=rotator_${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }, 1_500));
      const outcomes = await Promise.all(sockets);
      const refused = outcomes.filter((o) => o.messages.some((m) => m.type === 'error' && m.error_code === 'RATE_LIMITED'));
      expect(refused).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('believes X-Forwarded-For from a listed proxy: each forwarded client has its own count', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_REQUESTS: '2', RATE_LIMIT_WINDOW: '60', TRUSTED_PROXIES: '127.0.0.1,::1' } });
    try {
      const server = t.app.getHttpServer();
      for (let i = 0; i < 4; i++) await request(server).get('/api/v1/sports').set('X-Forwarded-For', `198.51.100.${i + 1}`).expect(200);
      await request(server).get('/api/v1/sports').set('X-Forwarded-For', '198.51.100.1').expect(200);
      await request(server).get('/api/v1/sports').set('X-Forwarded-For', '198.51.100.1').expect(429);
    } finally {
      await t.close();
    }
  });

  it('refuses TRUSTED_PROXIES entries that are not addresses or ranges at start-up', async () => {
    await expect(createTestApp({ env: { TRUSTED_PROXIES: 'loopback' } })).rejects.toThrow('TRUSTED_PROXIES must list IP addresses or CIDR ranges');
  });
});

describe('Security: one socket cap per address across instances and endpoints', () => {
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('sec-cap'), WS_MAX_CONNECTIONS_PER_IP: '2' };
  let a: TestApp;
  let b: TestApp;
  let wsA: string;
  let wsB: string;

  beforeAll(async () => {
    a = await createTestApp({ env });
    b = await createTestApp({ env });
    wsA = (await listen(a)).replace('http', 'ws');
    wsB = (await listen(b)).replace('http', 'ws');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts chat sockets of one address on both instances together', async () => {
    const open = [new WebSocket(`${wsA}/ws/chat?user_id=capped_1`), new WebSocket(`${wsB}/ws/chat?user_id=capped_2`)];
    try {
      await waitFor(() => open.every((ws) => ws.readyState === WebSocket.OPEN), 5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const third = await tryWs(`${wsA}/ws/chat?user_id=capped_3`, {}, 1_500);
      expect(third.messages).toEqual([expect.objectContaining({ type: 'error', error_code: 'RATE_LIMITED' })]);
      expect(third.closeCode).toBe(4429);
    } finally {
      for (const ws of open) ws.close();
    }
  });

  it('caps /ws/sports-updates too (it had no cap), across instances, and frees the place when a socket closes', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = [new WebSocket(`${wsA}/ws/sports-updates`), new WebSocket(`${wsB}/ws/sports-updates`)];
    try {
      await waitFor(() => open.every((ws) => ws.readyState === WebSocket.OPEN), 5_000);
      expect((await tryWs(`${wsB}/ws/sports-updates`, {})).status).toBe(429);
      open[0].close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await tryWs(`${wsB}/ws/sports-updates`, {})).messages.map((m) => m.type)).toEqual(['connection_ack']);
    } finally {
      for (const ws of open) ws.close();
    }
  });
});
