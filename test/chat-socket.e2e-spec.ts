import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { type ChatSocket, connectChat, type EventLog, listen, type ReceivedEvent, refusalOf, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { nowSeconds, signHs256 } from './support/jwt.js';
import { sampleSum } from './support/prometheus-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'chat-socket-test-secret-0123456789abcdef';
/** A recommendation: a long answer, streamed in many chunks. */
const LONG_QUESTION = 'What is the safest bet this weekend?';

const TESTER = 'socket_tester';
const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Ack = { message_id: string | null; status: string; error_code?: string };

function send(client: ChatSocket, payload: unknown): Promise<Ack> {
  return client.socket.timeout(5_000).emitWithAck('user_message', payload) as Promise<Ack>;
}

/** Sends a message and waits for the whole turn; returns the turn's events in order. */
async function turn(client: ChatSocket, content: string, messageId = sid('m')): Promise<ReceivedEvent[]> {
  const ack = await send(client, { content, message_id: messageId });
  expect(ack).toEqual({ message_id: messageId, status: 'accepted' });
  return client.log.turnEnd(messageId);
}

function chunksOf(log: EventLog, messageId: string): WirePayload[] {
  return log.forMessage(messageId).filter((e) => e.name === 'streaming_response').map((e) => e.payload);
}

function answersOf(log: EventLog, messageId: string): WirePayload[] {
  return log.forMessage(messageId).filter((e) => e.name === 'bot_response').map((e) => e.payload);
}

interface StoredMessage {
  id: string;
  role: string;
  content: string;
  cancelled?: boolean;
  replyTo?: string;
}

describe('Socket.IO /chat', () => {
  let t: TestApp;
  let url: string;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  const open: ChatSocket[] = [];

  /** Connections name a user unless the test gives a token: a session is reached again through its owner. */
  async function connect(auth: Record<string, unknown> = {}, options: { reconnection?: boolean } = {}) {
    const client = await connectChat(url, auth.token === undefined ? { user_id: TESTER, ...auth } : auth, options);
    open.push(client);
    return client;
  }

  async function history(sessionId: string, userId = TESTER): Promise<StoredMessage[]> {
    const res = await request(server)
      .get(`/api/v1/chat/history/${sessionId}`)
      .query({ limit: 100, user_id: userId })
      .expect(200);
    return res.body.messages as StoredMessage[];
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chat-socket'), SECRET_KEY: SECRET, WS_MAX_CONNECTIONS_PER_IP: '50' },
    });
    url = await listen(t);
    server = t.app.getHttpServer();
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.socket.close();
  });
  afterAll(() => t.close());

  it('greets a new connection with connection_status, a generated session id and, without identity, a fresh owner and its token', async () => {
    const client = await connectChat(url);
    open.push(client);
    expect(client.status).toMatchObject({ status: 'connected', user_id: expect.stringMatching(/^anon_/), token: expect.any(String), authenticated: false, resumed: false });
    expect(client.status.session_id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('streams a turn: typing on, several chunks that add up to the answer, bot_response, typing off', async () => {
    const sessionId = sid('stream');
    const client = await connect({ session_id: sessionId, user_id: 'streamer' });
    expect(client.status).toMatchObject({ session_id: sessionId, user_id: 'streamer' });
    const messageId = sid('m');
    const events = await turn(client, LONG_QUESTION, messageId);

    const names = events.map((e) => e.name);
    const chunks = chunksOf(client.log, messageId);
    expect(names).toEqual(['typing_indicator', ...chunks.map(() => 'streaming_response'), 'bot_response', 'typing_indicator']);
    expect(events[0].payload).toEqual({ session_id: sessionId, message_id: messageId, is_typing: true });
    expect(events.at(-1)!.payload).toEqual({ session_id: sessionId, message_id: messageId, is_typing: false });
    // The first token goes out at once, later ones are joined into a chunk every few milliseconds.
    expect(chunks.length).toBeGreaterThan(1);
    chunks.forEach((chunk, i) => expect(chunk).toMatchObject({ message_id: messageId, session_id: sessionId, index: i, is_final: false }));

    const [answer] = answersOf(client.log, messageId);
    expect(answer).toMatchObject({
      message_id: messageId,
      session_id: sessionId,
      is_final: true,
      cancelled: false,
      detected_intent: 'BETTING_RECOMMENDATION',
      timestamp: expect.any(String),
      response_time_ms: expect.any(Number),
      intent_confidence: expect.any(Number),
      entities: expect.any(Object),
      function_calls: expect.any(Array),
      suggested_actions: expect.any(Array),
      token_count: expect.any(Number),
    });
    expect(chunks.map((c) => c.content).join('')).toBe(answer.content);
    expect(String(answer.content).length).toBeGreaterThan(100);

    const stored = await history(sessionId, 'streamer');
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored[0]).toMatchObject({ id: messageId, content: LONG_QUESTION });
    expect(stored[1]).toMatchObject({ id: answer.answer_id, replyTo: messageId, content: answer.content });
  });

  it('answers a message_id once: a resend is a duplicate, and after the turn it gets the stored answer again', async () => {
    const client = await connect({ session_id: sid('dedup') });
    const messageId = sid('m');
    const [first, during] = await Promise.all([send(client, { content: 'Hello!', message_id: messageId }), send(client, { content: 'Hello!', message_id: messageId })]);
    expect([first.status, during.status].sort()).toEqual(['accepted', 'duplicate']);
    await client.log.turnEnd(messageId);
    expect(await send(client, { content: 'Hello!', message_id: messageId })).toEqual({ message_id: messageId, status: 'duplicate' });
    await sleep(300);
    expect(answersOf(client.log, messageId).map((a) => Boolean(a.replayed))).toEqual([false, true]);
    expect(client.log.named('error')).toEqual([]);
  });

  it('processes the same text sent twice within 2 s once, telling the client the copy is still in progress', async () => {
    const client = await connect({ session_id: sid('same-text') });
    const [one, two] = [sid('m'), sid('m')];
    const first = await send(client, { content: 'When does Barcelona play next?', message_id: one });
    const second = await send(client, { content: 'When does Barcelona play next?', message_id: two });
    expect(first.status).toBe('accepted');
    expect(second).toEqual({ message_id: two, status: 'duplicate' });
    const error = await client.log.next((e) => e.name === 'error' && e.payload.message_id === two);
    expect(error.payload).toMatchObject({ error_code: 'DUPLICATE_IN_PROGRESS', message_id: two, content: expect.stringContaining('already') });
    await client.log.turnEnd(one);
    await sleep(300);
    expect(client.log.named('bot_response')).toHaveLength(1);
    expect(client.log.named('typing_indicator').filter((e) => e.payload.message_id === two)).toEqual([]);
  });

  it('keeps one live connection per session: a new one replaces the old, which is told and disconnected', async () => {
    const sessionId = sid('replace');
    const old = await connect({ session_id: sessionId });
    const fresh = await connect({ session_id: sessionId });
    const replaced = await old.log.next((e) => e.name === 'connection_status' && e.payload.status === 'replaced');
    expect(replaced.payload).toMatchObject({ session_id: sessionId });
    await old.log.next((e) => e.name === 'disconnect');
    expect(old.socket.connected).toBe(false);
    expect(old.log.named('disconnect')[0].payload.reason).toBe('io server disconnect');

    await turn(fresh, 'Hello!');
    expect(old.log.named('bot_response')).toEqual([]);
    expect(fresh.socket.connected).toBe(true);
  });

  it('cancels a turn mid-stream: the final bot_response has what was written so far and cancelled: true', async () => {
    const sessionId = sid('cancel');
    const client = await connect({ session_id: sessionId });
    const messageId = sid('m');
    await send(client, { content: LONG_QUESTION, message_id: messageId });
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    const cancelAck = await client.socket.timeout(5_000).emitWithAck('cancel', { message_id: messageId });
    expect(cancelAck).toEqual({ message_id: messageId, status: 'cancelling' });
    await client.log.turnEnd(messageId);

    const [answer] = answersOf(client.log, messageId);
    expect(answer).toMatchObject({ message_id: messageId, is_final: true, cancelled: true });
    const produced = chunksOf(client.log, messageId).map((c) => c.content).join('');
    expect(answer.content).toBe(produced);

    const full = await turn(await connect({ session_id: sid('uncancelled') }), LONG_QUESTION);
    const complete = full.find((e) => e.name === 'bot_response')!.payload;
    expect(String(answer.content).length).toBeLessThan(String(complete.content).length);

    const stored = await history(sessionId);
    expect(stored[1]).toMatchObject({ role: 'assistant', cancelled: true, replyTo: messageId });
    expect(await client.socket.timeout(5_000).emitWithAck('cancel', { message_id: messageId })).toEqual({ message_id: messageId, status: 'not_found' });
  });

  it('finishes an answer when the connection drops mid-stream and delivers it when the client comes back', async () => {
    const sessionId = sid('drop');
    const client = await connect({ session_id: sessionId }, { reconnection: true });
    const messageId = sid('m');
    await send(client, { content: LONG_QUESTION, message_id: messageId });
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    // A network failure (not a goodbye): the client reconnects by itself and recovers its state.
    client.socket.io.engine.close();
    await client.log.next((e) => e.name === 'connection_status' && e.payload.resumed === true);
    await client.log.turnEnd(messageId);

    const answers = answersOf(client.log, messageId);
    expect(answers).toHaveLength(1);
    expect(answers[0].cancelled).toBe(false);
    const stored = await history(sessionId);
    expect(stored[1]).toMatchObject({ role: 'assistant', replyTo: messageId, content: answers[0].content });
    // Chunks are not replayed (the answer is): those received are in order, starting with the first.
    const indices = chunksOf(client.log, messageId).map((c) => Number(c.index));
    expect(indices[0]).toBe(0);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(String(answers[0].content).startsWith(String(chunksOf(client.log, messageId)[0].content))).toBe(true);
  });

  it('delivers to a new connection of the session an answer still being written when the old one left', async () => {
    const sessionId = sid('handover');
    const first = await connect({ session_id: sessionId });
    const messageId = sid('m');
    await send(first, { content: LONG_QUESTION, message_id: messageId });
    await first.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    first.socket.disconnect();

    const second = await connect({ session_id: sessionId });
    const answer = await second.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
    expect(answer.payload).toMatchObject({ is_final: true, cancelled: false });
    const stored = await history(sessionId);
    expect(stored.find((m) => m.role === 'assistant')).toMatchObject({ replyTo: messageId, content: answer.payload.content });
  });

  it('delivers on reconnect an answer that finished while the session had no connection', async () => {
    const sessionId = sid('offline');
    const first = await connect({ session_id: sessionId });
    const messageId = sid('m');
    await send(first, { content: 'When does Real Madrid play next?', message_id: messageId });
    await first.log.next((e) => e.name === 'typing_indicator' && e.payload.message_id === messageId);
    first.socket.disconnect();
    // Wait until the answer is stored: it finished with nobody connected.
    for (let i = 0; i < 100 && (await history(sessionId).catch(() => [])).length < 2; i++) await sleep(50);

    const second = await connect({ session_id: sessionId });
    const answer = await second.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
    expect(answer.payload).toMatchObject({ is_final: true, session_id: sessionId });
    expect(String(answer.payload.content)).toContain('Real Madrid');
    // Delivered once: a third connection does not get it again.
    const third = await connect({ session_id: sessionId });
    await sleep(200);
    expect(third.log.named('bot_response')).toEqual([]);
  });

  it('resume replays every stored message after last_message_id, then resume_complete', async () => {
    const sessionId = sid('resume');
    const client = await connect({ session_id: sessionId });
    const ids = [sid('m1'), sid('m2'), sid('m3')];
    await turn(client, 'Hello!', ids[0]);
    await turn(client, 'When does Barcelona play next?', ids[1]);
    await turn(client, 'Which tournaments are available?', ids[2]);

    const reader = await connect({ session_id: sessionId });
    const ack = await reader.socket.timeout(5_000).emitWithAck('resume', { session_id: sessionId, last_message_id: ids[0] });
    expect(ack).toEqual({ session_id: sessionId, replayed: 4, in_progress: [] });
    await reader.log.next((e) => e.name === 'resume_complete');
    const replay = reader.log.events.filter((e) => ['user_message_echo', 'bot_response', 'resume_complete'].includes(e.name));
    expect(replay.map((e) => [e.name, e.payload.message_id])).toEqual([
      ['user_message_echo', ids[1]],
      ['bot_response', ids[1]],
      ['user_message_echo', ids[2]],
      ['bot_response', ids[2]],
      ['resume_complete', undefined],
    ]);
    expect(replay[0].payload).toMatchObject({ content: 'When does Barcelona play next?', replayed: true });
    expect(replay[3].payload).toMatchObject({ replayed: true, is_final: true, content: answersOf(client.log, ids[2])[0].content });
    expect(replay[4].payload).toEqual({ session_id: sessionId, last_message_id: ids[0], replayed: 4, in_progress: [] });

    expect(await reader.socket.timeout(5_000).emitWithAck('resume', { last_message_id: ids[2] })).toMatchObject({ replayed: 0 });
  });

  it('replays on connect what came after the last_message_id given in the handshake', async () => {
    const sessionId = sid('handshake-resume');
    const client = await connect({ session_id: sessionId });
    const ids = [sid('m1'), sid('m2')];
    await turn(client, 'Hello!', ids[0]);
    await turn(client, 'What can you do?', ids[1]);
    const back = await connect({ session_id: sessionId, last_message_id: ids[0] });
    await back.log.next((e) => e.name === 'resume_complete');
    expect(back.log.events.map((e) => e.name)).toEqual(['connection_status', 'user_message_echo', 'bot_response', 'resume_complete']);
    expect(back.log.named('bot_response')[0].payload.message_id).toBe(ids[1]);
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', ['hello']],
    ['null', null],
    ['content of the wrong type', { content: 5 }],
    ['no content', { message_id: 'abc' }],
    ['blank content', { content: '   ' }],
    ['an unknown field', { content: 'Hello!', admin: true }],
    ['a malformed message id', { content: 'Hello!', message_id: 'not an id!' }],
  ])('refuses %s with INVALID_MESSAGE_FORMAT and keeps answering', async (_label, payload) => {
    const client = await connect({ session_id: sid('malformed') });
    const ack = await send(client, payload);
    expect(ack).toMatchObject({ status: 'rejected', error_code: 'INVALID_MESSAGE_FORMAT' });
    const error = await client.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: 'INVALID_MESSAGE_FORMAT', session_id: client.status.session_id, content: expect.any(String) });
    await turn(client, 'Hello!');
  });

  it('refuses content over 2,000 characters with MESSAGE_TOO_LONG and keeps answering', async () => {
    const client = await connect({ session_id: sid('long') });
    const ack = await send(client, { content: 'a'.repeat(2_001), message_id: 'too_long' });
    expect(ack).toEqual({ message_id: 'too_long', status: 'rejected', error_code: 'MESSAGE_TOO_LONG' });
    const error = await client.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: 'MESSAGE_TOO_LONG', message_id: 'too_long' });
    await turn(client, 'a'.repeat(1_990));
  });

  it('answers a socket frame over 64 KB (which closes the connection) with MESSAGE_TOO_LONG once the connection recovers, and keeps answering', async () => {
    const client = await connect({ session_id: sid('oversize') }, { reconnection: true });
    client.socket.emit('user_message', { content: 'x'.repeat(70_000) });
    const error = await client.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: 'MESSAGE_TOO_LONG', data: { max_bytes: 16_384 } });
    expect(client.log.named('connection_status').at(-1)!.payload.resumed).toBe(true);
    await turn(client, 'Hello!');
  });

  it('refuses a message naming another session with SESSION_FORBIDDEN, and malformed cancel/resume too, and keeps answering', async () => {
    const client = await connect({ session_id: sid('mismatch') });
    expect(await send(client, { content: 'Hello!', session_id: 'someone_else' })).toMatchObject({ status: 'rejected', error_code: 'SESSION_FORBIDDEN' });
    expect(await client.socket.timeout(5_000).emitWithAck('cancel', 'nope')).toMatchObject({ status: 'rejected', error_code: 'INVALID_MESSAGE_FORMAT' });
    expect(await client.socket.timeout(5_000).emitWithAck('resume', { last_message_id: 7 })).toMatchObject({ error_code: 'INVALID_MESSAGE_FORMAT' });
    client.socket.emit('user_message');
    client.socket.emit('user_message', 1, 2, 3);
    await turn(client, 'Hello!');
    expect(client.log.named('error').map((e) => e.payload.error_code)).toEqual(
      expect.arrayContaining(['SESSION_FORBIDDEN', 'INVALID_MESSAGE_FORMAT']),
    );
  });

  it("refuses to open someone else's session, leaving its owner connected", async () => {
    const sessionId = sid('owned');
    const owner = await connect({ session_id: sessionId, user_id: 'alice' });
    await turn(owner, 'Hello!');
    expect(await refusalOf(url, { session_id: sessionId, user_id: 'mallory' })).toMatchObject({ error_code: 'SESSION_FORBIDDEN' });
    await sleep(100);
    expect(owner.socket.connected).toBe(true);
    expect(owner.log.named('connection_status')).toHaveLength(1);
  });

  it('refuses handshake ids that are not safe ids', async () => {
    expect(await refusalOf(url, { session_id: 'bad session' })).toMatchObject({ error_code: 'INVALID_ID', field: 'session_id' });
    expect(await refusalOf(url, { user_id: 'x'.repeat(65) })).toMatchObject({ error_code: 'INVALID_ID', field: 'user_id' });
  });

  it('refuses invalid, forged and expired tokens, and takes the user from a valid one', async () => {
    const exp = nowSeconds() + 600;
    expect(await refusalOf(url, { token: 'not-a-jwt' })).toMatchObject({ error_code: 'INVALID_TOKEN', reason: 'malformed' });
    expect(await refusalOf(url, { token: signHs256({ sub: 'user_42', exp }, 'some-other-secret-of-enough-length') })).toMatchObject({ error_code: 'INVALID_TOKEN' });
    expect(await refusalOf(url, { token: signHs256({ sub: 'user_42', exp: nowSeconds() - 10 }, SECRET) })).toMatchObject({ error_code: 'INVALID_TOKEN', reason: 'expired' });

    const sessionId = sid('verified');
    const client = await connect({ token: signHs256({ sub: 'user_42', exp }, SECRET), user_id: 'claimed_other', session_id: sessionId });
    expect(client.status).toMatchObject({ user_id: 'user_42', authenticated: true, session_id: sessionId });
    await turn(client, 'Hello!');
    expect(await history(sessionId, 'user_42')).toHaveLength(2);
  });

  it('serves the status and ping routes', async () => {
    const client = await connect({ session_id: sid('status') });
    const status = await request(server).get('/ws/status').expect(200);
    expect(status.body.namespaces['/chat'].this_instance.connections).toBeGreaterThanOrEqual(1);
    expect(status.body).toMatchObject({ cluster_source: 'redis', instance_id: expect.any(String) });
    const ping = await request(server).get('/ws/ping').expect(200);
    expect(ping.body).toEqual({ pong: true, server_time: expect.any(String) });
    client.socket.close();
  });
});

describe('Socket.IO /chat limits', () => {
  let t: TestApp;
  let url: string;
  const open: ChatSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('chat-limits'),
        CHAT_RATE_LIMIT_PER_MINUTE: '3',
        WS_MAX_CONNECTIONS_PER_IP: '3',
        WS_HEARTBEAT_SECONDS: '7',
      },
    });
    url = await listen(t);
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.socket.close();
  });
  afterAll(() => t.close());

  it('runs Socket.IO with the ping interval of WS_HEARTBEAT_SECONDS, 64 KB frames (messages over 16 KB are answered MESSAGE_TOO_LONG) and the HTTP CORS policy', async () => {
    const res = await request(t.app.getHttpServer()).get('/socket.io/').query({ EIO: '4', transport: 'polling' }).set('Origin', 'https://fan.example').expect(200);
    expect(JSON.parse(res.text.slice(1))).toMatchObject({ pingInterval: 7_000, maxPayload: 65_536 });
    expect(res.headers['access-control-allow-origin']).toBe('https://fan.example');
  });

  it('limits chat turns per session per minute with RATE_LIMITED, and the connection stays usable', async () => {
    // The limit counts per clock minute: do not start the burst at the very end of one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await sleep(60_000 - intoMinute + 50);
    const client = await connectChat(url, { session_id: sid('rate') });
    open.push(client);
    const acks: Ack[] = [];
    for (const content of ['Hello!', 'What can you do?', 'Which tournaments are available?', 'When does Barcelona play next?']) {
      acks.push(await send(client, { content }));
    }
    expect(acks.map((a) => a.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(acks[3].error_code).toBe('RATE_LIMITED');
    const error = await client.log.next((e) => e.name === 'error' && e.payload.error_code === 'RATE_LIMITED');
    expect(error.payload).toMatchObject({ message_id: acks[3].message_id, data: { limit: 3, retry_after_ms: expect.any(Number) } });
    const metrics = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(sampleSum(metrics.text, 'chatbet_rate_limited_total', { scope: 'ws_chat' })).toBe(1);
    for (const ack of acks.slice(0, 3)) await client.log.turnEnd(ack.message_id!);
    expect(await client.socket.timeout(5_000).emitWithAck('resume', {})).toMatchObject({ replayed: 6 });
    expect(client.socket.connected).toBe(true);
  });

  it('allows at most WS_MAX_CONNECTIONS_PER_IP connections from one address', async () => {
    for (let i = 0; i < 3; i++) open.push(await connectChat(url, { session_id: sid('ip') }));
    expect(await refusalOf(url, { session_id: sid('ip') })).toMatchObject({ error_code: 'RATE_LIMITED', max_connections: 3 });
    const metrics = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(sampleSum(metrics.text, 'chatbet_rate_limited_total', { scope: 'ws_connections' })).toBeGreaterThanOrEqual(1);
    open.pop()!.socket.close();
    await sleep(100);
    open.push(await connectChat(url, { session_id: sid('ip') }));
  });

  it('finishes the answers being written, then closes every socket, when the application closes', async () => {
    const other = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chat-close') } });
    const client = await connectChat(await listen(other), { session_id: sid('close') });
    const messageId = sid('m');
    await send(client, { content: LONG_QUESTION, message_id: messageId });
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    await other.close();
    expect(answersOf(client.log, messageId)).toEqual([expect.objectContaining({ cancelled: false, is_final: true })]);
    await client.log.next((e) => e.name === 'disconnect');
    client.socket.close();
  });
});

describe('Socket.IO /chat admission', () => {
  let t: TestApp;
  let url: string;
  const open: ChatSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chat-busy'), CHAT_MAX_TURNS_IN_FLIGHT: '1' },
    });
    url = await listen(t);
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.socket.close();
  });
  afterAll(() => t.close());

  it('refuses a turn over CHAT_MAX_TURNS_IN_FLIGHT at once with SERVER_BUSY, and the connection stays usable', async () => {
    const busy = await connectChat(url, { session_id: sid('busy') });
    const other = await connectChat(url, { session_id: sid('other') });
    open.push(busy, other);
    const slow = sid('m');
    expect(await send(busy, { content: LONG_QUESTION, message_id: slow })).toEqual({ message_id: slow, status: 'accepted' });
    await busy.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === slow);

    const refusedId = sid('m');
    expect(await send(other, { content: 'When does Barcelona play next?', message_id: refusedId })).toEqual({
      message_id: refusedId,
      status: 'rejected',
      error_code: 'SERVER_BUSY',
    });
    const error = await other.log.next((e) => e.name === 'error' && e.payload.message_id === refusedId);
    expect(error.payload).toMatchObject({ error_code: 'SERVER_BUSY', data: { limit: 1, retry_after_ms: expect.any(Number) } });
    expect(other.log.forMessage(refusedId).filter((e) => e.name === 'typing_indicator')).toEqual([]);
    const metrics = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(sampleSum(metrics.text, 'chatbet_rate_limited_total', { scope: 'chat_busy' })).toBe(1);

    await busy.log.turnEnd(slow);
    // Once the turn in flight is done, the same message (same id: it was not taken) is answered.
    expect(await send(other, { content: 'When does Barcelona play next?', message_id: refusedId })).toEqual({ message_id: refusedId, status: 'accepted' });
    const events = await other.log.turnEnd(refusedId);
    expect(events.find((e) => e.name === 'bot_response')?.payload).toMatchObject({ is_final: true, cancelled: false });
    expect(other.socket.connected).toBe(true);
  });
});
