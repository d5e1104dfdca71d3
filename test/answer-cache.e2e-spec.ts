import request from 'supertest';
import { FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { FakeGeminiServer, gemini } from './fakes/fake-gemini-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Server = ReturnType<TestApp['app']['getHttpServer']>;

// The answer cache on Redis, with the ChatBet provider on the local ChatBet-contract server so that
// upstream calls can be counted, and (for the Gemini engine) a local Gemini-protocol server whose
// requests are the model calls.
describe('Answer cache for context-free questions', () => {
  let upstream: FakeChatBetServer;

  beforeAll(async () => {
    upstream = await FakeChatBetServer.start();
  });
  afterAll(async () => {
    await upstream.close();
  });

  const env = (extra: Record<string, string | undefined> = {}) => ({
    CHAT_ANSWER_CACHE: 'true',
    CHATBET_API_BASE_URL: upstream.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: uniquePrefix('answer-cache'),
    ...extra,
  });
  const ask = async (server: Server, message: string, userId: string, sessionId?: string) =>
    (await request(server).post('/api/v1/chat/message').send({ message, user_id: userId, time_zone: 'UTC', ...(sessionId ? { session_id: sessionId } : {}) }).expect(200)).body;

  describe('offline engine', () => {
    let t: TestApp;
    let server: Server;

    beforeAll(async () => {
      t = await createTestApp({ env: env() });
      server = t.app.getHttpServer();
    });
    afterAll(async () => {
      await t.close();
    });

    it("answers another user's repeated public question from the cache, with no upstream call and no engine run", async () => {
      const first = await ask(server, 'What are the odds for Arsenal vs Chelsea?', 'cache-user-a');
      expect(first.mode).toBe('offline');
      expect(first.function_calls_made.map((c: { name: string }) => c.name)).toEqual(['get_match_odds']);
      upstream.clearLog();

      const again = await ask(server, 'what are the odds for arsenal vs chelsea', 'cache-user-b');
      expect(again.mode).toBe('answer-cache');
      expect(again.message).toBe(first.message);
      expect(again.function_calls_made).toEqual([]);
      expect(upstream.requestLog).toHaveLength(0);
    });

    it('keeps the context a cached answer leaves, so a follow-up in that session is about the same match', async () => {
      await ask(server, 'When does Liverpool play next?', 'cache-user-c');
      const cached = await ask(server, 'When does Liverpool play next?', 'cache-user-d');
      expect(cached.mode).toBe('answer-cache');
      const followUp = await ask(server, 'And the odds?', 'cache-user-d', cached.session_id);
      expect(followUp.mode).toBe('offline');
      expect(followUp.message).toMatch(/Liverpool/);
    });

    it('never serves a follow-up from the cache: its answer depends on the conversation', async () => {
      const a = await ask(server, 'When does Barcelona play next?', 'cache-user-e');
      await ask(server, 'And the odds?', 'cache-user-e', a.session_id);
      const b = await ask(server, 'When does Real Madrid play next?', 'cache-user-f');
      const followUp = await ask(server, 'And the odds?', 'cache-user-f', b.session_id);
      expect(followUp.mode).toBe('offline');
      expect(followUp.message).toMatch(/Real Madrid/);
      expect(followUp.message).not.toMatch(/Barcelona/);
    });

    it('never serves a personal question from the cache', async () => {
      const first = await ask(server, 'What is my balance?', 'cache-user-g');
      const second = await ask(server, 'What is my balance?', 'cache-user-h');
      expect(first.mode).toBe('offline');
      expect(second.mode).toBe('offline');
      expect(second.function_calls_made.map((c: { name: string }) => c.name)).toEqual(['get_user_balance']);
    });
  });

  describe('Gemini engine', () => {
    let model: FakeGeminiServer;
    let t: TestApp;
    let server: Server;

    beforeAll(async () => {
      model = await FakeGeminiServer.start();
      t = await createTestApp({
        env: env({ GOOGLE_API_KEY: 'test-key', GEMINI_BASE_URL: model.baseUrl, GEMINI_MODEL: undefined, GEMINI_TEMPERATURE: undefined, GEMINI_THINKING_LEVEL: undefined }),
      });
      server = t.app.getHttpServer();
    });
    afterAll(async () => {
      await t.close();
      await model.close();
    });

    it('answers a repeated public question with no model call and no upstream call', async () => {
      model.script(gemini.functionCall('list_tournaments', {}), gemini.text('Eight competitions are in season.', { delayMs: 0 }));
      const first = await ask(server, 'Which tournaments are active?', 'gemini-user-a');
      expect(first.mode).toBe('gemini');
      expect(model.requests).toHaveLength(2);
      upstream.clearLog();

      const again = await ask(server, 'Which tournaments are active?', 'gemini-user-b');
      expect(again).toMatchObject({ mode: 'answer-cache', message: first.message, token_count: 0 });
      expect(model.requests).toHaveLength(2);
      expect(upstream.requestLog).toHaveLength(0);
    });

    it('asks the model again for a personal question', async () => {
      model.script(gemini.functionCall('get_user_balance', {}), gemini.text('Please log in to see your balance.', { delayMs: 0 }));
      await ask(server, 'What is my balance?', 'gemini-user-c');
      const before = model.requests.length;
      model.script(gemini.functionCall('get_user_balance', {}), gemini.text('Please log in to see your balance.', { delayMs: 0 }));
      const again = await ask(server, 'What is my balance?', 'gemini-user-d');
      expect(again.mode).toBe('gemini');
      expect(model.requests.length).toBe(before + 2);
    });
  });
});
