import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { connectWs, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** No accepted message is lost when an instance stops (issue #12, point 4). */
const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const USER = 'shutdown_racer';

describe('Security: a message racing a shutdown is answered or refused, never dropped', () => {
  const prefix = uniquePrefix('sec-shutdown');
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
  let survivor: TestApp;
  let survivorWs: string;

  beforeAll(async () => {
    survivor = await createTestApp({ env });
    survivorWs = (await listen(survivor)).replace('http', 'ws');
  });
  afterAll(() => survivor.close());

  async function storedAnswerTo(sessionId: string, messageId: string): Promise<boolean> {
    const res = await request(survivor.app.getHttpServer()).get(`/api/v1/chat/history/${sessionId}`).query({ user_id: USER, limit: 100 });
    if (res.status === 404) return false;
    return (res.body.messages as Array<{ role: string; replyTo?: string }>).some((m) => m.role === 'assistant' && m.replyTo === messageId);
  }

  it.each([0, 0, 1, 1, 2, 2, 3, 3])('a message sent %i ms before the instance stops while another answer streams', async (offsetMs) => {
    const dying = await createTestApp({ env });
    const sessionId = sid('race');
    const messageId = sid('m');
    const client = await connectWs(`${(await listen(dying)).replace('http', 'ws')}/ws/chat/${sessionId}?user_id=${USER}`);
    // Another answer of the session is being written when the message and the stop arrive.
    client.send({ type: 'user_message', content: 'What is the safest bet this weekend?', message_id: sid('first') });
    await client.log.next((e) => e.name === 'message_ack');
    client.send({ type: 'user_message', content: 'When does Barcelona play next?', message_id: messageId });
    await sleep(offsetMs);
    await dying.close();

    const ack = client.log.named('message_ack').find((e) => e.payload.message_id === messageId)?.payload;
    const stored = await storedAnswerTo(sessionId, messageId);
    if (ack?.status === 'accepted') expect(stored).toBe(true);
    if (ack?.status === 'rejected') expect([ack.error_code, stored]).toEqual(['SERVER_SHUTTING_DOWN', false]);

    // Sent again on the instance that stays: answered (anew, or the stored answer again), never a bare duplicate.
    const again = await connectWs(`${survivorWs}/ws/chat/${sessionId}?user_id=${USER}`);
    try {
      again.send({ type: 'user_message', content: 'When does Barcelona play next?', message_id: messageId });
      await waitFor(() => again.log.named('bot_response').some((e) => e.payload.message_id === messageId), 10_000);
      const resent = again.log.named('message_ack').find((e) => e.payload.message_id === messageId)!.payload;
      expect(resent.status).toBe(stored ? 'duplicate' : 'accepted');
      await sleep(100);
      expect(await storedAnswerTo(sessionId, messageId)).toBe(true);
    } finally {
      again.ws.close();
    }
  });

  it('delivers a missed answer once after reconnect + resume: not both at the reconnect and in the replay', async () => {
    const sessionId = sid('missed');
    const url = `${survivorWs}/ws/chat/${sessionId}?user_id=${USER}`;
    const first = await connectWs(url);
    first.send({ type: 'user_message', content: 'Hello!', message_id: 'seen-1' });
    await first.log.turnEnd('seen-1');
    // The next answer is written while the client is away.
    first.send({ type: 'user_message', content: 'What is the safest bet this weekend?', message_id: 'missed-1' });
    await first.log.next((e) => e.name === 'message_ack');
    first.ws.close();
    await waitFor(() => storedAnswerTo(sessionId, 'missed-1'), 10_000);

    const back = await connectWs(url);
    try {
      back.send({ type: 'resume', last_message_id: 'seen-1' });
      await back.log.next((e) => e.name === 'resume_complete');
      await sleep(200);
      expect(back.log.named('bot_response').filter((e) => e.payload.message_id === 'missed-1')).toHaveLength(1);
    } finally {
      back.ws.close();
    }
  });

  it('processes again a message whose claim was left by an instance that is gone', async () => {
    const sessionId = sid('orphan');
    const messageId = sid('m');
    // What a crashed instance leaves: the id claimed, nothing answered or stored.
    const { RedisService } = await import('@app/redis');
    const redis = survivor.app.get(RedisService);
    await redis.raw.set(redis.key('realtime', 'claim', sessionId, `message:${messageId}`), 'crashed-instance-1', { expiration: { type: 'PX', value: 600_000 } });
    const client = await connectWs(`${survivorWs}/ws/chat/${sessionId}?user_id=${USER}`);
    try {
      client.send({ type: 'user_message', content: 'Hello!', message_id: messageId });
      const answer = await client.log.next((e) => e.name === 'bot_response' && e.payload.message_id === messageId);
      expect(answer.payload.replayed).toBeFalsy();
      expect(client.log.named('message_ack')[0].payload.status).toBe('accepted');
      expect(await storedAnswerTo(sessionId, messageId)).toBe(true);
    } finally {
      client.ws.close();
    }
  });
});
