import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import request from 'supertest';
import WebSocket, { WebSocketServer } from 'ws';
import { type ChatWs, chatWs, connectChat, connectWs, listen, type ReceivedEvent, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { nowSeconds, signHs256 } from './support/jwt.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'chat-ws-test-secret-0123456789abcdefghij';
const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('plain WebSocket /ws/chat', () => {
  const prefix = uniquePrefix('chat-ws');
  let t: TestApp;
  let base: string;
  let wsBase: string;
  const open: ChatWs[] = [];

  async function connect(path = '/ws/chat', query: Record<string, string> = {}) {
    const qs = new URLSearchParams(query).toString();
    const client = await connectWs(`${wsBase}${path}${qs ? `?${qs}` : ''}`);
    open.push(client);
    return client;
  }

  /** Sends a user message and waits for the end of its turn; returns the turn's messages. */
  async function turn(client: ChatWs, content: string, messageId = sid('m')): Promise<ReceivedEvent[]> {
    client.send({ type: 'user_message', content, message_id: messageId });
    return client.log.turnEnd(messageId);
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SECRET_KEY: SECRET, WS_MAX_CONNECTIONS_PER_IP: '50' } });
    base = await listen(t);
    wsBase = base.replace('http', 'ws');
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.ws.close();
  });
  afterAll(() => t.close());

  it('opens with connection_ack then session_created, every message carrying timestamp, session_id and message_id', async () => {
    const client = await connect('/ws/chat', { user_id: 'ws_user' });
    const [ack, created] = client.log.events;
    expect(ack.name).toBe('connection_ack');
    expect(ack.payload).toMatchObject({
      session_id: client.sessionId,
      server_time: expect.any(String),
      supported_features: expect.arrayContaining(['streaming', 'cancel', 'resume']),
      timestamp: expect.any(String),
      message_id: expect.any(String),
    });
    expect(created.payload).toMatchObject({ type: 'session_created', session_id: client.sessionId, user_id: 'ws_user', timestamp: expect.any(String), message_id: expect.any(String) });
  });

  it('answers a user_message with typing, streaming_start, chunks, streaming_end, bot_response and typing off', async () => {
    const client = await connect();
    const messageId = sid('m');
    const events = await turn(client, 'What is the safest bet this weekend?', messageId);
    const names = events.map((e) => e.name);
    const chunks = events.filter((e) => e.name === 'streaming_response').map((e) => e.payload);
    expect(names).toEqual(['message_ack', 'typing', 'streaming_start', ...chunks.map(() => 'streaming_response'), 'streaming_end', 'bot_response', 'typing']);
    expect(events[0].payload).toMatchObject({ status: 'accepted' });
    expect(events[1].payload.is_typing).toBe(true);
    expect(events.at(-1)!.payload.is_typing).toBe(false);
    // The first token goes out at once, later ones are joined into a chunk every few milliseconds.
    expect(chunks.length).toBeGreaterThan(1);
    let soFar = '';
    chunks.forEach((chunk, i) => {
      soFar += chunk.content;
      expect(chunk).toMatchObject({ chunk_index: i, is_final: false, full_content: soFar });
    });
    const end = events.find((e) => e.name === 'streaming_end')!.payload;
    const answer = events.find((e) => e.name === 'bot_response')!.payload;
    expect(end).toMatchObject({ final_content: soFar, response_time_ms: expect.any(Number), suggested_actions: expect.any(Array), token_count: expect.any(Number) });
    expect(answer).toMatchObject({ content: soFar, is_final: true, detected_intent: 'betting_recommendation' });
    for (const event of events) {
      expect(event.payload).toMatchObject({ message_id: messageId, session_id: client.sessionId, timestamp: expect.any(String) });
    }
  });

  it('answers ping with pong', async () => {
    const client = await connect();
    client.send({ type: 'ping' });
    const pong = await client.log.next((e) => e.name === 'pong');
    expect(pong.payload).toMatchObject({ session_id: client.sessionId, server_time: expect.any(String), timestamp: expect.any(String), message_id: expect.any(String) });
  });

  it.each([
    ['not JSON', 'INVALID_JSON', '{"type": "user_message", '],
    ['plain text', 'INVALID_JSON', 'hello'],
    ['a JSON string', 'INVALID_MESSAGE_FORMAT', '"hello"'],
    ['no type', 'INVALID_MESSAGE_FORMAT', { content: 'Hello!' }],
    ['an unknown type', 'INVALID_MESSAGE_FORMAT', { type: 'shout', content: 'Hello!' }],
    ['content of the wrong type', 'INVALID_MESSAGE_FORMAT', { type: 'user_message', content: ['Hello!'] }],
    ['content over 2,000 characters', 'MESSAGE_TOO_LONG', { type: 'user_message', content: 'a'.repeat(2_001) }],
    ['a frame over 16 KB', 'MESSAGE_TOO_LONG', { type: 'user_message', content: 'a'.repeat(20_000) }],
  ])('answers %s with error %s and keeps the connection', async (_label, code, frame) => {
    const client = await connect();
    client.send(frame);
    const error = await client.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: code, content: expect.any(String), data: expect.any(Object), session_id: client.sessionId, timestamp: expect.any(String) });
    const events = await turn(client, 'Hello!');
    expect(events.some((e) => e.name === 'bot_response')).toBe(true);
  });

  it('acknowledges a repeated message_id as duplicate, answers it once and sends the stored answer again', async () => {
    const client = await connect();
    const messageId = sid('m');
    await turn(client, 'Hello!', messageId);
    client.send({ type: 'user_message', content: 'Hello!', message_id: messageId });
    const acks = await waitFor(() => client.log.named('message_ack').length === 2, 5_000).then(() => client.log.named('message_ack'));
    expect(acks.map((a) => a.payload.status)).toEqual(['accepted', 'duplicate']);
    await sleep(200);
    const answers = client.log.named('bot_response').map((e) => e.payload);
    expect(answers.map((a) => Boolean(a.replayed))).toEqual([false, true]);
    expect(answers[1].content).toBe(answers[0].content);
  });

  it('opens the session named in the path /ws/chat/{session_id}', async () => {
    const sessionId = sid('path');
    const client = await connect(`/ws/chat/${sessionId}`, { user_id: 'ws_path_user' });
    expect(client.sessionId).toBe(sessionId);
    await turn(client, 'Hello!');
    const history = await request(t.app.getHttpServer()).get(`/api/v1/chat/history/${sessionId}?user_id=ws_path_user`).expect(200);
    expect(history.body.count).toBe(2);
  });

  it('replaces an older connection of the session, closing it with 4001 (also across transports)', async () => {
    const sessionId = sid('replace');
    // The same owner (by its user_id) on each: a stranger could not take the session over.
    const old = await connect(`/ws/chat/${sessionId}`, { user_id: 'ws_replacer' });
    const fresh = await connect('/ws/chat', { session_id: sessionId, user_id: 'ws_replacer' });
    const status = await old.log.next((e) => e.name === 'connection_status');
    expect(status.payload).toMatchObject({ status: 'replaced', session_id: sessionId });
    expect((await old.closed).code).toBe(4001);

    const socketIo = await connectChat(base, { session_id: sessionId, user_id: 'ws_replacer' });
    expect((await fresh.closed).code).toBe(4001);
    socketIo.socket.close();
  });

  it('cancels a turn: streaming_end and bot_response say cancelled', async () => {
    const client = await connect();
    const messageId = sid('m');
    client.send({ type: 'user_message', content: 'What is the safest bet this weekend?', message_id: messageId });
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    client.send({ type: 'cancel', message_id: messageId });
    expect((await client.log.next((e) => e.name === 'cancel_ack')).payload).toMatchObject({ message_id: messageId, status: 'cancelling' });
    const events = await client.log.turnEnd(messageId);
    const produced = events.filter((e) => e.name === 'streaming_response').map((e) => e.payload.content).join('');
    expect(events.find((e) => e.name === 'streaming_end')!.payload).toMatchObject({ cancelled: true, final_content: produced });
    expect(events.find((e) => e.name === 'bot_response')!.payload).toMatchObject({ cancelled: true, content: produced });
  });

  it('replays after last_message_id on resume, and on connect when the query names it', async () => {
    const sessionId = sid('resume');
    const client = await connect(`/ws/chat/${sessionId}`, { user_id: 'ws_resumer' });
    const [first, second] = [sid('m1'), sid('m2')];
    await turn(client, 'Hello!', first);
    await turn(client, 'What can you do?', second);
    client.send({ type: 'resume', last_message_id: first });
    const done = await client.log.next((e) => e.name === 'resume_complete');
    expect(done.payload).toMatchObject({ replayed: 2, last_message_id: first, session_id: sessionId });
    const echoed = client.log.named('user_message_echo');
    expect(echoed.map((e) => e.payload.message_id)).toEqual([second]);

    const back = await connect(`/ws/chat/${sessionId}`, { user_id: 'ws_resumer', last_message_id: first });
    await back.log.next((e) => e.name === 'resume_complete');
    expect(back.log.events.map((e) => e.name)).toEqual(['connection_ack', 'session_created', 'session_resumed', 'user_message_echo', 'bot_response', 'resume_complete']);
  });

  it('takes the user from a valid ?token= and refuses a bad one with an error and close code 4401', async () => {
    const token = signHs256({ sub: 'ws_verified', exp: nowSeconds() + 600 }, SECRET);
    const client = await connect('/ws/chat', { token, user_id: 'someone_else' });
    expect(client.log.named('session_created')[0].payload.user_id).toBe('ws_verified');

    const refused = chatWs(`${wsBase}/ws/chat?token=${signHs256({ sub: 'x', exp: nowSeconds() - 5 }, SECRET)}`);
    const error = await refused.log.next((e) => e.name === 'error');
    expect(error.payload).toMatchObject({ error_code: 'INVALID_TOKEN', data: { reason: 'expired' } });
    expect((await refused.closed).code).toBe(4401);
  });

  it('leaves upgrades of other paths to their own handlers', async () => {
    // Another WebSocket endpoint on the same HTTP server, as /ws/sports-updates is.
    const other = new WebSocketServer({ noServer: true });
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url !== '/ws/elsewhere') return;
      other.handleUpgrade(req, socket, head, (ws) => ws.send('elsewhere says hi'));
    };
    t.app.getHttpServer().on('upgrade', onUpgrade);
    try {
      const ws = new WebSocket(`${wsBase}/ws/elsewhere`);
      const greeting = await new Promise<string>((resolve, reject) => {
        ws.once('message', (data) => resolve(String(data)));
        ws.once('error', reject);
      });
      expect(greeting).toBe('elsewhere says hi');
      ws.close();
      for (const path of ['/ws/chatter', '/ws/chat/a/b']) {
        const stray = chatWs(`${wsBase}${path}`);
        await stray.closed;
        expect(stray.log.events).toEqual([]);
      }
    } finally {
      t.app.getHttpServer().off('upgrade', onUpgrade);
      other.close();
    }
  });

  it('counts connections and sessions per endpoint in GET /ws/status, on this instance and across instances', async () => {
    const second = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SECRET_KEY: SECRET } });
    let secondOpen = true;
    try {
      const secondWs = (await listen(second)).replace('http', 'ws');
      const sessionId = sid('status');
      await connect(`/ws/chat/${sessionId}`);
      await connect();
      const remote = await connectWs(`${secondWs}/ws/chat`);
      open.push(remote);
      const socketIo = await connectChat(base, {});
      let body: { namespaces: Record<string, { this_instance: WirePayload; all_instances: WirePayload }>; cluster_source: string } | undefined;
      await waitFor(async () => {
        body = (await request(t.app.getHttpServer()).get('/ws/status').expect(200)).body;
        return body!.namespaces['/ws/chat'].all_instances.connections === 3;
      }, 5_000);
      expect(body!.cluster_source).toBe('redis');
      expect(body!.namespaces['/ws/chat']).toEqual({
        this_instance: { connections: 2, sessions: 2 },
        all_instances: { connections: 3, sessions: 3, instances: 2 },
      });
      expect(body!.namespaces['/chat'].this_instance).toEqual({ connections: 1, sessions: 1 });
      socketIo.socket.close();

      // Closing an instance says goodbye to its WebSocket clients and takes it out of the totals.
      secondOpen = false;
      await second.close();
      expect((await remote.closed).code).toBe(1001);
      const after = (await request(t.app.getHttpServer()).get('/ws/status').expect(200)).body;
      expect(after.namespaces['/ws/chat'].all_instances).toEqual({ connections: 2, sessions: 2, instances: 1 });
    } finally {
      if (secondOpen) await second.close();
    }
  });
});
