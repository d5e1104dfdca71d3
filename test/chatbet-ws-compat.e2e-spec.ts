import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ChatWs, chatWs, listen, type ReceivedEvent, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A client written to the original ChatBet WebSocket protocol (../shared/CHATBET_WS_PROTOCOL.md), as
 * the ChatBet web client behaves: it makes up its own `chatbet_user_<uuid>`, sends no token, puts a
 * placeholder user in its frames and adds `timestamp` and `metadata`. Frames are written out as
 * JSON text, exactly as such a client puts them on the wire.
 */
const PLACEHOLDER_USER = 'user_123';
const ORIGINAL_FEATURES = ['streaming_responses', 'typing_indicators', 'sports_updates', 'ping_pong'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const userMessageFrame = (content: string, sessionId: string, messageId: string) =>
  `{"type":"user_message","content":${JSON.stringify(content)},"session_id":"${sessionId}","message_id":"${messageId}","user_id":"${PLACEHOLDER_USER}","timestamp":"${new Date().toISOString()}","metadata":{"source":"web","client":"angular","language":"en-US"}}`;
const typingFrame = (sessionId: string) => `{"type":"typing","is_typing":true,"session_id":"${sessionId}","timestamp":"${new Date().toISOString()}","message_id":"${randomUUID()}"}`;
const pingFrame = (timestamp: string) => `{"type":"ping","timestamp":"${timestamp}"}`;

interface ReferenceClient extends ChatWs {
  userId: string;
  sessionId: string;
}

async function connectReference(wsBase: string, userId: string, sessionId?: string): Promise<ReferenceClient> {
  const query = new URLSearchParams({ user_id: userId, ...(sessionId && { session_id: sessionId }) });
  const client = chatWs(`${wsBase}/ws/chat?${query}`);
  const created = await client.log.next((e) => e.name === 'session_created' || e.name === 'error');
  if (created.name === 'error') throw new Error(`refused: ${JSON.stringify(created.payload)}`);
  return { ...client, userId, sessionId: String(created.payload.session_id) };
}

/** One question and its whole answer, as the reference client sees it. */
async function ask(client: ReferenceClient, content: string): Promise<{ messageId: string; frames: ReceivedEvent[]; answer: WirePayload }> {
  const messageId = randomUUID();
  client.send(userMessageFrame(content, client.sessionId, messageId));
  const frames = await client.log.turnEnd(messageId, 15_000);
  return { messageId, frames, answer: frames.find((f) => f.name === 'bot_response')!.payload };
}

/** Every field the reference gives each frame of a turn, with its type, and the frames in the reference's order. */
function expectOriginalTurn(client: ReferenceClient, messageId: string, frames: ReceivedEvent[]): void {
  const chunks = frames.filter((f) => f.name === 'streaming_response').map((f) => f.payload);
  expect(frames.map((f) => f.name)).toEqual([
    'message_ack',
    'typing',
    'streaming_start',
    ...chunks.map(() => 'streaming_response'),
    'streaming_end',
    'bot_response',
    'typing',
  ]);
  for (const { payload } of frames) {
    expect(payload).toMatchObject({ type: expect.any(String), session_id: client.sessionId, message_id: messageId });
    expect(payload.timestamp).toMatch(ISO_TIME);
  }
  const [, typingOn, start] = frames;
  expect(typingOn.payload).toMatchObject({ is_typing: true });
  expect(typingOn.payload).toHaveProperty('estimated_time_seconds');
  expect(start.payload).toHaveProperty('estimated_tokens');
  expect(start.payload).toHaveProperty('detected_intent');
  expect(chunks.length).toBeGreaterThan(0);
  let soFar = '';
  chunks.forEach((chunk, index) => {
    soFar += String(chunk.content);
    expect(chunk).toMatchObject({ content: expect.any(String), full_content: soFar, is_final: false, chunk_index: index });
  });
  const end = frames.find((f) => f.name === 'streaming_end')!.payload;
  expect(end).toMatchObject({
    final_content: soFar,
    total_chunks: chunks.length,
    response_time_ms: expect.any(Number),
    token_count: expect.any(Number),
    suggested_actions: expect.any(Array),
  });
  const answer = frames.find((f) => f.name === 'bot_response')!.payload;
  expect(answer).toMatchObject({
    content: soFar,
    detected_intent: expect.stringMatching(/^[a-z_]+$/),
    intent_confidence: expect.any(Number),
    response_time_ms: expect.any(Number),
    token_count: expect.any(Number),
    suggested_actions: expect.any(Array),
    is_final: true,
  });
  expect(Array.isArray(answer.function_calls_made)).toBe(true);
  for (const name of answer.function_calls_made as unknown[]) expect(typeof name).toBe('string');
  expect(frames.at(-1)!.payload.is_typing).toBe(false);
}

function expectNoError(client: ChatWs): void {
  expect(client.log.named('error').map((e) => e.payload)).toEqual([]);
  expect(client.log.named('message_ack').map((e) => e.payload.status)).not.toContain('rejected');
}

describe('original ChatBet web clients on /ws/chat', () => {
  const prefix = uniquePrefix('chatbet-compat');
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, WS_MAX_CONNECTIONS_PER_IP: '50' };
  let t: TestApp;
  let wsBase: string;
  const open: ChatWs[] = [];

  const connect = async (userId = `chatbet_user_${randomUUID()}`, sessionId?: string) => {
    const client = await connectReference(wsBase, userId, sessionId);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ env });
    wsBase = (await listen(t)).replace('http', 'ws');
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.ws.close();
  });
  afterAll(() => t.close());

  it('issues the token the web client asks for first, from the page on another origin', async () => {
    const pageOrigin = 'http://localhost:4200';
    const preflight = await request(t.app.getHttpServer())
      .options('/api/v1/auth/generate_token')
      .set('Origin', pageOrigin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(pageOrigin);
    const issued = await request(t.app.getHttpServer()).post('/api/v1/auth/generate_token').set('Origin', pageOrigin).send({}).expect(200);
    expect(issued.headers['access-control-allow-origin']).toBe(pageOrigin);
    expect(issued.body).toMatchObject({ token: expect.any(String), token_type: 'bearer' });
  });

  it('greets with connection_ack and session_created carrying the original fields, for the user named in the URL', async () => {
    const client = await connect();
    const [ack, created] = client.log.events;
    expect(ack.payload).toMatchObject({ type: 'connection_ack', session_id: client.sessionId, client_id: expect.any(String), message_id: expect.any(String) });
    expect(ack.payload.server_time).toMatch(ISO_TIME);
    expect(ack.payload.supported_features).toEqual(expect.arrayContaining(ORIGINAL_FEATURES));
    expect(created.payload).toMatchObject({ type: 'session_created', session_id: client.sessionId, user_id: client.userId, session_data: expect.any(Object) });
    expect(created.payload.timestamp).toMatch(ISO_TIME);
    expect(client.log.events.map((e) => e.name)).toEqual(['connection_ack', 'session_created']);
  });

  it('answers a user_message with every original field and a placeholder user_id, streamed in the original frames, with no error', async () => {
    const client = await connect();
    const { messageId, frames, answer } = await ask(client, 'When does Barcelona play next?');
    expectOriginalTurn(client, messageId, frames);
    expect(answer.detected_intent).toBe('match_schedule_query');
    expect(String(answer.content)).toContain('Barcelona');
    expectNoError(client);
  });

  it('ignores unknown fields, a client typing frame and a ping with timestamp, answering the ping with ping_timestamp', async () => {
    const client = await connect();
    client.send(typingFrame(client.sessionId));
    const sentAt = new Date().toISOString();
    client.send(pingFrame(sentAt));
    const pong = await client.log.next((e) => e.name === 'pong');
    expect(pong.payload).toMatchObject({ type: 'pong', ping_timestamp: sentAt, session_id: client.sessionId });
    expect(pong.payload.timestamp).toMatch(ISO_TIME);

    const messageId = randomUUID();
    client.send(
      `{"type":"user_message","content":"Hello!","session_id":"${client.sessionId}","message_id":"${messageId}","user_id":"${PLACEHOLDER_USER}","timestamp":"${sentAt}","metadata":{"source":"web"},"client_version":"2.3.1","priority":"high","attachments":[],"session_id_hint":null}`,
    );
    const frames = await client.log.turnEnd(messageId);
    expectOriginalTurn(client, messageId, frames);
    client.send(`{"type":"ping","timestamp":"${sentAt}","extra":{"nested":true}}`);
    await client.log.next((e) => e.name === 'pong' && e.payload !== pong.payload);
    expectNoError(client);
    // The typing frame was taken in silence: the only answers are to the pings and the message.
    expect(new Set(client.log.events.map((e) => e.name))).toEqual(
      new Set(['connection_ack', 'session_created', 'pong', 'message_ack', 'typing', 'streaming_start', 'streaming_response', 'streaming_end', 'bot_response']),
    );
  });

  it('answers a repeated message_id once: the resend gets the stored answer replayed, not a second turn', async () => {
    const client = await connect();
    const messageId = randomUUID();
    const frame = userMessageFrame('Hello!', client.sessionId, messageId);
    client.send(frame);
    await client.log.turnEnd(messageId);
    client.send(frame);
    await client.log.next((e) => e.name === 'message_ack' && e.payload.status === 'duplicate');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answers = client.log.named('bot_response');
    // One live answer; the retry gets the same stored answer back, marked as replayed.
    expect(answers.filter((a) => a.payload.replayed !== true)).toHaveLength(1);
    expect(answers.filter((a) => a.payload.replayed === true).map((a) => a.payload.content)).toEqual([answers[0]?.payload.content]);
    expect(client.log.named('streaming_start')).toHaveLength(1);
    expectNoError(client);
  });

  it('chats in English with a follow-up: "When does Barcelona play next?" then "And the odds?"', async () => {
    const client = await connect();
    const first = await ask(client, 'When does Barcelona play next?');
    expectOriginalTurn(client, first.messageId, first.frames);
    expect(first.answer.detected_intent).toBe('match_schedule_query');
    const odds = await ask(client, 'And the odds?');
    expectOriginalTurn(client, odds.messageId, odds.frames);
    expect(odds.answer.detected_intent).toBe('odds_information_query');
    expect(String(odds.answer.content)).toContain('Barcelona');
    expect(odds.answer.function_calls_made).toEqual(expect.arrayContaining([expect.stringMatching(/odds/)]));
    expectNoError(client);
  });

  it('chats in Spanish with a follow-up: "¿Cuándo juega el Real Madrid?" then "¿y las cuotas?"', async () => {
    const client = await connect();
    const first = await ask(client, '¿Cuándo juega el Real Madrid?');
    expectOriginalTurn(client, first.messageId, first.frames);
    expect(first.answer).toMatchObject({ detected_intent: 'match_schedule_query', language: 'es' });
    expect(String(first.answer.content)).toContain('Real Madrid');
    const odds = await ask(client, '¿y las cuotas?');
    expectOriginalTurn(client, odds.messageId, odds.frames);
    expect(odds.answer).toMatchObject({ detected_intent: 'odds_information_query', language: 'es' });
    expect(String(odds.answer.content)).toContain('Real Madrid');
    expectNoError(client);
  });

  it('answers in session_resumed how far the conversation is when a connection names a session its user has', async () => {
    const first = await connect();
    await ask(first, 'When does Barcelona play next?');
    first.ws.close();
    const back = await connect(first.userId, first.sessionId);
    const resumed = await back.log.next((e) => e.name === 'session_resumed');
    expect(resumed.payload).toMatchObject({ session_id: first.sessionId, user_id: first.userId, message_count: 2 });
    expect(resumed.payload.last_activity).toMatch(ISO_TIME);
    const odds = await ask(back, 'And the odds?');
    expect(String(odds.answer.content)).toContain('Barcelona');
    expectNoError(back);
  });

  it("never lets a frame's user_id or session_id read or write another user's session", async () => {
    const alice = await connect();
    await ask(alice, 'When does Arsenal play next?');
    const aliceFramesBefore = alice.log.events.length;

    const mallory = await connect();
    const messageId = randomUUID();
    // Alice's user and session named in the frame: the message is Mallory's, in Mallory's session.
    mallory.send(
      `{"type":"user_message","content":"And the odds?","session_id":"${alice.sessionId}","message_id":"${messageId}","user_id":"${alice.userId}","timestamp":"${new Date().toISOString()}"}`,
    );
    const frames = await mallory.log.turnEnd(messageId);
    for (const { payload } of frames) expect(payload.session_id).toBe(mallory.sessionId);
    // Without Alice's context, "And the odds?" names no match: nothing of hers leaked into the answer.
    expect(String(frames.find((f) => f.name === 'bot_response')!.payload.content)).not.toContain('Arsenal');
    mallory.send(`{"type":"resume","session_id":"${alice.sessionId}","user_id":"${alice.userId}"}`);
    await mallory.log.next((e) => e.name === 'resume_complete');
    const replayed = mallory.log.events.filter((e) => e.payload.replayed === true).map((e) => e.payload.content);
    expect(replayed).toEqual(['And the odds?', frames.find((f) => f.name === 'bot_response')!.payload.content]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alice.log.events.length).toBe(aliceFramesBefore);

    // Alice's conversation is as she left it: two messages.
    alice.ws.close();
    const aliceBack = await connect(alice.userId, alice.sessionId);
    expect((await aliceBack.log.next((e) => e.name === 'session_resumed')).payload.message_count).toBe(2);
    // And Mallory cannot open it by naming it in the URL either.
    const refused = chatWs(`${wsBase}/ws/chat?user_id=${mallory.userId}&session_id=${alice.sessionId}`);
    open.push(refused);
    expect((await refused.log.next((e) => e.name === 'error')).payload).toMatchObject({ error_code: 'SESSION_FORBIDDEN', error_message: expect.any(String), details: expect.any(Object) });
    expect((await refused.closed).code).toBe(4403);
  });
});

describe('original ChatBet web clients across a server restart', () => {
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chatbet-restart') };

  it('reconnect without session_id to a new working session, and with it to the same conversation', async () => {
    const before = await createTestApp({ env });
    let after: TestApp | undefined;
    const clients: ChatWs[] = [];
    try {
      const wsBefore = (await listen(before)).replace('http', 'ws');
      const forgetful = await connectReference(wsBefore, `chatbet_user_${randomUUID()}`);
      const faithful = await connectReference(wsBefore, `chatbet_user_${randomUUID()}`);
      clients.push(forgetful, faithful);
      await ask(forgetful, 'When does Barcelona play next?');
      await ask(faithful, '¿Cuándo juega el Real Madrid?');

      await before.close();
      for (const client of [forgetful, faithful]) {
        expect((await client.closed).code).toBe(1001);
        expect(client.log.named('server_shutdown')).toHaveLength(1);
      }

      after = await createTestApp({ env });
      const wsAfter = (await listen(after)).replace('http', 'ws');
      const fresh = await connectReference(wsAfter, forgetful.userId);
      clients.push(fresh);
      expect(fresh.sessionId).not.toBe(forgetful.sessionId);
      expect(fresh.log.named('session_resumed')).toEqual([]);
      const hello = await ask(fresh, 'When does Barcelona play next?');
      expectOriginalTurn(fresh, hello.messageId, hello.frames);
      expectNoError(fresh);

      const continued = await connectReference(wsAfter, faithful.userId, faithful.sessionId);
      clients.push(continued);
      expect(continued.sessionId).toBe(faithful.sessionId);
      expect((await continued.log.next((e) => e.name === 'session_resumed')).payload.message_count).toBe(2);
      const odds = await ask(continued, '¿y las cuotas?');
      expectOriginalTurn(continued, odds.messageId, odds.frames);
      expect(odds.answer.detected_intent).toBe('odds_information_query');
      expect(String(odds.answer.content)).toContain('Real Madrid');
      expectNoError(continued);
    } finally {
      for (const client of clients) client.ws.close();
      await after?.close();
      await before.close().catch(() => undefined);
    }
  }, 30_000);
});

describe('original ChatBet web clients told to wait', () => {
  it('get error frames with error_code, error_message, details and retry_after_seconds, next to our content and data', async () => {
    const t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chatbet-limit'), CHAT_RATE_LIMIT_PER_MINUTE: '1' } });
    const clients: ChatWs[] = [];
    try {
      const wsBase = (await listen(t)).replace('http', 'ws');
      const client = await connectReference(wsBase, `chatbet_user_${randomUUID()}`);
      clients.push(client);
      await ask(client, 'Hello!');
      const messageId = randomUUID();
      client.send(userMessageFrame('When does Barcelona play next?', client.sessionId, messageId));
      const error = await client.log.next((e) => e.name === 'error');
      expect(error.payload).toMatchObject({
        type: 'error',
        session_id: client.sessionId,
        message_id: messageId,
        error_code: 'RATE_LIMITED',
        error_message: expect.any(String),
        details: expect.any(Object),
        retry_after_seconds: expect.any(Number),
        content: expect.any(String),
        data: expect.any(Object),
      });
      expect(error.payload.retry_after_seconds).toBeGreaterThan(0);
      expect(error.payload.timestamp).toMatch(ISO_TIME);
    } finally {
      for (const client of clients) client.ws.close();
      await t.close();
    }
  });
});
