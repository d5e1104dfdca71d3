import request from 'supertest';
import { connectChat, listen, type ChatSocket } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Two instances of the application on one Redis, as behind a load balancer: conversations and message
 * ids hold across them. (Socket.IO rooms across instances need the Redis Streams adapter: not yet.)
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
    const onA = await connect(urlA, { session_id: sessionId });
    const ackA = await onA.socket.timeout(5_000).emitWithAck('user_message', { content: 'Hello!', message_id: messageId });
    expect(ackA.status).toBe('accepted');
    await onA.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
    const onB = await connect(urlB, { session_id: sessionId });
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
});
