import request from 'supertest';
import { UPSTREAM_SCRIPT } from '../scripts/upstream-script.js';
import { FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Upstream calls the chat makes on the ChatBet provider, counted on the local server that speaks
// the ChatBet contract. Each test starts a fresh app (cold caches) on its own Redis prefix.
describe('Upstream economy on the ChatBet provider', () => {
  let upstream: FakeChatBetServer;
  let t: TestApp | undefined;

  const start = async (): Promise<ReturnType<TestApp['app']['getHttpServer']>> => {
    t = await createTestApp({
      env: { CHAT_ANSWER_CACHE: 'true', CHATBET_API_BASE_URL: upstream.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('upstream-economy') },
    });
    upstream.clearLog();
    return t.app.getHttpServer();
  };
  const ask = (server: ReturnType<TestApp['app']['getHttpServer']>, message: string, userId: string) =>
    request(server).post('/api/v1/chat/message').send({ message, user_id: userId, time_zone: 'UTC' }).expect(200);

  beforeAll(async () => {
    upstream = await FakeChatBetServer.start();
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  afterAll(async () => {
    await upstream.close();
  });

  it("answers \"When does Barcelona play next?\" from football's open listings only, and again without any call", async () => {
    const server = await start();
    const first = await ask(server, 'When does Barcelona play next?', 'economy-a');
    expect(first.body.function_calls_made.map((c: { name: string }) => c.name)).toContain('search_fixtures');
    expect(first.body.message).toMatch(/Barcelona/);
    const listings = upstream.requestsTo('/sports/sports-fixtures').map((r) => `${r.query.sportId}:${r.query.type}`).sort();
    expect(listings).toEqual(['1:live', '1:pre_match']);
    expect(upstream.requestLog).toHaveLength(2);

    upstream.clearLog();
    await ask(server, 'When does Barcelona play next?', 'economy-b');
    await ask(server, 'When does Barça play next?', 'economy-c');
    expect(upstream.requestLog).toHaveLength(0);
  });

  it('replays the 24-turn script (8 questions, 3 users) from a cold cache in at most 14 upstream calls', async () => {
    const server = await start();
    for (const user of ['economy-1', 'economy-2', 'economy-3']) {
      for (const question of UPSTREAM_SCRIPT) await ask(server, question, user);
    }
    expect(upstream.requestLog.length).toBeGreaterThan(0);
    expect(upstream.requestLog.length).toBeLessThanOrEqual(14);
    expect(upstream.requestLog.every((r) => r.status === 200)).toBe(true);
  });

  it('makes one upstream odds call for 50 concurrent odds requests of one match', async () => {
    const server = await start();
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=arsenal&limit=1').expect(200);
    const id = fixtures.body.fixtures[0].id as string;
    upstream.clearLog();
    const answers = await Promise.all(Array.from({ length: 50 }, () => request(server).get(`/api/v1/sports/odds?match_id=${id}`)));
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(upstream.requestsTo('/sports/odds')).toHaveLength(1);
  });
});
