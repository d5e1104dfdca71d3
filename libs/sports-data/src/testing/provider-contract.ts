import {
  InvalidMarketError,
  UnknownFixtureError,
  UnknownTeamError,
  UnknownTournamentError,
} from '../domain/errors.js';
import type { Fixture } from '../domain/fixture.js';
import { MARKET_CODES, marketOverround, type MarketCode, type MarketOdds, type SelectionKey } from '../domain/market.js';
import { FOOTBALL_SPORT_ID } from '../domain/sport.js';
import type { SportsDataProvider } from '../sports-data.provider.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DIGITS = /^\d+$/;

/** Football offers every market but the two-way moneyline, which is basketball's. */
const FOOTBALL_MARKETS = MARKET_CODES.filter((code) => code !== 'moneyline');

const EXPECTED_KEYS: Record<MarketCode, SelectionKey[]> = {
  '1x2': ['home', 'draw', 'away'],
  moneyline: ['home', 'away'],
  over_under: ['over', 'under'],
  btts: ['yes', 'no'],
  double_chance: ['home_or_draw', 'away_or_draw', 'home_or_away'],
  handicap: ['home', 'away'],
  draw_no_bet: ['home', 'away'],
};

/** Resolves to what the promise rejected with, failing the test if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

function expectIsoUtc(value: string): void {
  expect(value).toMatch(ISO_UTC);
  expect(Number.isNaN(Date.parse(value))).toBe(false);
}

function expectWellFormedFixture(fixture: Fixture): void {
  expect(fixture.id).toMatch(DIGITS);
  expect(typeof fixture.sportId).toBe('string');
  expect(fixture.tournament.id).toEqual(expect.any(String));
  expect(fixture.tournament.name.length).toBeGreaterThan(0);
  for (const side of [fixture.home, fixture.away]) {
    expect(side.id).toEqual(expect.any(String));
    expect(side.name.length).toBeGreaterThan(0);
  }
  expect(fixture.home.id).not.toBe(fixture.away.id);
  expectIsoUtc(fixture.startTime);
  expect(['pre_match', 'live', 'finished']).toContain(fixture.status);
  if (fixture.status === 'pre_match') expect(fixture.score).toBeUndefined();
  if (fixture.score !== undefined) {
    for (const goals of [fixture.score.home, fixture.score.away]) {
      expect(Number.isInteger(goals)).toBe(true);
      expect(goals).toBeGreaterThanOrEqual(0);
    }
  }
}

function expectSaneMarket(market: MarketOdds, fixtureId: string): void {
  expect(market.fixtureId).toBe(fixtureId);
  expect(MARKET_CODES).toContain(market.market);
  expectIsoUtc(market.updatedAt);
  expect(market.selections.map((s) => s.key).sort()).toEqual([...EXPECTED_KEYS[market.market]].sort());
  if (market.market === 'over_under' || market.market === 'handicap') expect(typeof market.line).toBe('number');
  for (const selection of market.selections) {
    expect(selection.name.length).toBeGreaterThan(0);
    expect(selection.betId.length).toBeGreaterThan(0);
    expect(Number.isFinite(selection.odds)).toBe(true);
    expect(selection.odds).toBeGreaterThan(1);
    expect(selection.odds).toBeLessThan(1000);
    // Quoted to two decimals.
    expect(Math.abs(selection.odds * 100 - Math.round(selection.odds * 100))).toBeLessThan(1e-6);
  }
  // A bookmaker's book: no arbitrage within the market, and no absurd margin either.
  const overround = marketOverround(market);
  expect(overround).toBeGreaterThanOrEqual(-0.005);
  expect(overround).toBeLessThan(0.15);
}

/**
 * Registers the behaviour every SportsDataProvider must show, whatever its source. Run it once per
 * implementation (each with its own fake time or fake upstream); implementation-specific details
 * belong in that implementation's own spec.
 *
 * The suite assumes the provider knows the big football names (Barcelona, Real Madrid, the Champions
 * League, the Premier League) and has open football fixtures with odds.
 */
export function describeSportsDataProviderContract(
  label: string,
  makeProvider: () => Promise<SportsDataProvider> | SportsDataProvider,
): void {
  describe(`SportsDataProvider contract: ${label}`, () => {
    let provider: SportsDataProvider;
    let open: Fixture[];

    beforeAll(async () => {
      provider = await makeProvider();
      open = await provider.getFixtures({});
    });

    const upcomingFootball = async (): Promise<Fixture> => {
      const fixtures = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID, status: 'pre_match' });
      const fixture = fixtures[0];
      if (fixture === undefined) throw new Error('the provider has no upcoming football fixture');
      return fixture;
    };

    it('names itself', () => {
      expect(['embedded', 'chatbet']).toContain(provider.name);
    });

    describe('getSports', () => {
      it('lists sports with unique ids, football among them', async () => {
        const sports = await provider.getSports();
        expect(sports.length).toBeGreaterThan(0);
        expect(new Set(sports.map((s) => s.id)).size).toBe(sports.length);
        for (const sport of sports) {
          expect(sport.name.length).toBeGreaterThan(0);
          expect(sport.nameEs.length).toBeGreaterThan(0);
        }
        expect(sports.map((s) => s.id)).toContain(FOOTBALL_SPORT_ID);
      });
    });

    describe('getTournaments', () => {
      it('lists tournaments of known sports with unique ids', async () => {
        const sportIds = new Set((await provider.getSports()).map((s) => s.id));
        const tournaments = await provider.getTournaments();
        expect(tournaments.length).toBeGreaterThan(0);
        expect(new Set(tournaments.map((t) => t.id)).size).toBe(tournaments.length);
        for (const tournament of tournaments) {
          expect(sportIds.has(tournament.sportId)).toBe(true);
          expect(tournament.name.length).toBeGreaterThan(0);
          expect(tournament.nameEs.length).toBeGreaterThan(0);
          expect(typeof tournament.active).toBe('boolean');
        }
      });

      it('filters by sport, activity and country', async () => {
        const football = await provider.getTournaments({ sportId: FOOTBALL_SPORT_ID });
        expect(football.length).toBeGreaterThan(0);
        expect(football.every((t) => t.sportId === FOOTBALL_SPORT_ID)).toBe(true);

        const active = await provider.getTournaments({ active: true });
        expect(active.length).toBeGreaterThan(0);
        expect(active.every((t) => t.active)).toBe(true);

        const country = football.find((t) => t.country.length > 0)?.country;
        if (country !== undefined) {
          const inCountry = await provider.getTournaments({ country: country.toUpperCase() });
          expect(inCountry.length).toBeGreaterThan(0);
          expect(inCountry.every((t) => t.country.toLowerCase() === country.toLowerCase())).toBe(true);
        }
      });
    });

    describe('getFixtures', () => {
      it('lists open fixtures, well formed, unique and sorted by start time', () => {
        expect(open.length).toBeGreaterThan(0);
        open.forEach(expectWellFormedFixture);
        expect(new Set(open.map((f) => f.id)).size).toBe(open.length);
        expect(open.every((f) => f.status === 'pre_match' || f.status === 'live')).toBe(true);
        const starts = open.map((f) => Date.parse(f.startTime));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      });

      it('applies the limit after sorting', async () => {
        const all = await provider.getFixtures({});
        const limited = await provider.getFixtures({ limit: 3 });
        expect(limited.map((f) => f.id)).toEqual(all.slice(0, 3).map((f) => f.id));
      });

      // Samples are taken from the far end of the listing: those fixtures cannot finish (and drop
      // out of the open list) while the suite runs against a real clock.
      it('filters by tournament', async () => {
        const tournamentId = open[open.length - 1]!.tournament.id;
        const fixtures = await provider.getFixtures({ tournamentId });
        expect(fixtures.length).toBeGreaterThan(0);
        expect(fixtures.every((f) => f.tournament.id === tournamentId)).toBe(true);
      });

      it('filters by sport', async () => {
        const fixtures = await provider.getFixtures({ sportId: FOOTBALL_SPORT_ID });
        expect(fixtures.length).toBeGreaterThan(0);
        expect(fixtures.every((f) => f.sportId === FOOTBALL_SPORT_ID)).toBe(true);
      });

      it('filters by team, home or away', async () => {
        const sample = open[open.length - 1]!;
        const teamId = sample.away.id;
        const fixtures = await provider.getFixtures({ teamId });
        expect(fixtures.map((f) => f.id)).toContain(sample.id);
        expect(fixtures.every((f) => f.home.id === teamId || f.away.id === teamId)).toBe(true);
      });

      it('filters by a date range given as strings or dates', async () => {
        const from = open[Math.floor(open.length / 2)]!.startTime;
        const to = new Date(Date.parse(from) + 2 * 24 * 3600 * 1000);
        for (const query of [{ from, to: to.toISOString() }, { from: new Date(from), to }]) {
          const fixtures = await provider.getFixtures(query);
          expect(fixtures.length).toBeGreaterThan(0);
          for (const fixture of fixtures) {
            expect(Date.parse(fixture.startTime)).toBeGreaterThanOrEqual(Date.parse(from));
            expect(Date.parse(fixture.startTime)).toBeLessThanOrEqual(to.getTime());
          }
        }
      });

      it('filters by status', async () => {
        const preMatch = await provider.getFixtures({ status: 'pre_match' });
        expect(preMatch.length).toBeGreaterThan(0);
        expect(preMatch.every((f) => f.status === 'pre_match')).toBe(true);
        const live = await provider.getFixtures({ status: 'live' });
        expect(live.every((f) => f.status === 'live' && f.score !== undefined)).toBe(true);
      });
    });

    describe('getFixture', () => {
      it('returns the fixture as listed', async () => {
        const listed = open[open.length - 1]!;
        const fixture = await provider.getFixture(listed.id);
        expect(fixture).toMatchObject({
          id: listed.id,
          sportId: listed.sportId,
          tournament: listed.tournament,
          home: listed.home,
          away: listed.away,
          startTime: listed.startTime,
        });
      });

      it('rejects an unknown id with UnknownFixtureError', async () => {
        const error = await rejectionOf(provider.getFixture('999999999'));
        expect(error).toBeInstanceOf(UnknownFixtureError);
        expect(error).toMatchObject({ code: 'UNKNOWN_FIXTURE', query: '999999999', suggestions: expect.any(Array) });
      });
    });

    describe('getOdds', () => {
      it('prices every market of an upcoming football fixture', async () => {
        const fixture = await upcomingFootball();
        const odds = await provider.getOdds(fixture.id);
        expect(odds.fixtureId).toBe(fixture.id);
        expect(odds.status).toBe('active');
        expectIsoUtc(odds.updatedAt);
        for (const market of odds.markets) expectSaneMarket(market, fixture.id);
        expect([...new Set(odds.markets.map((m) => m.market))].sort()).toEqual([...FOOTBALL_MARKETS].sort());
        const betIds = odds.markets.flatMap((m) => m.selections.map((s) => s.betId));
        expect(new Set(betIds).size).toBe(betIds.length);
      });

      it('names 1x2 selections after the teams', async () => {
        const fixture = await upcomingFootball();
        const [market] = (await provider.getOdds(fixture.id, '1x2')).markets;
        const name = (key: SelectionKey): string | undefined => market?.selections.find((s) => s.key === key)?.name;
        expect(name('home')).toBe(fixture.home.name);
        expect(name('away')).toBe(fixture.away.name);
      });

      it('narrows to one market on request', async () => {
        const fixture = await upcomingFootball();
        for (const code of FOOTBALL_MARKETS) {
          const odds = await provider.getOdds(fixture.id, code);
          expect(odds.markets.length).toBeGreaterThan(0);
          expect(odds.markets.every((m) => m.market === code)).toBe(true);
        }
      });

      it('rejects an unknown market with InvalidMarketError listing the valid ones', async () => {
        const fixture = await upcomingFootball();
        const error = await rejectionOf(provider.getOdds(fixture.id, 'corners' as MarketCode));
        expect(error).toBeInstanceOf(InvalidMarketError);
        expect(error).toMatchObject({ code: 'INVALID_MARKET', market: 'corners' });
        const valid = (error as InvalidMarketError).validMarkets;
        expect(valid.length).toBeGreaterThan(0);
        for (const code of valid) expect(MARKET_CODES).toContain(code);
      });

      it('rejects an unknown fixture with UnknownFixtureError', async () => {
        await expect(provider.getOdds('999999999')).rejects.toBeInstanceOf(UnknownFixtureError);
      });
    });

    describe('resolveTeam', () => {
      it('resolves names and aliases regardless of case and accents', async () => {
        const barcelona = await provider.resolveTeam('Barcelona');
        expect(barcelona.name).toMatch(/barcelona/i);
        expect(barcelona.sportId).toBe(FOOTBALL_SPORT_ID);
        expect(Array.isArray(barcelona.aliases)).toBe(true);
        expect((await provider.resolveTeam('barça')).id).toBe(barcelona.id);
        expect((await provider.resolveTeam('BARCELONA')).id).toBe(barcelona.id);
        expect((await provider.resolveTeam('real madrid')).name).toMatch(/real madrid/i);
      });

      it('rejects an unknown team with UnknownTeamError and close suggestions', async () => {
        const error = await rejectionOf(provider.resolveTeam('Barcelonaa'));
        expect(error).toBeInstanceOf(UnknownTeamError);
        expect(error).toMatchObject({ code: 'UNKNOWN_TEAM', query: 'Barcelonaa' });
        expect((error as UnknownTeamError).suggestions.some((s) => /barcelona/i.test(s))).toBe(true);
        await expect(provider.resolveTeam('Qwxzv Plorth Athletic')).rejects.toBeInstanceOf(UnknownTeamError);
      });
    });

    describe('resolveTournament', () => {
      it('resolves English and Spanish names', async () => {
        const champions = await provider.resolveTournament('Champions League');
        expect((await provider.resolveTournament('Liga de Campeones')).id).toBe(champions.id);
        expect((await provider.resolveTournament('premier league')).name).toMatch(/premier league/i);
      });

      it('rejects an unknown tournament with UnknownTournamentError and close suggestions', async () => {
        const error = await rejectionOf(provider.resolveTournament('Premier Leage'));
        expect(error).toBeInstanceOf(UnknownTournamentError);
        expect(error).toMatchObject({ code: 'UNKNOWN_TOURNAMENT', query: 'Premier Leage' });
        expect((error as UnknownTournamentError).suggestions.some((s) => /premier league/i.test(s))).toBe(true);
      });
    });

    describe('getTeamForm', () => {
      it("lists a team's recent results, most recent first and consistent", async () => {
        const team = await provider.resolveTeam('Barcelona');
        const form = await provider.getTeamForm(team.id, 3);
        expect(form.team.id).toBe(team.id);
        expect(form.results.length).toBeGreaterThan(0);
        expect(form.results.length).toBeLessThanOrEqual(3);
        for (const result of form.results) {
          expect(result.fixtureId).toMatch(DIGITS);
          expect(result.opponent.id).not.toBe(team.id);
          expect(['home', 'away']).toContain(result.venue);
          expectIsoUtc(result.date);
          const expected = result.goalsFor > result.goalsAgainst ? 'W' : result.goalsFor < result.goalsAgainst ? 'L' : 'D';
          expect(result.outcome).toBe(expected);
        }
        const dates = form.results.map((r) => Date.parse(r.date));
        expect(dates).toEqual([...dates].sort((a, b) => b - a));
      });

      it('rejects an unknown team id with UnknownTeamError', async () => {
        await expect(provider.getTeamForm('999999999')).rejects.toBeInstanceOf(UnknownTeamError);
      });
    });

    describe('getHeadToHead', () => {
      it('lists meetings of the two teams with a matching summary', async () => {
        const a = await provider.resolveTeam('Barcelona');
        const b = await provider.resolveTeam('Real Madrid');
        const h2h = await provider.getHeadToHead(a.id, b.id);
        expect(h2h.teamA.id).toBe(a.id);
        expect(h2h.teamB.id).toBe(b.id);
        let winsA = 0;
        let winsB = 0;
        let draws = 0;
        for (const meeting of h2h.meetings) {
          expect([meeting.home.id, meeting.away.id].sort()).toEqual([a.id, b.id].sort());
          expectIsoUtc(meeting.date);
          const goalsA = meeting.home.id === a.id ? meeting.score.home : meeting.score.away;
          const goalsB = meeting.home.id === a.id ? meeting.score.away : meeting.score.home;
          if (goalsA > goalsB) winsA++;
          else if (goalsA < goalsB) winsB++;
          else draws++;
        }
        expect(h2h.summary).toEqual({ winsA, draws, winsB });
        const dates = h2h.meetings.map((m) => Date.parse(m.date));
        expect(dates).toEqual([...dates].sort((x, y) => y - x));
      });

      it('rejects an unknown team id with UnknownTeamError', async () => {
        const a = await provider.resolveTeam('Barcelona');
        await expect(provider.getHeadToHead(a.id, '999999999')).rejects.toBeInstanceOf(UnknownTeamError);
      });
    });
  });
}
