import request from 'supertest';
import { FakeGeminiServer, gemini, signedFunctionCallsIn } from './fakes/fake-gemini-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The deployment the Gemini path is built for: only GOOGLE_API_KEY set (the test also points
 * GEMINI_BASE_URL at the fake server), real Redis for the conversation store, and a Gemini server
 * that holds every request to today's rules (current model, thought signatures, thinking settings).
 */
describe('A tool-calling conversation on Gemini with only GOOGLE_API_KEY set', () => {
  let server: FakeGeminiServer;
  let t: TestApp;

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
    t = await createTestApp({
      env: {
        GOOGLE_API_KEY: 'test-key',
        GEMINI_BASE_URL: server.baseUrl,
        GEMINI_MODEL: undefined,
        GEMINI_TEMPERATURE: undefined,
        GEMINI_THINKING_LEVEL: undefined,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('gemini-conversation'),
        LANGSMITH_GATEWAY: undefined,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const chat = (message: string) =>
    request(t.app.getHttpServer()).post('/api/v1/chat/message').send({ message, session_id: 'gemini-conversation', user_id: 'gemini-user' }).expect(200);

  it('reports the current default model on /health, checked at start-up', async () => {
    const health = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', modes: { llm: 'gemini' }, geminiModel: { model: 'gemini-3.8-flash', state: 'available' } });
  });

  it('runs two turns of several tool rounds each, every request accepted by a server enforcing thought signatures', async () => {
    server.script(
      gemini.functionCall('search_fixtures', { team: 'Barcelona' }),
      gemini.functionCall('get_match_odds', { team_a: 'Barcelona', market: '1x2' }),
      gemini.text('Barcelona play next week; the home win is priced in the odds above.'),
    );
    const first = await chat('When do Barcelona play next, and at what odds?');
    expect(first.body).toMatchObject({ mode: 'gemini', message: 'Barcelona play next week; the home win is priced in the odds above.' });

    server.script(
      gemini.functionCalls([
        { name: 'predict_match', args: { team_a: 'Barcelona' } },
        { name: 'compare_teams', args: { team_a: 'Barcelona', team_b: 'Real Madrid' } },
      ]),
      gemini.functionCall('list_tournaments', {}),
      gemini.text('Barcelona are favourites, and La Liga is covered.'),
    );
    const second = await chat('Who is favourite, and how do they compare with Real Madrid?');
    expect(second.body).toMatchObject({ mode: 'gemini', message: 'Barcelona are favourites, and La Liga is covered.' });

    expect(server.requests.map((r) => r.answeredWith)).toEqual(['function-calls', 'function-calls', 'text', 'function-calls', 'function-calls', 'text']);
    expect(server.requests.every((r) => r.model === 'gemini-3.8-flash' && !('temperature' in (r.body.generationConfig ?? {})))).toBe(true);
    // The last request of the second turn sends back both of its steps' signatures; the first turn
    // comes back from the conversation store as text, which the API does not check.
    const [, , , parallel, sequential, last] = server.requests;
    expect(signedFunctionCallsIn(last)).toEqual([
      { name: 'predict_match', thoughtSignature: parallel.issuedSignatures[0] },
      // Gemini signed only the first call of the parallel pair; LangChain fills in a placeholder for
      // the second on Gemini 3 models, which the API does not check (only each step's first call).
      { name: 'compare_teams', thoughtSignature: expect.any(String) },
      { name: 'list_tournaments', thoughtSignature: sequential.issuedSignatures[0] },
    ]);
    const window = JSON.stringify(last.body.contents);
    expect(window).toContain('When do Barcelona play next, and at what odds?');
    expect(window).toContain('Barcelona play next week; the home win is priced in the odds above.');
  });
});
