import { createHash } from 'node:crypto';
import request from 'supertest';
import { FakeGeminiServer, gemini, lastUserPartsIn, type RecordedGeminiRequest } from './fakes/fake-gemini-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The prompt prefix Gemini's implicit context caching can reuse: system instruction and tool declarations. */
function prefixHash(req: RecordedGeminiRequest): string {
  return createHash('sha256').update(JSON.stringify({ systemInstruction: req.body.systemInstruction, tools: req.body.tools })).digest('hex');
}

describe('The Gemini prompt prefix across a conversation', () => {
  let model: FakeGeminiServer;
  let t: TestApp;

  beforeAll(async () => {
    model = await FakeGeminiServer.start();
    t = await createTestApp({
      env: {
        GOOGLE_API_KEY: 'test-key',
        GEMINI_BASE_URL: model.baseUrl,
        GEMINI_MODEL: undefined,
        GEMINI_TEMPERATURE: undefined,
        GEMINI_THINKING_LEVEL: undefined,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('prompt-prefix'),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await model.close();
  });

  it('is byte-identical on every request while the context, language, time zone and user change', async () => {
    const server = t.app.getHttpServer();
    const say = async (message: string, userId: string, timeZone: string, sessionId?: string) =>
      (await request(server).post('/api/v1/chat/message').send({ message, user_id: userId, time_zone: timeZone, ...(sessionId ? { session_id: sessionId } : {}) }).expect(200)).body as {
        session_id: string;
        mode: string;
      };

    model.script(gemini.functionCall('search_fixtures', { team: 'Barcelona' }), gemini.text('Barcelona play on Wednesday.', { delayMs: 0 }));
    const first = await say('When does Barcelona play next?', 'prefix-a', 'Europe/Madrid');
    model.script(gemini.functionCall('get_match_odds', { team_a: 'Barcelona' }), gemini.text('Here are the odds.', { delayMs: 0 }));
    await say('And the odds?', 'prefix-a', 'Europe/Madrid', first.session_id);
    model.script(gemini.functionCall('compare_teams', { team_a: 'Real Madrid', team_b: 'Sevilla' }), gemini.text('El Madrid llega mejor.', { delayMs: 0 }));
    await say('Compara el Real Madrid y el Sevilla', 'prefix-a', 'Europe/Madrid', first.session_id);
    model.script(gemini.text('I can find fixtures, odds and payouts.', { delayMs: 0 }));
    const other = await say('What can you do?', 'prefix-b', 'America/New_York');
    expect(other.mode).toBe('gemini');

    expect(model.requests).toHaveLength(7);
    expect(new Set(model.requests.map(prefixHash)).size).toBe(1);
    // What does change from turn to turn travels with the user's message instead.
    const turnData = model.requests.map((req) => lastUserPartsIn(req)[0]);
    expect(turnData[0]).toContain('Europe/Madrid');
    expect(turnData[4]).toContain('Answer in Spanish');
    expect(turnData[6]).toContain('America/New_York');
  });
});
