import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { type ChatSocket, connectChat, type EventLog, listen, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { freePort, waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A recommendation: a long answer, streamed in many chunks. */
const LONG_QUESTION = 'What is the safest bet this weekend?';

const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;

type Ack = { message_id: string | null; status: string };

function send(client: ChatSocket, content: string, messageId: string): Promise<Ack> {
  return client.socket.timeout(5_000).emitWithAck('user_message', { content, message_id: messageId }) as Promise<Ack>;
}

function chunksOf(log: EventLog, messageId: string): WirePayload[] {
  return log.forMessage(messageId).filter((e) => e.name === 'streaming_response').map((e) => e.payload);
}

/** Chunks are not replayed (the answer is): those a client got are in order and start the answer. */
function expectInOrderFromFirst(chunks: WirePayload[], answer: string): void {
  const indices = chunks.map((c) => Number(c.index));
  expect(indices[0]).toBe(0);
  expect(indices).toEqual([...indices].sort((a, b) => a - b));
  expect(answer.startsWith(String(chunks[0].content))).toBe(true);
}

function answersOf(log: EventLog, messageId: string): WirePayload[] {
  return log.forMessage(messageId).filter((e) => e.name === 'bot_response').map((e) => e.payload);
}

/** Open network connections and listening servers of this process. */
function openSockets(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'TCPServerWrap').length;
}

// First: the shared client's reconnection back-off (up to 2 s, a timer node-redis keeps) ends while the rest runs.
describe('Socket.IO with Redis configured but unreachable', () => {
  it('starts, serves and replaces connections on its own, and stops without leaving connections open', async () => {
    const before = openSockets();
    const t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, REDIS_KEY_PREFIX: uniquePrefix('sio-down') } });
    const url = await listen(t);
    const sessionId = sid('down');
    const first = await connectChat(url, { session_id: sessionId, user_id: 'sio_user' });
    const second = await connectChat(url, { session_id: sessionId, user_id: 'sio_user' });
    await first.log.next((e) => e.name === 'connection_status' && e.payload.status === 'replaced');
    await first.log.next((e) => e.name === 'disconnect');
    expect(second.socket.connected).toBe(true);

    await t.close();
    await second.log.next((e) => e.name === 'disconnect');
    for (const client of [first, second]) client.socket.close();
    await waitFor(() => openSockets() <= before, 5_000);
  });

});

/**
 * Two instances on one Redis with the Socket.IO Redis Streams adapter, as behind a load balancer
 * without stickiness: a session's sockets are found, told and reached on whichever instance they are.
 */
describe('Socket.IO across two instances (Redis Streams adapter)', () => {
  const prefix = uniquePrefix('sio-scale');
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, WS_MAX_CONNECTIONS_PER_IP: '50' };
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  const open: ChatSocket[] = [];

  // One owner throughout: a session is reached again, on either instance, through its owner.
  const connect = async (url: string, auth: Record<string, unknown>, options: { reconnection?: boolean } = {}) => {
    const client = await connectChat(url, { user_id: 'sio_user', ...auth }, options);
    open.push(client);
    return client;
  };

  async function history(sessionId: string): Promise<Array<{ role: string; content: string; replyTo?: string }>> {
    const res = await request(b.app.getHttpServer()).get(`/api/v1/chat/history/${sessionId}`).query({ limit: 100, user_id: 'sio_user' }).expect(200);
    return res.body.messages;
  }

  beforeAll(async () => {
    a = await createTestApp({ env });
    b = await createTestApp({ env });
    urlA = await listen(a);
    urlB = await listen(b);
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.socket.close();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('replaces a client on A when its session connects on B: A is told, then disconnected', async () => {
    const sessionId = sid('replace');
    const onA = await connect(urlA, { session_id: sessionId });
    const onB = await connect(urlB, { session_id: sessionId });

    const replaced = await onA.log.next((e) => e.name === 'connection_status' && e.payload.status === 'replaced');
    expect(replaced.payload).toMatchObject({ session_id: sessionId });
    const disconnect = await onA.log.next((e) => e.name === 'disconnect');
    expect(disconnect.payload.reason).toBe('io server disconnect');
    // The notice came before the close, not lost to it.
    expect(onA.log.events.indexOf(replaced)).toBeLessThan(onA.log.events.indexOf(disconnect));
    expect(onB.socket.connected).toBe(true);
    expect(onB.log.named('connection_status').map((e) => e.payload.status)).toEqual(['connected']);
  });

  it('delivers to the client on B the answer of a turn still running on A, which stores it once', async () => {
    const sessionId = sid('handover');
    const messageId = sid('m');
    const onA = await connect(urlA, { session_id: sessionId });
    expect(await send(onA, LONG_QUESTION, messageId)).toEqual({ message_id: messageId, status: 'accepted' });
    await onA.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);

    const onB = await connect(urlB, { session_id: sessionId });
    await onA.log.next((e) => e.name === 'disconnect');
    const answer = await onB.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
    await onB.log.turnEnd(messageId);

    expect(answer.payload).toMatchObject({ is_final: true, cancelled: false, session_id: sessionId });
    // B ran no turn: the answer its client got was emitted on A, through the adapter (streamed
    // chunks stay on the instance that writes them; the answer carries all of it).
    const stored = await history(sessionId);
    expect(stored.filter((m) => m.role === 'assistant')).toEqual([expect.objectContaining({ replyTo: messageId, content: answer.payload.content })]);
  });

  it('recovers a connection dropped mid-answer, with the events it missed', async () => {
    const sessionId = sid('recover');
    const messageId = sid('m');
    const client = await connect(urlA, { session_id: sessionId }, { reconnection: true });
    await send(client, LONG_QUESTION, messageId);
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    // A network failure (not a goodbye): the client reconnects by itself and recovers its state.
    client.socket.io.engine.close();
    await client.log.next((e) => e.name === 'connection_status' && e.payload.resumed === true);
    await client.log.turnEnd(messageId);

    const answers = answersOf(client.log, messageId);
    expect(answers).toHaveLength(1);
    expect(answers[0].cancelled).toBe(false);
    expectInOrderFromFirst(chunksOf(client.log, messageId), String(answers[0].content));
  });

  it('recovers on B a connection that dropped from A mid-answer, with the events it missed', async () => {
    const sessionId = sid('recover-b');
    const messageId = sid('m');
    const client = await connect(urlA, { session_id: sessionId }, { reconnection: true });
    await send(client, LONG_QUESTION, messageId);
    await client.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === messageId);
    // What a load balancer does when A's connection breaks: the reconnection lands on B.
    (client.socket.io as unknown as { uri: string }).uri = urlB;
    client.socket.io.engine.close();
    const resumed = await client.log.next((e) => e.name === 'connection_status' && e.payload.resumed === true);
    expect(resumed.payload.session_id).toBe(sessionId);
    await client.log.turnEnd(messageId);

    const answers = answersOf(client.log, messageId);
    expect(answers).toHaveLength(1);
    expectInOrderFromFirst(chunksOf(client.log, messageId), String(answers[0].content));
    expect(await history(sessionId)).toEqual([
      expect.objectContaining({ role: 'user', content: LONG_QUESTION }),
      expect.objectContaining({ role: 'assistant', replyTo: messageId, content: answers[0].content }),
    ]);
  });

  it('closes an instance running the adapter without leaving connections open', async () => {
    const before = openSockets();
    const c = await createTestApp({ env });
    const client = await connectChat(await listen(c), { session_id: sid('close') });
    expect(openSockets()).toBeGreaterThan(before);
    await c.close();
    await client.log.next((e) => e.name === 'disconnect');
    client.socket.close();
    await waitFor(() => openSockets() <= before, 5_000);
  });
});
