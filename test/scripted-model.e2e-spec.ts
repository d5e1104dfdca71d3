import request from 'supertest';
import { SCRIPTED_ANSWER } from '@app/llm';
import { connectChat, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('LLM_PROVIDER=scripted (the model of npm run bench:ws)', () => {
  let t: TestApp;
  let url: string;
  let client: Awaited<ReturnType<typeof connectChat>> | undefined;

  beforeAll(async () => {
    t = await createTestApp({ env: { LLM_PROVIDER: 'scripted', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('scripted') } });
    url = await listen(t);
  });
  afterAll(async () => {
    client?.socket.close();
    await t.close();
  });

  it('says so in the health modes', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.modes).toMatchObject({ llm: 'scripted' });
  });

  it('streams the scripted answer over Socket.IO and stores it, without tool calls', async () => {
    const connected = await connectChat(url);
    client = connected;
    const ack = (await connected.socket.timeout(5_000).emitWithAck('user_message', { content: 'When does Barcelona play next?', message_id: 'bench_1' })) as {
      status: string;
    };
    expect(ack).toMatchObject({ status: 'accepted' });
    const events = await connected.log.turnEnd('bench_1');
    const chunks = events.filter((e) => e.name === 'streaming_response').map((e) => String(e.payload.content));
    const answer = events.find((e) => e.name === 'bot_response')?.payload;
    expect(chunks.join('')).toBe(SCRIPTED_ANSWER);
    // Word by word from the model: the first goes out at once, the others joined every few milliseconds.
    expect(chunks.length).toBeGreaterThan(1);
    expect(SCRIPTED_ANSWER.startsWith(chunks[0])).toBe(true);
    expect(answer).toMatchObject({ content: SCRIPTED_ANSWER, mode: 'scripted', function_calls: [] });

    const sessionId = String(connected.status.session_id);
    const history = await request(t.app.getHttpServer()).get(`/api/v1/chat/history/${sessionId}`).set({ Authorization: `Bearer ${String(connected.status.token)}` }).expect(200);
    expect(history.body.messages.map((m: { role: string; content: string }) => [m.role, m.content])).toEqual([
      ['user', 'When does Barcelona play next?'],
      ['assistant', SCRIPTED_ANSWER],
    ]);
  });
});
