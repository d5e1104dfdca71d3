import fc from 'fast-check';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import WebSocket from 'ws';
import { connectChat, listen, type ChatSocket } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Thousands of malformed payloads against one running app: REST bodies, query strings and path
 * parameters, Socket.IO events and plain WebSocket frames. Whatever arrives, the answer is a 2xx or
 * a 4xx (never a 5xx), socket errors are client errors (never PROCESSING_ERROR / INTERNAL_ERROR),
 * connections stay open, and the app serves valid requests afterwards.
 *
 * The seed is fixed so a failure reproduces; FUZZ_SEED overrides it. fast-check prints the seed and
 * the shrunk counterexample of a failing property.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const SERVER_ERROR_CODES = new Set(['PROCESSING_ERROR', 'INTERNAL_ERROR']);

let runs = 0;
function options(numRuns: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns,
    reporter: (details) => {
      runs += details.numRuns;
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${fc.defaultReportMessage(details)}\nCause: ${cause}\n(fuzz seed ${SEED}; rerun with FUZZ_SEED=${SEED})`);
    },
  };
}

// ---------------------------------------------------------------------------------- generators

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\n\t\r',
    '\uD800',
    '💥'.repeat(30),
    '__proto__',
    'constructor',
    'prototype',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%00',
    '%E0%A4%A',
    '${7*7}',
    '{{7*7}}',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '0x10',
    '27907678',
    'Barcelona',
    'Real Madrid',
    'la liga',
    'a'.repeat(65),
    'a'.repeat(3000),
    '2026-02-30',
    '9999-99-99',
    '2026-11-22T25:61:00Z',
    '2026-11-22T10:00:00+25:00',
    '2026-W47',
    '2026-W47-1',
    '2026-326',
    '2026-11',
    '0000-01-01',
    '275760-09-13',
    'Europe/Nowhere',
    'Foo/Bar',
    'Etc/GMT+14',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'helpful',
    'pre_match',
    '1x2',
    'true',
  ),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  // Numbers in exponent form, tiny, huge or negative zero trip number validators.
  fc.constantFrom(1e-7, -7e-323, 5e-324, 1e21, -0, 0.1 + 0.2, 2 ** 53 + 2, -1),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 5 }),
  fc.array(fc.integer(), { maxLength: 60 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** An object with some of `fields` (and sometimes an unknown one), each any nasty value. */
function payloadOf(fields: string[]): fc.Arbitrary<unknown> {
  const record = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((field) => [field, nastyValue])), { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'type', 'id', 'x'), nastyValue, { maxKeys: 2 }), { nil: undefined }),
    )
    .map(([known, extra]) => ({ ...known, ...extra }));
  return fc.oneof({ weight: 6, arbitrary: record }, fc.jsonValue({ maxDepth: 3 }));
}

// Values close to what a parameter expects, where parsers disagree: ISO 8601 forms Date cannot
// read, out-of-range parts, numbers in other notations.
const dateLike = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('2026-W47', '2026-W47-1', '2026-326', '2026-11', '2026', '2026-11-22T24:00:00Z', '2026-11-22T10:00:00+25:00', '2026-02-29', '+002026-11-22', '-000001-01-01', '2026-11-22T10:00:00.1234567891Z', '20261122', '2026-11-22 10:00') },
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const numberLike = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('1e2', '0x10', '0b1', ' 5', '5 ', '1.0', '-0', '+3', '200.5', '201', '9007199254740993'));
const VALUES_BY_KEY = new Map<string, fc.Arbitrary<string>>([
  ['date', dateLike],
  ['from', dateLike],
  ['to', dateLike],
  ['limit', numberLike],
]);

/** A query string built from known and unknown keys, repeated keys and broken percent-escapes. */
function queryOf(keys: string[], pairs = 6): fc.Arbitrary<string> {
  const anyValue = nastyString.map((v) => v.replace(/[\uD800-\uDFFF]/g, ''));
  const broken = fc.constantFrom('%', '%G1', '%E0%A4%A', '%00', '%2', '+', '[]', '[a]=1', '&&', '==');
  const pair = fc
    .oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, fc.constantFrom('x', '__proto__', 'constructor', 'a[b]', 'limit[]', '%', ''))
    .chain((key) => {
      const typed = VALUES_BY_KEY.get(key);
      const value = typed ? fc.oneof({ weight: 5, arbitrary: typed }, anyValue) : anyValue;
      return fc.oneof({ weight: 5, arbitrary: value.map(encodeURIComponent) }, broken).map((v) => `${key}=${v}`);
    });
  return fc.array(pair, { minLength: Math.min(1, pairs), maxLength: pairs }).map((list) => list.join('&'));
}

const pathSegment = fc.oneof(
  { weight: 4, arbitrary: nastyString.map((v) => encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '')) || 'x') },
  fc.constantFrom('%', '%G1', '%E0%A4%A', '%00', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AE'),
);

/** A JSON body sent as is, or text that is not JSON at all, with a JSON content type. */
const rawBody = fc.oneof(
  payloadOf(['message', 'session_id']).map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '{', '{"message":', '[', 'null', '1', '"text"', 'true', '{"message":"hi"}}', '\u0000', '{"a":1,"a":2}', '{"__proto__":{"polluted":1},"message":"hi"}'),
);

// --------------------------------------------------------------------------------------- suite

describe('Fuzzing every input with malformed payloads', () => {
  let t: TestApp;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('fuzz') } });
    baseUrl = await listen(t);
    server = t.app.getHttpServer();
  });
  afterAll(async () => {
    await t.close();
    // The properties below together make at least 2,000 attempts.
    expect(runs).toBeGreaterThanOrEqual(2000);
  });

  const expectClientError = (res: request.Response, what: string) => {
    if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
    if (res.status >= 400) {
      expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String) });
    }
  };

  describe('REST', () => {
    it('chat message bodies never cause a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(payloadOf(['message', 'user_id', 'session_id', 'time_zone']), async (body) => {
          const res = await request(server).post('/api/v1/chat/message').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          expectClientError(res, 'POST /api/v1/chat/message');
        }),
        options(300),
      );
    });

    it('chat stream bodies never cause a 5xx nor an error event', async () => {
      await fc.assert(
        fc.asyncProperty(payloadOf(['message', 'session_id', 'time_zone']), async (body) => {
          const res = await request(server).post('/api/v1/chat/stream').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          expectClientError(res, 'POST /api/v1/chat/stream');
          if (res.status === 200) expect(res.text).toMatch(/event: done\n/);
        }),
        options(100),
      );
    });

    it('feedback and batch bodies never cause a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(payloadOf(['message_id', 'rating', 'reason', 'user_id']), async (body) => {
          expectClientError(await request(server).post('/api/v1/chat/feedback').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null'), 'feedback');
        }),
        options(200),
      );
      await fc.assert(
        fc.asyncProperty(payloadOf(['match_ids']), async (body) => {
          expectClientError(await request(server).post('/api/v1/matches/batch').set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null'), 'batch');
        }),
        options(150),
      );
    });

    it('account and bet routes never cause a 5xx, logged in or not (404 where a route does not exist)', async () => {
      const login = await request(server).post('/api/v1/auth/login').send({ username: 'alice', password: 'alice1234' });
      const token = login.status === 200 ? (login.body as { access_token: string }).access_token : undefined;
      const routes: Array<['post' | 'put' | 'get', string, string[]]> = [
        ['post', '/api/v1/auth/login', ['username', 'password', 'user_id', 'user_key']],
        ['put', '/api/v1/auth/limits', ['daily_stake_limit', 'self_excluded', 'self_exclusion_days']],
        ['post', '/api/v1/bets', ['selections', 'stake', 'currency', 'odds_tolerance']],
        ['post', '/api/v1/bets/simulate', ['selections', 'stake', 'currency']],
        ['get', '/api/v1/bets', ['limit', 'offset']],
      ];
      const selection = payloadOf(['match_id', 'market', 'selection', 'line', 'accepted_odds']);
      const slip = fc.record({ selections: fc.oneof(fc.array(selection, { maxLength: 4 }), nastyValue), stake: nastyValue, currency: nastyValue }, { requiredKeys: [] });
      const call = fc.tuple(fc.constantFrom(...routes), fc.boolean(), pathSegment).chain(([[method, path, fields], withToken, segment]) => {
        const input = method === 'get' ? queryOf(fields, 3) : path.startsWith('/api/v1/bets') ? fc.oneof(slip, payloadOf(fields)) : payloadOf(fields);
        return (input as fc.Arbitrary<unknown>).map((value) => ({ method, path, input: value, withToken, segment }));
      });
      await fc.assert(
        fc.asyncProperty(call, async ({ method, path, input, withToken, segment }) => {
          const auth = withToken && token ? { Authorization: `Bearer ${token}` } : {};
          const res =
            method === 'get'
              ? await request(server).get(`${path}?${String(input)}`).set(auth)
              : await request(server)[method](path).set(auth).set('Content-Type', 'application/json').send(JSON.stringify(input) ?? 'null');
          expectClientError(res, `${method.toUpperCase()} ${path}`);
          // Ids in paths too: a bet and a proposal to confirm.
          expectClientError(await request(server).get(`/api/v1/bets/${segment}`).set(auth), `GET /api/v1/bets/${segment}`);
          expectClientError(await request(server).post(`/api/v1/bets/proposals/${segment}/confirm`).set(auth).send({}), 'confirm');
        }),
        options(150),
      );
    });

    it('answers 400 to a number in exponent form that makes a validator throw (1e-7 as a money amount)', async () => {
      const login = await request(server).post('/api/v1/auth/login').send({ username: 'bob', password: 'bob1234' }).expect(200);
      const auth = { Authorization: `Bearer ${(login.body as { access_token: string }).access_token}` };
      for (const amount of [1e-7, 5e-324]) {
        const res = await request(server).put('/api/v1/auth/limits').set(auth).set('Content-Type', 'application/json').send(`{"daily_stake_limit":${amount}}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
    });

    it('raw bodies that are not the expected JSON are refused with a 4xx', async () => {
      const routes = ['/api/v1/chat/message', '/api/v1/chat/stream', '/api/v1/chat/feedback', '/api/v1/matches/batch', '/api/v1/auth/generate_token', '/api/v1/auth/login', '/api/v1/bets'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), rawBody, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin-9'), async (route, body, type) => {
          expectClientError(await request(server).post(route).set('Content-Type', type).send(body), `POST ${route}`);
        }),
        options(150),
      );
    });

    it('query strings never cause a 5xx', async () => {
      const routes: Array<[string, string[]]> = [
        ['/api/v1/sports/fixtures', ['date', 'from', 'to', 'team', 'tournament', 'sport', 'type', 'limit']],
        ['/api/v1/sports/odds', ['match_id', 'market']],
        ['/api/v1/sports/tournaments', ['sport', 'country', 'active']],
        ['/api/v1/sports/compare', ['team_a', 'team_b']],
        ['/api/v1/chat/history/fuzz_session', ['limit', 'user_id']],
        ['/api/v1/chat/conversations/fuzz_user', ['session_id', 'limit']],
      ];
      // Several parameters at once, and one at a time (a single odd value is not hidden by another
      // parameter's 400).
      // Fixtures has the most parameters, so it gets the most attempts.
      const route = fc.oneof({ weight: 5, arbitrary: fc.constant(routes[0]) }, fc.constantFrom(...routes.slice(1)));
      const several = route.chain(([path, keys]) => queryOf(keys).map((query) => `${path}?${query}`));
      const single = route.chain(([path, keys]) => queryOf(keys, 1).map((query) => `${path}?${query}`));
      for (const [urls, numRuns] of [[several, 250], [single, 200]] as const) {
        await fc.assert(
          fc.asyncProperty(urls, async (url) => {
            expectClientError(await request(server).get(url), `GET ${url}`);
          }),
          options(numRuns),
        );
      }
    });

    it('path parameters never cause a 5xx', async () => {
      const routes = ['/api/v1/sports/teams/', '/api/v1/predictions/', '/api/v1/chat/history/', '/api/v1/chat/conversations/'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), pathSegment, fc.constantFrom('get', 'delete') as fc.Arbitrary<'get' | 'delete'>, async (route, segment, method) => {
          expectClientError(await request(server)[method](`${route}${segment}`), `${method.toUpperCase()} ${route}${segment}`);
        }),
        options(200),
      );
    });
  });

  describe('sockets', () => {
    it('Socket.IO /chat events are acknowledged or refused with client errors, and the connection stays', async () => {
      const client: ChatSocket = await connectChat(baseUrl, { session_id: 'fuzz_io', user_id: 'fuzz_user' });
      try {
        const event = fc.constantFrom('user_message', 'cancel', 'resume');
        const payload = fc.oneof(
          payloadOf(['content', 'session_id', 'message_id', 'user_id', 'time_zone']),
          payloadOf(['message_id', 'session_id', 'last_message_id']),
          fc.constant(undefined),
        );
        await fc.assert(
          fc.asyncProperty(event, payload, async (name, body) => {
            const ack = (await client.socket.timeout(5_000).emitWithAck(name, body)) as { error_code?: string };
            expect(client.socket.connected).toBe(true);
            if (ack.error_code && SERVER_ERROR_CODES.has(ack.error_code)) throw new Error(`${name} ${JSON.stringify(body)} → ${JSON.stringify(ack)}`);
          }),
          options(300),
        );
        const serverErrors = client.log.named('error').filter((e) => SERVER_ERROR_CODES.has(String(e.payload.error_code)));
        expect(serverErrors).toEqual([]);
      } finally {
        client.socket.close();
      }
    });

    it('Socket.IO /sports-updates subscriptions are answered with the subscription or a client error', async () => {
      const { port } = server.address() as AddressInfo;
      const socket: Socket = io(`http://127.0.0.1:${port}/sports-updates`, { transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      try {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom('subscribe', 'unsubscribe'), payloadOf(['fixture_ids', 'teams', 'tournaments']), async (name, body) => {
            const ack = (await socket.timeout(5_000).emitWithAck(name, body)) as { error_code?: string; fixture_ids?: unknown };
            expect(socket.connected).toBe(true);
            if (ack.error_code === undefined) expect(Array.isArray(ack.fixture_ids)).toBe(true);
            else if (SERVER_ERROR_CODES.has(ack.error_code)) throw new Error(`${name} ${JSON.stringify(body)} → ${JSON.stringify(ack)}`);
          }),
          options(150),
        );
      } finally {
        socket.disconnect();
      }
    });

    /** A plain WebSocket that records every message; `roundTrip` waits until the server has read what was sent. */
    async function plainSocket(path: string) {
      const { port } = server.address() as AddressInfo;
      const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
      const messages: Array<{ type?: string; error_code?: string; id?: unknown }> = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
      ws.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      let pings = 0;
      const roundTrip = async () => {
        const id = `p${++pings}`;
        const pongs = () => messages.filter((m) => m.type === 'pong').length;
        const before = pongs();
        ws.send(JSON.stringify({ type: 'ping', id }));
        await waitFor(() => pongs() > before, 5_000, 2);
      };
      return { ws, messages, roundTrip };
    }

    const wsFrame = (types: string[], fields: string[]) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...types), payloadOf(fields)).map(([type, body]) => JSON.stringify(typeof body === 'object' && body !== null && !Array.isArray(body) ? { type, ...body } : body) ?? 'null') },
        fc.string({ maxLength: 80 }),
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
        fc.constantFrom('', '{', '{"type":', '[]', 'null', '{"type":null}', '{"type":"__proto__"}', 'x'.repeat(20_000)),
      );

    it('answers a frame over 16 KB with MESSAGE_TOO_LONG on both WebSocket endpoints, and keeps the connection', async () => {
      for (const path of ['/ws/chat?session_id=fuzz_big', '/ws/sports-updates']) {
        const { ws, messages, roundTrip } = await plainSocket(path);
        try {
          ws.send(JSON.stringify({ type: 'subscribe', teams: ['x'.repeat(20_000)] }));
          await roundTrip();
          expect(messages.filter((m) => m.type === 'error').map((m) => m.error_code)).toEqual(['MESSAGE_TOO_LONG']);
          expect(ws.readyState).toBe(WebSocket.OPEN);
        } finally {
          ws.close();
        }
      }
    });

    it('plain WebSocket /ws/chat frames get answers or client errors, and the connection stays open', async () => {
      const { ws, messages, roundTrip } = await plainSocket('/ws/chat?session_id=fuzz_ws&user_id=fuzz_user');
      try {
        await waitFor(() => messages.some((m) => m.type === 'session_created'), 5_000, 5);
        await fc.assert(
          fc.asyncProperty(wsFrame(['user_message', 'cancel', 'resume', 'ping', 'typing', 'unknown'], ['content', 'message_id', 'session_id', 'last_message_id', 'time_zone']), async (frame) => {
            ws.send(frame);
            await roundTrip();
            expect(ws.readyState).toBe(WebSocket.OPEN);
          }),
          options(200),
        );
        expect(messages.filter((m) => m.type === 'error' && SERVER_ERROR_CODES.has(String(m.error_code)))).toEqual([]);
      } finally {
        ws.close();
      }
    });

    it('plain WebSocket /ws/sports-updates frames get answers or client errors, and the connection stays open', async () => {
      const { ws, messages, roundTrip } = await plainSocket('/ws/sports-updates');
      try {
        await fc.assert(
          fc.asyncProperty(wsFrame(['subscribe', 'unsubscribe', 'ping', 'unknown'], ['fixture_ids', 'teams', 'tournaments', 'id']), async (frame) => {
            ws.send(frame);
            await roundTrip();
            expect(ws.readyState).toBe(WebSocket.OPEN);
          }),
          options(150),
        );
        expect(messages.filter((m) => m.type === 'error' && SERVER_ERROR_CODES.has(String(m.error_code)))).toEqual([]);
      } finally {
        ws.close();
      }
    });
  });

  it('still serves valid requests afterwards, on every transport', async () => {
    await request(server).get('/api/v1/sports').expect(200);
    await request(server).get('/health/ready').expect(200);
    const chat = await request(server).post('/api/v1/chat/message').send({ message: 'When does Barcelona play next?' }).expect(200);
    expect(chat.body.detected_intent).toBe('MATCH_SCHEDULE_QUERY');
    const client = await connectChat(baseUrl, { session_id: 'fuzz_after' });
    try {
      const ack = (await client.socket.timeout(5_000).emitWithAck('user_message', { content: 'Odds for Juventus vs Milan?', message_id: 'fuzz-after-1' })) as { status: string };
      expect(ack.status).toBe('accepted');
      const events = await client.log.turnEnd('fuzz-after-1', 15_000);
      expect(events.some((e) => e.name === 'bot_response')).toBe(true);
    } finally {
      client.socket.close();
    }
  });
});
