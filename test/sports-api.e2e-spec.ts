import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

// Football's markets; basketball's moneyline is the one more the API accepts.
const MARKETS = ['1x2', 'over_under', 'btts', 'double_chance', 'handicap', 'draw_no_bet'];
const ALL_MARKETS = ['1x2', 'moneyline', 'over_under', 'btts', 'double_chance', 'handicap', 'draw_no_bet'];

describe('Sports REST API on the embedded provider', () => {
  let t: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let clasicoId: string;

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    const res = await request(server).get('/api/v1/sports/fixtures?team=barca&limit=50').expect(200);
    const clasico = res.body.fixtures.find(
      (f: { home: { name: string }; away: { name: string } }) => f.home.name === 'Barcelona' && f.away.name === 'Real Madrid',
    );
    clasicoId = clasico.id;
  });
  afterAll(() => t.close());

  it('lists sports with their source and freshness', async () => {
    const res = await request(server).get('/api/v1/sports').expect(200);
    expect(res.body).toMatchObject({ source: 'embedded', stale: false });
    expect(res.body.sports.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Football', 'Basketball']));
  });

  it('filters tournaments by sport name and country, in any case and accents', async () => {
    const res = await request(server).get('/api/v1/sports/tournaments?sport=f%C3%BAtbol&country=SPAIN').expect(200);
    expect(res.body.tournaments.map((t: { name: string }) => t.name)).toContain('La Liga');
    expect(res.body.tournaments.every((t: { country: string }) => t.country === 'Spain')).toBe(true);
  });

  it('rejects an unknown sport with 400 naming the known ones', async () => {
    const res = await request(server).get('/api/v1/sports/tournaments?sport=cricket').expect(400);
    expect(res.body.message).toContain('Unknown sport "cricket"');
    expect(res.body.message).toContain('Football');
  });

  it('finds fixtures by team alias, including El Clasico within the next 7 days', async () => {
    const res = await request(server).get('/api/v1/sports/fixtures?team=Bar%C3%A7a').expect(200);
    expect(res.body.count).toBeGreaterThan(0);
    for (const f of res.body.fixtures) expect([f.home.name, f.away.name]).toContain('Barcelona');
    const clasico = res.body.fixtures.find((f: { id: string }) => f.id === clasicoId);
    expect(Date.parse(clasico.startTime) - Date.now()).toBeLessThan(7 * 24 * 3600 * 1000);
    const starts = res.body.fixtures.map((f: { startTime: string }) => Date.parse(f.startTime));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('filters fixtures by tournament and by day', async () => {
    const day = (await request(server).get(`/api/v1/sports/odds?match_id=${clasicoId}`)).body.fixture.startTime.slice(0, 10);
    const res = await request(server).get(`/api/v1/sports/fixtures?tournament=laliga&date=${day}`).expect(200);
    expect(res.body.fixtures.map((f: { id: string }) => f.id)).toContain(clasicoId);
    for (const f of res.body.fixtures) {
      expect(f.tournament.name).toBe('La Liga');
      expect(f.startTime.slice(0, 10)).toBe(day);
    }
  });

  it('answers an unknown team with 404 and close matches', async () => {
    const res = await request(server).get('/api/v1/sports/fixtures?team=Barcelonx').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'UNKNOWN_TEAM', requestId: expect.any(String) });
    expect(res.body.suggestions).toContain('Barcelona');
  });

  it.each([
    ['date=2026-13-45', 'date must be a real calendar day'],
    ['from=2026-11-30&to=2026-11-01', 'from must not be after to'],
    ['from=2026-01-01&to=2026-12-31', 'at most 62 days'],
    ['type=later', 'type must be one of pre_match, live, finished'],
    ['limit=0', 'limit must be an integer from 1 to 200'],
    ['colour=red', 'property colour should not exist'],
  ])('rejects fixtures?%s with 400', async (query, message) => {
    const res = await request(server).get(`/api/v1/sports/fixtures?${query}`).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(message);
  });

  it('gives every market of an upcoming football fixture with implied probabilities and margins', async () => {
    const res = await request(server).get(`/api/v1/sports/odds?match_id=${clasicoId}`).expect(200);
    expect(res.body.status).toBe('active');
    expect(res.body.markets.map((m: { market: string }) => m.market)).toEqual(expect.arrayContaining(MARKETS));
    for (const market of res.body.markets) {
      for (const s of market.selections) expect(s.impliedProbability).toBeCloseTo(1 / s.odds, 3);
    }
    const result = res.body.markets.find((m: { market: string }) => m.market === '1x2');
    expect(result.overround).toBeGreaterThanOrEqual(0.04);
    expect(result.overround).toBeLessThanOrEqual(0.07);
  });

  it('narrows odds to one market, and rejects an unknown market listing the valid ones', async () => {
    const one = await request(server).get(`/api/v1/sports/odds?match_id=${clasicoId}&market=btts`).expect(200);
    expect(one.body.markets.map((m: { market: string }) => m.market)).toEqual(['btts']);
    const bad = await request(server).get(`/api/v1/sports/odds?match_id=${clasicoId}&market=corners`).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain(`market must be one of ${ALL_MARKETS.join(', ')}`);
  });

  it('answers odds for an unknown match with 404, and a malformed id with 400', async () => {
    const missing = await request(server).get('/api/v1/sports/odds?match_id=123').expect(404);
    expect(missing.body.code).toBe('UNKNOWN_FIXTURE');
    await request(server).get('/api/v1/sports/odds?match_id=../../etc').expect(400);
    await request(server).get('/api/v1/sports/odds').expect(400);
  });

  it('serves a repeated odds request from the cache', async () => {
    const url = `/api/v1/sports/odds?market=1x2&match_id=${clasicoId}`;
    const first = await request(server).get(url).expect(200);
    const second = await request(server).get(url).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body.markets).toEqual(first.body.markets);
  });

  it('profiles a team with its form and next fixture', async () => {
    const res = await request(server).get('/api/v1/sports/teams/real%20madrid').expect(200);
    expect(res.body.team.name).toBe('Real Madrid');
    expect(res.body.form.last).toMatch(/^[WDL]{1,5}$/);
    expect(res.body.form.points).toBe(res.body.form.results.reduce((s: number, r: { outcome: string }) => s + (r.outcome === 'W' ? 3 : r.outcome === 'D' ? 1 : 0), 0));
    expect(Date.parse(res.body.nextFixture.startTime)).toBeGreaterThan(Date.now() - 3 * 3600 * 1000);
    await request(server).get('/api/v1/sports/teams/Nobody%20FC').expect(404);
  });

  it('compares two teams with head-to-head and the odds of their next meeting', async () => {
    const res = await request(server).get('/api/v1/sports/compare?team_a=barca&team_b=madrid').expect(200);
    expect(res.body.teamA.team.name).toBe('Barcelona');
    expect(res.body.teamB.team.name).toBe('Real Madrid');
    expect(res.body.headToHead.summary).toEqual({ winsA: expect.any(Number), draws: expect.any(Number), winsB: expect.any(Number) });
    expect(res.body.nextMeeting.id).toBe(clasicoId);
    expect(res.body.odds.markets[0].market).toBe('1x2');
    await request(server).get('/api/v1/sports/compare?team_a=barca').expect(400);
    await request(server).get('/api/v1/sports/compare?team_a=barca&team_b=barcelona').expect(400);
  });

  it('predicts a football match: probabilities sum to 1, fair odds are their inverse, value flags follow the edge', async () => {
    const res = await request(server).get(`/api/v1/predictions/${clasicoId}`).expect(200);
    const p = res.body.probabilities;
    expect(p.home + p.draw + p.away).toBeCloseTo(1, 3);
    expect(p.over25 + p.under25).toBeCloseTo(1, 3);
    expect(p.bttsYes + p.bttsNo).toBeCloseTo(1, 3);
    expect(res.body.expectedGoals.home).toBeGreaterThan(0);
    for (const s of res.body.selections) {
      expect(s.fairOdds).toBeCloseTo(1 / s.probability, 1);
      expect(s.edge).toBeCloseTo(s.probability * s.marketOdds - 1, 3);
      expect(s.value).toBe(s.edge >= 0.03);
    }
  });

  it('does not predict basketball', async () => {
    const nba = await request(server).get('/api/v1/sports/fixtures?sport=basketball&limit=1').expect(200);
    const res = await request(server).get(`/api/v1/predictions/${nba.body.fixtures[0].id}`).expect(400);
    expect(res.body.message).toContain('football matches only');
  });

  it('answers a batch with per-item errors instead of failing it', async () => {
    const res = await request(server).post('/api/v1/matches/batch').send({ match_ids: [clasicoId, '999'] }).expect(200);
    expect(res.body.results[0]).toMatchObject({ match_id: clasicoId, status: 'ok' });
    expect(res.body.results[0].odds.markets.length).toBeGreaterThan(0);
    expect(res.body.results[0].prediction.probabilities.home).toBeGreaterThan(0);
    expect(res.body.results[1]).toMatchObject({ match_id: '999', status: 'error', error: { statusCode: 404, code: 'UNKNOWN_FIXTURE' } });
  });

  it.each([
    [{ match_ids: [] }, 'match_ids must hold 1 to 50 ids'],
    [{ match_ids: Array.from({ length: 51 }, (_, i) => String(i)) }, 'match_ids must hold 1 to 50 ids'],
    [{ match_ids: 'abc' }, 'match_ids must be an array'],
    [{ match_ids: ['ok', 'no spaces'] }, 'each match id must be 1-64 characters'],
    [{}, 'match_ids must be an array'],
  ])('rejects the batch body %j with 400', async (body, message) => {
    const res = await request(server).post('/api/v1/matches/batch').send(body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(message);
  });
});

describe('Sports cache TTLs per resource', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CACHE_TTL_ODDS: '1' } });
  });
  afterAll(() => t.close());

  it('lets odds expire after their TTL while tournaments stay cached', async () => {
    const server = t.app.getHttpServer();
    const fixtures = await request(server).get('/api/v1/sports/fixtures?team=arsenal&limit=1').expect(200);
    const oddsUrl = `/api/v1/sports/odds?match_id=${fixtures.body.fixtures[0].id}`;
    await request(server).get(oddsUrl).expect(200);
    await request(server).get('/api/v1/sports/tournaments').expect(200);
    expect((await request(server).get(oddsUrl)).headers['x-cache']).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect((await request(server).get(oddsUrl)).headers['x-cache']).toBe('MISS');
    expect((await request(server).get('/api/v1/sports/tournaments')).headers['x-cache']).toBe('HIT');
  });
});
