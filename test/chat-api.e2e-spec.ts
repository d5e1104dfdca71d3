import { ODDS_BUCKET_MS } from '@app/sports-data';
import request from 'supertest';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Server = ReturnType<TestApp['app']['getHttpServer']>;

/** The token each anonymous session came with: a follow-up sends it, as a client does. */
const sessionTokens = new Map<string, string>();

async function say(server: Server, message: string, extra: Record<string, string> = {}) {
  const token = extra.session_id === undefined ? undefined : sessionTokens.get(extra.session_id);
  const res = await request(server)
    .post('/api/v1/chat/message')
    .set(token ? { Authorization: `Bearer ${token}` } : {})
    .send({ message, ...extra });
  if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${JSON.stringify(res.body)}`);
  if (res.body.token) sessionTokens.set(res.body.session_id, res.body.token);
  return res.body;
}

/**
 * Embedded odds move every 30 s. A check that compares an answer with the API must not straddle a
 * price change, so it starts with at least `needMs` left in the current price period.
 */
async function inOnePricePeriod<T>(check: () => Promise<T>, needMs = 8_000): Promise<T> {
  const left = ODDS_BUCKET_MS - (Date.now() % ODDS_BUCKET_MS);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return check();
}

/** Parses an SSE body into its events. */
function sseEvents(text: string): Array<{ event: string; data: Record<string, unknown> }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

describe('Chat REST API with the offline engine on Redis', () => {
  const prefix = uniquePrefix('chat');
  let t: TestApp;
  let server: Server;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('answers a schedule question with the real next fixture and starts a session', async () => {
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=barcelona&limit=1').expect(200);
    const next = fixtures.body.fixtures[0];
    const opponent = next.home.name === 'Barcelona' ? next.away.name : next.home.name;
    const body = await say(server, 'When does Barcelona play next?');
    expect(body).toMatchObject({
      session_id: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      message_id: expect.any(String),
      detected_intent: 'MATCH_SCHEDULE_QUERY',
      language: 'en',
      response_time_ms: expect.any(Number),
      token_count: expect.any(Number),
      suggested_actions: expect.any(Array),
    });
    expect(body.intent_confidence).toBeGreaterThan(0);
    expect(body.message).toContain(opponent);
    expect(body.function_calls_made.map((c: { name: string }) => c.name)).toContain('search_fixtures');
  });

  it.each([
    ['When does Real Madrid play next?', 'MATCH_SCHEDULE_QUERY', 'en'],
    ['¿Cuándo juega el Barça?', 'MATCH_SCHEDULE_QUERY', 'es'],
    ['What are the odds for Juventus vs Milan?', 'ODDS_INFORMATION_QUERY', 'en'],
    ['¿Qué cuotas hay para el Arsenal contra el Chelsea?', 'ODDS_INFORMATION_QUERY', 'es'],
    ['What is the safest bet this weekend?', 'BETTING_RECOMMENDATION', 'en'],
    ['¿Cuál es la apuesta más segura este fin de semana?', 'BETTING_RECOMMENDATION', 'es'],
    ['Who is better, Bayern or Dortmund?', 'TEAM_COMPARISON', 'en'],
    ['¿Quién es mejor, Inter o Napoli?', 'TEAM_COMPARISON', 'es'],
    ['Which tournaments are available?', 'TOURNAMENT_INFO', 'en'],
    ['¿Qué torneos hay disponibles?', 'TOURNAMENT_INFO', 'es'],
    ["What's my balance?", 'USER_BALANCE_QUERY', 'en'],
    ['¿Cuál es mi saldo?', 'USER_BALANCE_QUERY', 'es'],
    ['How much would I win with €50 on Chelsea?', 'BET_SIMULATION', 'en'],
    ['¿Cuánto ganaría con 20 euros al Madrid?', 'BET_SIMULATION', 'es'],
    ['Hello!', 'GREETING', 'en'],
    ['¡Hola!', 'GREETING', 'es'],
    ['What can you do?', 'HELP_REQUEST', 'en'],
    ['¿Qué puedes hacer?', 'HELP_REQUEST', 'es'],
    ['How did Liverpool do last weekend?', 'GENERAL_SPORTS_QUERY', 'en'],
    ['¿Cómo le fue al Liverpool el fin de semana pasado?', 'GENERAL_SPORTS_QUERY', 'es'],
    ['asdf qwerty zxcv', 'UNCLEAR', 'en'],
    ['jajaja xd', 'UNCLEAR', 'es'],
  ])('answers "%s" as %s in %s', async (message, intent, language) => {
    const body = await say(server, message);
    expect(body.detected_intent).toBe(intent);
    expect(body.language).toBe(language);
    expect(body.message.length).toBeGreaterThan(20);
  });

  it('quotes exactly the odds of GET /api/v1/sports/odds for the match asked about', () =>
    inOnePricePeriod(async () => {
    const body = await say(server, 'Odds for Barcelona vs Real Madrid?');
    const fixtureId = body.function_calls_made.find((c: { name: string }) => c.name === 'get_match_odds')?.args?.match_id;
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=barcelona&limit=20').expect(200);
    const clasico = fixtures.body.fixtures.find((f: { home: { name: string }; away: { name: string } }) => f.home.name === 'Barcelona' && f.away.name === 'Real Madrid');
    if (fixtureId) expect(fixtureId).toBe(clasico.id);
    const odds = await request(server).get(`/api/v1/sports/odds?match_id=${clasico.id}&market=1x2`).expect(200);
    for (const selection of odds.body.markets[0].selections) {
      expect(body.message).toContain(selection.odds.toFixed(2));
    }
  }));

  it('computes a payout as stake × the current odds', () =>
    inOnePricePeriod(async () => {
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=chelsea&limit=1').expect(200);
    const fixture = fixtures.body.fixtures[0];
    const odds = await request(server).get(`/api/v1/sports/odds?match_id=${fixture.id}&market=1x2`).expect(200);
    const chelsea = odds.body.markets[0].selections.find((s: { name: string }) => s.name === 'Chelsea');
    const body = await say(server, 'How much would I win with €50 on Chelsea?');
    expect(body.message).toContain((50 * chelsea.odds).toFixed(2));
  }));

  it('follows up on the conversation: "And Real Madrid?" after a Barcelona schedule question', async () => {
    const first = await say(server, 'When does Barcelona play next?');
    const follow = await say(server, 'And Real Madrid?', { session_id: first.session_id });
    expect(follow.detected_intent).toBe('MATCH_SCHEDULE_QUERY');
    expect(follow.message).toContain('Real Madrid');
    expect(follow.session_id).toBe(first.session_id);
  });

  it('follows up on a match: "And the odds?" then "How much would I win with 20 euros on a draw?"', () =>
    inOnePricePeriod(async () => {
    const first = await say(server, 'When is Arsenal vs Chelsea?');
    const odds = await say(server, 'And the odds?', { session_id: first.session_id });
    expect(odds.detected_intent).toBe('ODDS_INFORMATION_QUERY');
    expect(odds.message).toMatch(/Arsenal/);
    const payout = await say(server, 'How much would I win with 20 euros on a draw?', { session_id: first.session_id });
    expect(payout.detected_intent).toBe('BET_SIMULATION');
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=arsenal&limit=20').expect(200);
    const match = fixtures.body.fixtures.find((f: { home: { name: string }; away: { name: string } }) => [f.home.name, f.away.name].includes('Chelsea'));
    const prices = await request(server).get(`/api/v1/sports/odds?match_id=${match.id}&market=1x2`).expect(200);
    const draw = prices.body.markets[0].selections.find((s: { key: string }) => s.key === 'draw');
    expect(payout.message).toContain((20 * draw.odds).toFixed(2));
  }));

  it('follows up in Spanish: "¿Y el Barcelona?"', async () => {
    const first = await say(server, '¿Cuándo juega el Real Madrid?');
    const follow = await say(server, '¿Y el Barcelona?', { session_id: first.session_id });
    expect(follow.language).toBe('es');
    expect(follow.message).toContain('Barcelona');
  });

  it("carries a user's language to their next session", async () => {
    await say(server, '¿Cuándo juega el Barça?', { user_id: 'spanish_speaker' });
    const spanish = await say(server, 'Real Madrid', { user_id: 'spanish_speaker' });
    expect(spanish.language).toBe('es');
    const other = await say(server, 'Real Madrid', { user_id: 'someone_else' });
    expect(other.language).toBe('en');
  });

  it('keeps the history of a session, oldest first', async () => {
    const first = await say(server, 'Hello!', { user_id: 'history_user' });
    await say(server, 'What can you do?', { user_id: 'history_user', session_id: first.session_id });
    const res = await request(server).get(`/api/v1/chat/history/${first.session_id}?user_id=history_user`).expect(200);
    expect(res.body.messages.map((m: { role: string; content: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(res.body.messages[0].content).toBe('Hello!');
    const one = await request(server).get(`/api/v1/chat/conversations/history_user?session_id=${first.session_id}`).expect(200);
    expect(one.body.conversations[0].messages).toHaveLength(4);
    // The whole list needs the owner's token, not just its id.
    await request(server).get('/api/v1/chat/conversations/history_user').expect(401);
  });

  it("refuses another owner's history (403) and an unknown session (404)", async () => {
    const first = await say(server, 'Hello!', { user_id: 'owner_a' });
    await request(server).get(`/api/v1/chat/history/${first.session_id}?user_id=owner_b`).expect(403);
    await request(server).get('/api/v1/chat/history/no_such_session').expect(404);
  });

  it('deletes a session', async () => {
    const first = await say(server, 'Hello!', { user_id: 'deleter' });
    await request(server).delete(`/api/v1/chat/history/${first.session_id}?user_id=deleter`).expect(200);
    await request(server).get(`/api/v1/chat/history/${first.session_id}?user_id=deleter`).expect(404);
  });

  it.each([
    [{ message: '' }, 'message must not be empty'],
    [{ message: '   ' }, 'message must not be blank'],
    [{ message: 42 }, 'message must be a string'],
    [{}, 'message must be a string'],
    [{ message: 'hi', session_id: 'bad id!' }, 'session_id must be 1-64 characters'],
    [{ message: 'hi', extra: true }, 'property extra should not exist'],
  ])('rejects the body %j with 400', async (body, message) => {
    const res = await request(server).post('/api/v1/chat/message').send(body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(message);
  });

  it('rejects a message over 2000 characters with 400 naming the limit', async () => {
    const res = await request(server).post('/api/v1/chat/message').send({ message: 'a'.repeat(2001) }).expect(400);
    expect(res.body).toMatchObject({ code: 'MESSAGE_TOO_LONG', maxLength: 2000 });
    expect(res.body.message).toContain('1-2000 characters');
  });

  it('streams the same turn as Server-Sent Events whose tokens add up to the answer', async () => {
    const res = await request(server)
      .post('/api/v1/chat/stream')
      .send({ message: 'Odds for Juventus vs Milan?' })
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = sseEvents(res.body as string);
    const tokens = events.filter((e) => e.event === 'token');
    const done = events.find((e) => e.event === 'done');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((e) => e.data.content).join('')).toBe(done?.data.message);
    expect(done?.data.detected_intent).toBe('ODDS_INFORMATION_QUERY');
  });

  it('lists the intents and records feedback', async () => {
    const intents = await request(server).get('/api/v1/chat/intents').expect(200);
    expect(intents.body.intents).toHaveLength(11);
    const answer = await say(server, 'Hello!');
    await request(server).post('/api/v1/chat/feedback').send({ message_id: answer.message_id, rating: 'helpful' }).expect(201);
    await request(server).post('/api/v1/chat/feedback').send({ message_id: answer.message_id, rating: 'great' }).expect(400);
  });
});

describe('Chat history persistence on Redis', () => {
  it('survives an application restart', async () => {
    const prefix = uniquePrefix('chat-restart');
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    const first = await createTestApp({ env });
    const answer = await say(first.app.getHttpServer(), 'When does Liverpool play next?', { user_id: 'restart_user' });
    await first.close();
    const second = await createTestApp({ env });
    try {
      const res = await request(second.app.getHttpServer()).get(`/api/v1/chat/history/${answer.session_id}?user_id=restart_user`).expect(200);
      expect(res.body.messages).toHaveLength(2);
      expect(res.body.messages[1].content).toBe(answer.message);
    } finally {
      await second.close();
    }
  });

  it('expires with CACHE_TTL_USER_SESSIONS', async () => {
    const t = await createTestApp({ env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('chat-ttl'), CACHE_TTL_USER_SESSIONS: '1' } });
    try {
      const answer = await say(t.app.getHttpServer(), 'Hello!');
      const auth = { Authorization: `Bearer ${answer.token}` };
      await request(t.app.getHttpServer()).get(`/api/v1/chat/history/${answer.session_id}`).set(auth).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await request(t.app.getHttpServer()).get(`/api/v1/chat/history/${answer.session_id}`).set(auth).expect(404);
    } finally {
      await t.close();
    }
  });
});

describe('Chat when the sports data source is down', () => {
  it('answers 200 saying the data could not be fetched, in the user language, never a 500', async () => {
    const { freePort } = await import('./support/redis-server.js');
    const t = await createTestApp({
      env: { CHATBET_API_BASE_URL: `http://127.0.0.1:${await freePort()}`, CHATBET_API_TIMEOUT: '1', CHATBET_API_MAX_RETRIES: '0' },
    });
    try {
      const en = await say(t.app.getHttpServer(), 'Odds for Barcelona vs Real Madrid?');
      expect(en.message).toMatch(/isn't responding|not responding|unavailable/i);
      expect(en.message).not.toMatch(/\d\.\d\d/);
      const es = await say(t.app.getHttpServer(), '¿Cuándo juega el Barça?');
      expect(es.language).toBe('es');
      expect(es.message).toMatch(/no responde|no disponible/i);
    } finally {
      await t.close();
    }
  });
});
