import { Injectable } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS } from '@app/config';
import { RedisModule } from '@app/redis';
import { SportsDataModule, SportsDataService, type Fixture } from '@app/sports-data';
import { BalanceReader, UnavailableBalanceReader, type UserBalance } from './balance.reader.js';
import { BettingToolsService } from './betting-tools.service.js';
import { toolRunConfig, type ToolContext } from './tool-context.js';

@Injectable()
class RecordingBalanceReader extends BalanceReader {
  readonly asked: string[] = [];
  async getBalance(userId: string): Promise<UserBalance> {
    this.asked.push(userId);
    return { currency: 'EUR', available: 125.5, pending: 10 };
  }
}

const CONTEXT: ToolContext = { sessionId: 's1', language: 'en', timeZone: 'Europe/Madrid' };

describe('BettingToolsService', () => {
  let moduleRef: TestingModule;
  let tools: BettingToolsService;
  let sportsData: SportsDataService;
  let balance: RecordingBalanceReader;
  let clasico: Fixture;

  const call = async (name: string, args: Record<string, unknown>, context: Partial<ToolContext> = {}) => {
    const found = tools.get(name);
    if (!found) throw new Error(`no tool ${name}`);
    const output: unknown = await found.invoke(args, toolRunConfig({ ...CONTEXT, ...context }));
    return JSON.parse(String(output)) as Record<string, any>;
  };

  beforeAll(async () => {
    balance = new RecordingBalanceReader();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, SportsDataModule],
      providers: [BettingToolsService, { provide: BalanceReader, useValue: balance }],
    }).compile();
    tools = moduleRef.get(BettingToolsService);
    sportsData = moduleRef.get(SportsDataService);
    const barca = await sportsData.resolveTeam('Barcelona');
    const fixtures = await sportsData.getFixtures({ teamId: barca.id, limit: 20 });
    clasico = fixtures.data.find((f) => f.home.name === 'Barcelona' && f.away.name === 'Real Madrid') as Fixture;
  });
  afterAll(() => moduleRef.close());

  it('offers the ten tools, each with a description and an object schema, and none that places a bet', () => {
    expect(tools.tools.map((t) => t.name).sort()).toEqual(
      ['compare_teams', 'get_match_odds', 'get_user_balance', 'list_tournaments', 'match_verdict', 'predict_match', 'propose_bet', 'recommend_bets', 'search_fixtures', 'simulate_bet'].sort(),
    );
    for (const t of tools.tools) expect(t.description.length).toBeGreaterThan(40);
  });

  it('finds a team\'s fixtures by alias with local kick-off times', async () => {
    const result = await call('search_fixtures', { team: 'Barça' });
    expect(result.filters.team).toBe('Barcelona');
    expect(result.count).toBeGreaterThan(0);
    for (const m of result.matches) expect([m.home, m.away]).toContain('Barcelona');
    const c = result.matches.find((m: { id: string }) => m.id === clasico.id);
    expect(c.kickoffLocal).toBe(new Date(Date.parse(clasico.startTime) + 3600_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(result).toMatchObject({ source: 'embedded', stale: false, timeZone: 'Europe/Madrid' });
  });

  it('reads days in the user\'s time zone and clamps long ranges and limits', async () => {
    const day = clasico.startTime.slice(0, 10);
    const result = await call('search_fixtures', { tournament: 'LaLiga', date_from: day, date_to: day, limit: 500 });
    expect(result.matches.map((m: { id: string }) => m.id)).toContain(clasico.id);
    expect(result.count).toBeLessThanOrEqual(25);
    const long = await call('search_fixtures', { date_from: '2026-01-01', date_to: '2026-12-31' });
    expect(long.filters.clampedToDays).toBe(31);
  });

  it('names the favourite from the lowest price of the winner market, with margin-free and model probabilities', async () => {
    const result = await call('match_verdict', { match_id: clasico.id, selection: 'Real Madrid' });
    const odds = await sportsData.getOdds(clasico.id, '1x2');
    const prices = odds.data.markets[0]!.selections;
    const lowest = prices.reduce((a, b) => (b.odds < a.odds ? b : a));
    expect(result.favourite.key).toBe(lowest.key);
    expect(result.favourite.odds).toBe(lowest.odds);
    const fairTotal = result.selections.reduce((sum: number, s: { fairProbability: number }) => sum + s.fairProbability, 0);
    expect(fairTotal).toBeCloseTo(1, 4);
    expect(result.modelAvailable).toBe(true);
    expect(result.asked).toMatchObject({ key: 'away', isFavourite: lowest.key === 'away' });
  });

  it('gives basketball verdicts from the moneyline, with no draw', async () => {
    const result = await call('match_verdict', { team_a: 'Lakers' });
    expect(result.market).toBe('moneyline');
    expect(result.selections.map((s: { key: string }) => s.key).sort()).toEqual(['away', 'home']);
    expect(result.modelAvailable).toBe(false);
  });

  it('finds the match of a team within a date window', async () => {
    const day = clasico.startTime.slice(0, 10);
    const inWindow = await call('get_match_odds', { team_a: 'Real Madrid', date_from: day, date_to: day });
    expect(inWindow.match.id).toBe(clasico.id);
    const before = new Date(Date.parse(clasico.startTime) - 86_400_000).toISOString().slice(0, 10);
    const none = await call('get_match_odds', { team_a: 'Barcelona', team_b: 'Real Madrid', date_from: before, date_to: before });
    expect(none.error).toBe('NO_UPCOMING_MATCH');
  });

  it('pages a broad fixture list without repeating a match and says how many remain', async () => {
    const first = await call('search_fixtures', { limit: 5 });
    const second = await call('search_fixtures', { limit: 5, offset: 5 });
    expect(first.order).toBe('relevance');
    expect(first.remaining).toBe(first.total - 5);
    expect(second.offset).toBe(5);
    const ids = (r: Record<string, any>) => r.matches.map((m: { id: string }) => m.id);
    expect(ids(second).filter((id: string) => ids(first).includes(id))).toEqual([]);
    // The first page of a Spanish user's list leads with the Clásico's league.
    const spanish = await call('search_fixtures', { limit: 5 }, { language: 'es' });
    expect(spanish.matches.some((m: { competition: string }) => m.competition === 'La Liga')).toBe(true);
  });

  it("leads a broad list with the user's teams, even from a league the list would not otherwise reach", async () => {
    const plain = await call('search_fixtures', { limit: 5 });
    const ids = new Set(plain.matches.map((m: { home: string; away: string }) => `${m.home}|${m.away}`));
    // A team whose next match the plain first page leaves out.
    const all = await call('search_fixtures', { limit: 25, offset: 5, sport: 'football' });
    const outside = all.matches.find((m: { home: string; away: string }) => !ids.has(`${m.home}|${m.away}`));
    const favourite = outside.home as string;
    const withTeam = await call('search_fixtures', { limit: 5 }, { favouriteTeams: [favourite] });
    expect([withTeam.matches[0].home, withTeam.matches[0].away]).toContain(favourite);
    expect(withTeam.favouriteTeams).toEqual([favourite]);
    expect(plain.favouriteTeams).toBeUndefined();
    // A list for one team is left as asked.
    const teamList = await call('search_fixtures', { team: 'Barcelona' }, { favouriteTeams: [favourite] });
    expect(teamList.favouriteTeams).toBeUndefined();
  });

  it('lists several competitions together, each with its share of the page', async () => {
    const result = await call('search_fixtures', { tournament: 'Premier League', tournaments: ['Premier League', 'Serie A'], limit: 6 });
    expect(result.filters.tournaments).toEqual(['Premier League', 'Serie A']);
    const competitions = result.matches.map((m: { competition: string }) => m.competition);
    expect(competitions.filter((c: string) => c === 'Premier League')).toHaveLength(3);
    expect(competitions.filter((c: string) => c === 'Serie A')).toHaveLength(3);
    expect(result.total).toBe(result.count + result.remaining);
    const premier = await call('search_fixtures', { tournament: 'Premier League', limit: 25 });
    const serieA = await call('search_fixtures', { tournament: 'Serie A', limit: 25 });
    expect(result.total).toBe(premier.total + serieA.total);
  });

  it('leaves out a second selection of a match already in the accumulator, saying which leg it clashes with', async () => {
    const result = await call('simulate_bet', {
      selections: [{ match_id: clasico.id, selection: 'Barcelona' }, { match_id: clasico.id, selection: 'over', market: 'over_under' }, { selection: 'Liverpool' }],
      stake: 10,
    });
    expect(result.type).toBe('accumulator');
    expect(result.legs.map((l: { match: { id: string } }) => l.match.id)).toContain(clasico.id);
    expect(result.legs).toHaveLength(2);
    expect(result.failedLegs).toEqual([expect.objectContaining({ index: 1, error: 'SAME_MATCH', sameMatchAs: 0, match: 'Barcelona vs Real Madrid' })]);
    const single = await call('simulate_bet', { selections: [{ match_id: clasico.id, selection: 'draw' }, { match_id: clasico.id, selection: 'Real Madrid' }], stake: 10 });
    expect(single.type).toBe('single');
    expect(single.failedLegs).toEqual([expect.objectContaining({ index: 1, error: 'SAME_MATCH' })]);
  });

  it('prices the legs it can and names the leg it cannot', async () => {
    const result = await call('simulate_bet', {
      selections: [{ selection: 'Barcelona' }, { selection: 'Real Springfield FC' }, { selection: 'Liverpool' }],
      stake: 10,
    });
    expect(result.type).toBe('accumulator');
    expect(result.legs).toHaveLength(2);
    expect(result.requestedLegs).toBe(3);
    expect(result.failedLegs).toEqual([expect.objectContaining({ index: 1, requested: 'Real Springfield FC', error: 'UNKNOWN_TEAM' })]);
    expect(result.potentialReturn).toBeCloseTo(10 * result.legs[0].odds * result.legs[1].odds, 1);
  });

  it('turns an unknown team into an error result with suggestions', async () => {
    const result = await call('search_fixtures', { team: 'Barcelonx' });
    expect(result.error).toBe('UNKNOWN_TEAM');
    expect(result.suggestions).toContain('Barcelona');
  });

  it('rejects a malformed date as an error result', async () => {
    const result = await call('search_fixtures', { date_from: 'next tuesday' });
    expect(result.error).toBe('INVALID_ARGUMENT');
  });

  it('quotes the odds of a meeting by team names, equal to the sports-data odds', async () => {
    const result = await call('get_match_odds', { team_a: 'Real Madrid', team_b: 'barca', market: '1x2' });
    expect(result.match.id).toBe(clasico.id);
    const odds = await sportsData.getOdds(clasico.id, '1x2');
    expect(result.markets[0].selections.map((s: { odds: number }) => s.odds)).toEqual(odds.data.markets[0].selections.map((s) => s.odds));
    for (const s of result.markets[0].selections) expect(s.impliedProbability).toBeCloseTo(1 / s.odds, 4);
  });

  it('says when two teams have no upcoming meeting', async () => {
    const result = await call('get_match_odds', { team_a: 'Barcelona', team_b: 'Lakers' });
    expect(result.error).toBe('NO_UPCOMING_MATCH');
  });

  it('lists tournaments by Spanish sport name and country', async () => {
    const result = await call('list_tournaments', { sport: 'fútbol', country: 'España' });
    expect(result.tournaments.map((t: { name: string }) => t.name)).toEqual(['La Liga']);
  });

  it('compares two teams with form, head-to-head and the next meeting\'s odds', async () => {
    const result = await call('compare_teams', { team_a: 'Barcelona', team_b: 'Real Madrid' });
    expect(result.teamA.form.last).toMatch(/^[WDL]{5}$/);
    expect(result.headToHead.meetings).toBeGreaterThan(0);
    expect(result.headToHead.winsA + result.headToHead.draws + result.headToHead.winsB).toBe(result.headToHead.meetings);
    expect(result.nextMeeting.id).toBe(clasico.id);
    expect(result.nextMeetingOdds).toHaveLength(3);
  });

  it('predicts a football match with probabilities that add up', async () => {
    const result = await call('predict_match', { match_id: clasico.id });
    const p = result.probabilities;
    expect(p.home + p.draw + p.away).toBeCloseTo(1, 2);
    expect(result.selections.length).toBeGreaterThan(0);
  });

  it('recommends the safest bets with reasons, a budget split and a responsible-gambling note', async () => {
    const result = await call('recommend_bets', { risk: 'safest', budget: 50, currency: 'eur' }, { language: 'es' });
    expect(result.selections.length).toBeGreaterThan(0);
    const stakes = result.selections.map((s: { stake: number }) => s.stake);
    expect(stakes.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(50, 2);
    for (const s of result.selections) {
      expect(s.odds).toBeGreaterThanOrEqual(1.25);
      expect(s.reason).toContain('modelo');
      const odds = await sportsData.getOdds(s.match.id);
      const market = odds.data.markets.find((m) => m.market === s.market && (s.line === undefined || m.line === s.line));
      expect(market?.selections.find((x) => x.key === s.selection)?.odds).toBe(s.odds);
    }
    expect(result.currency).toBe('EUR');
    expect(result.responsibleGambling).toMatch(/responsabilidad/);
  });

  it('builds an accumulator from legs of different matches', async () => {
    const result = await call('recommend_bets', { risk: 'accumulator', budget: 10 });
    expect(result.selections.length).toBeGreaterThanOrEqual(2);
    expect(new Set(result.selections.map((s: { match: { id: string } }) => s.match.id)).size).toBe(result.selections.length);
    const product = result.selections.reduce((acc: number, s: { odds: number }) => acc * s.odds, 1);
    expect(result.accumulator.combinedOdds).toBeCloseTo(product, 2);
    expect(result.accumulator.potentialReturn).toBeCloseTo(10 * product, 1);
  });

  it('prices a simulated single bet from current odds, ignoring any odds in the arguments', async () => {
    const result = await call('simulate_bet', { selections: [{ match_id: clasico.id, selection: 'draw', odds: 99 }], stake: 20, currency: 'EUR' });
    const odds = await sportsData.getOdds(clasico.id, '1x2');
    const draw = odds.data.markets[0].selections.find((s) => s.key === 'draw')!.odds;
    expect(result.legs[0].odds).toBe(draw);
    expect(result.potentialReturn).toBeCloseTo(Math.round(20 * draw * 100) / 100, 2);
    expect(result.profit).toBeCloseTo(result.potentialReturn - 20, 2);
  });

  it('finds the next match of a backed team and prices over/under lines', async () => {
    const single = await call('simulate_bet', { selections: [{ selection: 'Chelsea' }], stake: 50 });
    expect([single.legs[0].match.home, single.legs[0].match.away]).toContain('Chelsea');
    const over = await call('simulate_bet', { selections: [{ match_id: clasico.id, selection: 'Over 2.5' }], stake: 10 });
    expect(over.legs[0]).toMatchObject({ market: 'over_under', line: 2.5, selection: 'over' });
  });

  it('rejects a non-positive stake and too many legs', async () => {
    expect((await call('simulate_bet', { selections: [{ match_id: clasico.id, selection: 'home' }], stake: 0 })).error).toBe('INVALID_ARGUMENT');
    const legs = Array.from({ length: 11 }, () => ({ match_id: clasico.id, selection: 'home' }));
    expect((await call('simulate_bet', { selections: legs, stake: 5 })).error).toBe('INVALID_ARGUMENT');
  });

  it('asks for a login when the turn has no user, whatever the arguments say', async () => {
    const result = await call('get_user_balance', { userId: 'victim', user_id: 'victim' });
    expect(result).toMatchObject({ loginRequired: true });
    expect(balance.asked).toEqual([]);
  });

  it('reads the balance of the session\'s user only', async () => {
    const result = await call('get_user_balance', { user_id: 'victim' }, { userId: 'u-7' });
    expect(result).toMatchObject({ loginRequired: false, currency: 'EUR', available: 125.5, pending: 10 });
    expect(balance.asked).toEqual(['u-7']);
  });
});

describe('UnavailableBalanceReader', () => {
  it('says balances are not available', async () => {
    await expect(new UnavailableBalanceReader().getBalance()).rejects.toMatchObject({ code: 'BALANCE_UNAVAILABLE' });
  });
});
