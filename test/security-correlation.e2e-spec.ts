import { AppLogger } from '@app/common';
import { symbols } from 'pino';
import request from 'supertest';
import { connectWs, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every log line of a request or a socket turn carries its correlation id (issue #12, point 9). */
interface LogLine {
  msg?: string;
  requestId?: string;
  turnId?: string;
  sessionId?: string;
  [field: string]: unknown;
}

describe('Security: log lines carry their correlation id', () => {
  let t: TestApp;
  let base: string;
  let raw: string[];
  const lines = (): LogLine[] => raw.map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('sec-corr'), LOG_LEVEL: 'DEBUG' } });
    base = await listen(t);
    raw = [];
    (t.app.get(AppLogger).pino as unknown as Record<symbol, unknown>)[symbols.streamSym] = { write: (line: string) => raw.push(line) };
  });
  afterAll(() => t.close());

  const turnLines = (sessionId: string) => lines().filter((line) => line.msg === 'chat turn' && line.sessionId === sessionId);

  it.each(['message', 'stream'])('POST /api/v1/chat/%s: the chat turn line and every line about its session carry the request id', async (route) => {
    const requestId = `corr-${route}-${Date.now()}`;
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/chat/${route}`)
      .set('X-Request-Id', requestId)
      .send({ message: 'When does Barcelona play next?', user_id: 'corr_user', session_id: `corr_${route}_${Date.now()}` })
      .expect(200);
    expect(res.headers['x-request-id']).toBe(requestId);
    const sessionId = route === 'message' ? res.body.session_id : JSON.parse(/event: done\ndata: (.*)/.exec(res.text)![1]).session_id;
    expect(turnLines(sessionId)).toHaveLength(1);
    const aboutSession = lines().filter((line) => JSON.stringify(line).includes(sessionId));
    expect(aboutSession.length).toBeGreaterThan(0);
    expect(aboutSession.map((line) => line.requestId)).toEqual(aboutSession.map(() => requestId));
  });

  it('a socket turn: the chat turn line carries the turn id, and two turns do not share one', async () => {
    const client = await connectWs(`${base.replace('http', 'ws')}/ws/chat?user_id=corr_socket`);
    try {
      for (const [messageId, content] of [['corr-sock-1', 'Hello!'], ['corr-sock-2', 'What can you do?']]) {
        client.send({ type: 'user_message', content, message_id: messageId });
        await client.log.turnEnd(messageId);
      }
      expect(turnLines(client.sessionId).map((line) => line.turnId)).toEqual(['corr-sock-1', 'corr-sock-2']);
    } finally {
      client.ws.close();
    }
  });

  it('a line written outside any request has no correlation id', async () => {
    t.app.get(AppLogger).pino.info({ msg: 'outside' });
    const outside = lines().find((line) => line.msg === 'outside');
    expect(outside?.requestId).toBeUndefined();
    expect(outside?.turnId).toBeUndefined();
  });
});
