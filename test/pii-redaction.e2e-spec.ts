import type { BaseMessage } from '@langchain/core/messages';
import { AppLogger } from '@app/common';
import { ChatModelRunner, ConversationAgent } from '@app/llm';
import { RedisService } from '@app/redis';
import type { Server } from 'node:http';
import { symbols } from 'pino';
import request from 'supertest';
import { FakeGeminiServer, gemini } from './fakes/fake-gemini-server.js';
import { connectChat, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const EMAIL = 'ana.garcia@example.com';
const PHONE = '+34 612 345 678';
const CARD = '4111 1111 1111 1111';
const SECRETS = [EMAIL, PHONE, CARD, '4111111111111111', '612 345 678', 'ana.garcia'];
const QUESTION = `When does Barcelona play next? I'm ${EMAIL}, call me on ${PHONE}, my card is ${CARD}`;

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function textOfMessages(messages: BaseMessage[]): string {
  return messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
}

/** Every value stored under a key prefix, whatever the key's type. */
async function storedUnder(redis: RedisService, prefix: string): Promise<string> {
  const client = redis.raw;
  const keys = await client.keys(`${prefix}*`);
  const values: string[] = [];
  for (const key of keys) {
    const type = await client.type(key);
    if (type === 'string') values.push(String(await client.get(key)));
    else if (type === 'list') values.push(...(await client.lRange(key, 0, -1)));
    else if (type === 'hash') values.push(JSON.stringify(await client.hGetAll(key)));
    else if (type === 'zset') values.push(...(await client.zRange(key, 0, -1)));
    else if (type === 'set') values.push(...(await client.sMembers(key)));
  }
  return values.join('\n');
}

describe('Personal data in chat messages (offline engine, Redis)', () => {
  const prefix = uniquePrefix('pii');
  let t: TestApp;
  let server: Server;
  let modelInputs: BaseMessage[][];
  let logLines: string[];

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'DEBUG' } });
    server = t.app.getHttpServer();
    // Everything any model call of the app reads.
    modelInputs = [];
    const runner = t.app.get(ChatModelRunner);
    const original = runner.streamResponse.bind(runner);
    runner.streamResponse = (req) => {
      modelInputs.push([...req.messages]);
      return original(req);
    };
    // Every log line the app writes, whoever writes it.
    logLines = [];
    (t.app.get(AppLogger).pino as unknown as Record<symbol, unknown>)[symbols.streamSym] = { write: (line: string) => logLines.push(line) };
  });
  afterAll(() => t.close());

  it('answers the question, while the model, the stored history and the logs only ever see placeholders', async () => {
    const first = await request(server).post('/api/v1/chat/message').send({ message: QUESTION, session_id: 'pii_rest', user_id: 'pii_user' }).expect(200);
    expect(first.body.detected_intent).toBe('MATCH_SCHEDULE_QUERY');
    expect(first.body.message).toContain('Barcelona');
    // A second turn carries the first as history.
    await request(server).post('/api/v1/chat/stream').send({ message: `And the odds? Write to ${EMAIL}`, session_id: 'pii_rest', user_id: 'pii_user' }).expect(200);

    const history = await request(server).get('/api/v1/chat/history/pii_rest?user_id=pii_user').expect(200);
    const userMessages = (history.body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === 'user');
    expect(userMessages.map((m) => m.content)).toEqual([
      "When does Barcelona play next? I'm [email], call me on [phone], my card is [card]",
      'And the odds? Write to [email]',
    ]);

    expect(modelInputs.length).toBeGreaterThanOrEqual(2);
    const modelText = modelInputs.map(textOfMessages).join('\n');
    expect(modelText).toContain('[card]');
    expectNoSecrets(modelText);

    expectNoSecrets(await storedUnder(t.app.get(RedisService), prefix));
  });

  it('keeps personal data out of the live chat replay and out of every log line', async () => {
    const baseUrl = await listen(t);
    const client = await connectChat(baseUrl, { session_id: 'pii_socket', user_id: 'pii_user' });
    try {
      await client.socket.timeout(5_000).emitWithAck('user_message', { content: `Odds for Juventus vs Milan? ${EMAIL}`, message_id: 'pii-m1' });
      await client.log.turnEnd('pii-m1');
      await client.socket.timeout(5_000).emitWithAck('resume', { last_message_id: 'none' });
      await client.log.next((e) => e.name === 'resume_complete');
      expectNoSecrets(JSON.stringify(client.log.events));
    } finally {
      client.socket.close();
    }
    // A request whose URL carries an address is logged with it redacted.
    await request(server).get(`/api/v1/sports/teams/${encodeURIComponent(EMAIL)}`).expect(404);

    const logs = logLines.join('');
    expect(logs).toContain('chat turn');
    expect(logs).toContain('/api/v1/sports/teams/[email]');
    expectNoSecrets(logs);
  });
});

describe('Personal data on the Gemini path', () => {
  let fake: FakeGeminiServer;
  let t: TestApp;

  beforeAll(async () => {
    fake = await FakeGeminiServer.start({ apiKey: 'test-key' });
    t = await createTestApp({ env: { GOOGLE_API_KEY: 'test-key', GEMINI_BASE_URL: fake.baseUrl, GEMINI_TIMEOUT: '5' } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('never sends e-mail, phone or card numbers to Gemini, from the message, the history or the summary', async () => {
    fake.script(gemini.text('Happy to help with fixtures and odds.'));
    const result = await t.app.get(ConversationAgent).run({
      sessionId: 'pii-gemini',
      message: QUESTION,
      history: [
        { role: 'user', content: `Earlier I said my number is 612345678 and my mail is ${EMAIL}` },
        { role: 'assistant', content: 'Noted.' },
      ],
      summary: `The user paid with card ${CARD}.`,
      context: { lastTeams: [] },
    });
    expect(result.content).toBe('Happy to help with fixtures and odds.');
    expect(fake.requests).toHaveLength(1);
    const sent = JSON.stringify(fake.requests[0].body);
    expect(sent).toContain('[email]');
    expect(sent).toContain('[phone]');
    expect(sent).toContain('[card]');
    expectNoSecrets(sent);
    expect(sent).not.toContain('612345678');
  });
});
