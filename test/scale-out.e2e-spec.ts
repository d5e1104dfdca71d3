import request from 'supertest';
import { connectChat, listen, type ChatSocket } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Two instances of the application on one Redis, as behind a load balancer: conversations, message
 * ids and rate limits hold across them.
 */
describe('Two instances sharing one Redis', () => {
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('scale') };
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  const clients: ChatSocket[] = [];

  beforeAll(async () => {
    a = await createTestApp({ env });
    b = await createTestApp({ env });
    urlA = await listen(a);
    urlB = await listen(b);
  });
  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await a.close();
    await b.close();
  });

  const connect = async (url: string, auth: Record<string, unknown>) => {
    const client = await connectChat(url, auth);
    clients.push(client);
    return client;
  };

  it('answers a message id once even when the session moves to the other instance and it is sent again', async () => {
    const sessionId = `s_dedup_${Date.now()}`;
    const messageId = `m_scale_${Date.now()}`;
    const onA = await connect(urlA, { session_id: sessionId, user_id: 'scale_user' });
    const ackA = await onA.socket.timeout(5_000).emitWithAck('user_message', { content: 'Hello!', message_id: messageId });
    expect(ackA.status).toBe('accepted');
    await onA.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
    const onB = await connect(urlB, { session_id: sessionId, user_id: 'scale_user' });
    const ackB = await onB.socket.timeout(5_000).emitWithAck('user_message', { content: 'Hello!', message_id: messageId });
    expect(ackB.status).toBe('duplicate');
  });

  it('continues on B a conversation started on A, with its history and follow-up context', async () => {
    const first = await request(a.app.getHttpServer()).post('/api/v1/chat/message').send({ message: 'When does Barcelona play next?', user_id: 'scale_user' }).expect(200);
    const follow = await request(b.app.getHttpServer())
      .post('/api/v1/chat/message')
      .send({ message: 'And Real Madrid?', user_id: 'scale_user', session_id: first.body.session_id })
      .expect(200);
    expect(follow.body.detected_intent).toBe('MATCH_SCHEDULE_QUERY');
    expect(follow.body.message).toContain('Real Madrid');
    const history = await request(b.app.getHttpServer()).get(`/api/v1/chat/history/${first.body.session_id}?user_id=scale_user`).expect(200);
    expect(history.body.messages).toHaveLength(4);
  });

  it('continues a live chat session on B after the client reconnects there: replay, then a follow-up with its context', async () => {
    const sessionId = `s_move_${Date.now()}`;
    const onA = await connect(urlA, { session_id: sessionId, user_id: 'scale_mover' });
    await onA.socket.timeout(5_000).emitWithAck('user_message', { content: 'When does Barcelona play next?', message_id: 'move-1' });
    const firstTurn = await onA.log.turnEnd('move-1');
    const firstAnswer = firstTurn.find((e) => e.name === 'bot_response')!;
    onA.socket.close();

    const onB = await connect(urlB, { session_id: sessionId, user_id: 'scale_mover' });
    expect(await onB.socket.timeout(5_000).emitWithAck('resume', { session_id: sessionId })).toMatchObject({ replayed: 2 });
    await onB.log.next((e) => e.name === 'resume_complete');
    const replayed = onB.log.events.filter((e) => e.name === 'user_message_echo' || (e.name === 'bot_response' && e.payload.replayed === true));
    expect(replayed.map((e) => e.payload.content)).toEqual(['When does Barcelona play next?', firstAnswer.payload.content]);

    await onB.socket.timeout(5_000).emitWithAck('user_message', { content: 'And Real Madrid?', message_id: 'move-2' });
    const followUp = (await onB.log.turnEnd('move-2')).find((e) => e.name === 'bot_response')!;
    expect(followUp.payload.detected_intent).toBe('MATCH_SCHEDULE_QUERY');
    // "And Real Madrid?" alone names no question: B answered it as a schedule question from the context A stored.
    expect(followUp.payload.content).toMatch(/^Real Madrid's next match/);
  });
});

describe('Chat turn limit shared by two instances', () => {
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('scale-limit'), CHAT_RATE_LIMIT_PER_MINUTE: '3' };
  let a: TestApp;
  let b: TestApp;
  const clients: ChatSocket[] = [];

  beforeAll(async () => {
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await a.close();
    await b.close();
  });

  it('counts the turns of one session on both instances together', async () => {
    // The limit counts per clock minute: do not start the burst at the very end of one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
    const sessionId = `s_limit_${Date.now()}`;
    const onA = await connectChat(await listen(a), { session_id: sessionId, user_id: 'scale_user' });
    clients.push(onA);
    const statuses: string[] = [];
    for (const [i, content] of ['Hello!', 'What can you do?'].entries()) {
      const ack = await onA.socket.timeout(5_000).emitWithAck('user_message', { content, message_id: `limit-a${i}` });
      statuses.push(ack.status);
      await onA.log.turnEnd(`limit-a${i}`);
    }
    onA.socket.close();
    const onB = await connectChat(await listen(b), { session_id: sessionId, user_id: 'scale_user' });
    clients.push(onB);
    for (const [i, content] of ['Which tournaments are available?', 'When does Barcelona play next?'].entries()) {
      const ack = await onB.socket.timeout(5_000).emitWithAck('user_message', { content, message_id: `limit-b${i}` });
      statuses.push(ack.status === 'rejected' ? `rejected:${ack.error_code}` : ack.status);
    }
    expect(statuses).toEqual(['accepted', 'accepted', 'accepted', 'rejected:RATE_LIMITED']);
  });
});
