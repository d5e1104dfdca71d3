import { Test } from '@nestjs/testing';
import { Clock } from './clock.js';
import { InvalidMarketError, InvalidQueryError, UnknownTeamError } from './domain/errors.js';
import type { Fixture } from './domain/fixture.js';
import { MARKET_CODES, marketOverround, type FixtureOdds } from './domain/market.js';
import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID } from './domain/sport.js';
import { EmbeddedSportsProvider, LIVE_WINDOW_MS } from './embedded-sports.provider.js';
import { ODDS_BUCKET_MS } from './embedded/odds-drift.js';
import { SportsDataProvider } from './sports-data.provider.js';
import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  EUROLEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  NBA_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
  TeamDirectory,
} from './team-directory.js';
import { FixedClock, describeSportsDataProviderContract } from './testing/index.js';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
// A Wednesday noon: Champions League night ahead, a full league weekend within the week.
const WEDNESDAY = '2026-11-18T12:00:00.000Z';
// Saturday 16:00 UTC: the 15:00 Premier League games are in play.
const SATURDAY_AFTERNOON = '2026-11-21T16:00:00.000Z';

const HEADLINES: [string, string][] = [
  ['Barcelona', 'Real Madrid'],
  ['Manchester City', 'Manchester United'],
  ['Juventus', 'AC Milan'],
  ['Arsenal', 'Chelsea'],
  ['Bayern Munich', 'Borussia Dortmund'],
  ['Inter', 'Napoli'],
];

const providerAt = (at: string | number): EmbeddedSportsProvider => new EmbeddedSportsProvider(new FixedClock(at));
const directory = new TeamDirectory();
const idOf = (name: string): string => {
  const team = directory.findTeam(name);
  if (team === undefined) throw new Error(`unknown team ${name}`);
  return team.id;
};

async function headline(provider: EmbeddedSportsProvider, home: string, away: string): Promise<Fixture> {
  const fixtures = await provider.getFixtures({ teamId: idOf(home), status: 'pre_match' });
  const fixture = fixtures.find((f) => f.away.id === idOf(away));
  if (fixture === undefined) throw new Error(`no upcoming ${home} v ${away}`);
  return fixture;
}

/** The pairing's meeting that is live now or the next one to come. */
async function nextMeeting(provider: EmbeddedSportsProvider, home: string, away: string): Promise<Fixture | undefined> {
  const fixtures = await provider.getFixtures({ teamId: idOf(home) });
  return fixtures.find((f) => f.home.id === idOf(home) && f.away.id === idOf(away));
}

const prices = (odds: FixtureOdds): number[] => odds.markets.flatMap((m) => m.selections.map((s) => s.odds));

describeSportsDataProviderContract('embedded, fixed clock', () => providerAt(WEDNESDAY));
describeSportsDataProviderContract('embedded, live weekend', () => providerAt(SATURDAY_AFTERNOON));
describeSportsDataProviderContract('embedded, system clock', () => new EmbeddedSportsProvider());

describe('EmbeddedSportsProvider', () => {
  describe('dependency injection', () => {
    it('is provided for the SportsDataProvider token, with the system clock by default', async () => {
      const module = await Test.createTestingModule({
        providers: [{ provide: SportsDataProvider, useClass: EmbeddedSportsProvider }],
      }).compile();
      const provider = module.get(SportsDataProvider);
      expect(provider).toBeInstanceOf(EmbeddedSportsProvider);
      expect(provider.name).toBe('embedded');
      const [next] = await provider.getFixtures({ status: 'pre_match', limit: 1 });
      expect(Date.parse(next!.startTime)).toBeGreaterThan(Date.now());
    });

    it('takes the Clock provided in the module', async () => {
      const module = await Test.createTestingModule({
        providers: [EmbeddedSportsProvider, { provide: Clock, useValue: new FixedClock(WEDNESDAY) }],
      }).compile();
      const [next] = await module.get(EmbeddedSportsProvider).getFixtures({ limit: 1 });
      expect(Date.parse(next!.startTime)).toBeGreaterThanOrEqual(Date.parse(WEDNESDAY) - LIVE_WINDOW_MS);
      expect(Date.parse(next!.startTime)).toBeLessThan(Date.parse(WEDNESDAY) + DAY_MS);
    });
  });

  describe('schedule', () => {
    it.each([
      WEDNESDAY,
      SATURDAY_AFTERNOON,
      // Sunday evening: the Clásico and the Serie A marquee games are in play.
      '2026-11-22T21:30:00.000Z',
      '2026-11-23T23:59:59.000Z',
      // Sunday 20:00: the Clásico kicks off.
      '2027-03-07T20:00:00.000Z',
    ])('has every headline fixture live or within the next 7 days at %s', async (now) => {
      const provider = providerAt(now);
      const horizon = Date.parse(now) + 7 * DAY_MS;
      for (const [home, away] of HEADLINES) {
        const fixture = await nextMeeting(provider, home, away);
        expect({ home, away, found: fixture !== undefined }).toEqual({ home, away, found: true });
        expect(Date.parse(fixture!.startTime)).toBeGreaterThan(Date.parse(now) - LIVE_WINDOW_MS);
        expect(Date.parse(fixture!.startTime)).toBeLessThanOrEqual(horizon);
        expect(fixture!.sportId).toBe(FOOTBALL_SPORT_ID);
      }
    });

    it('moves a marquee pairing on to its next round once its game is over, keeping the result by id', async () => {
      const clock = new FixedClock(WEDNESDAY);
      const provider = new EmbeddedSportsProvider(clock);
      const clasico = await headline(provider, 'Barcelona', 'Real Madrid');
      clock.set(Date.parse(clasico.startTime) + LIVE_WINDOW_MS);
      const finished = await provider.getFixture(clasico.id);
      expect(finished.status).toBe('finished');
      expect(finished.score).toBeDefined();
      // The pairing is played once per half-season: its next meeting is the upcoming round's, and the
      // listing holds no other meeting of the two.
      const next = await headline(provider, 'Barcelona', 'Real Madrid');
      expect(Date.parse(next.startTime) - Date.parse(clasico.startTime)).toBe(7 * DAY_MS);
      const meetings = (await provider.getFixtures({ teamId: idOf('Barcelona'), status: 'finished' })).filter(
        (f) => f.tournament.id === LA_LIGA_ID && [f.home.id, f.away.id].includes(idOf('Real Madrid')),
      );
      expect(meetings).toEqual([]);
    });

    it('plays a full round of every league each weekend, each team once', async () => {
      const provider = providerAt(WEDNESDAY);
      const weekend = await provider.getFixtures({ from: '2026-11-20T00:00:00Z', to: '2026-11-23T23:59:59Z' });
      for (const [tournamentId, teams] of [
        [LA_LIGA_ID, 20],
        [PREMIER_LEAGUE_ID, 20],
        [SERIE_A_ID, 20],
        [BUNDESLIGA_ID, 18],
        [LIGUE_1_ID, 18],
      ] as const) {
        const round = weekend.filter((f) => f.tournament.id === tournamentId);
        expect(round).toHaveLength(teams / 2);
        const playing = round.flatMap((f) => [f.home.id, f.away.id]);
        expect(new Set(playing).size).toBe(teams);
      }
    });

    it('plays the Champions League midweek and basketball through the week', async () => {
      const provider = providerAt(WEDNESDAY);
      const week = await provider.getFixtures({ to: new Date(Date.parse(WEDNESDAY) + 7 * DAY_MS) });
      const champions = week.filter((f) => f.tournament.id === CHAMPIONS_LEAGUE_ID);
      expect(champions.length).toBeGreaterThan(0);
      for (const fixture of champions) expect([2, 3]).toContain(new Date(fixture.startTime).getUTCDay());
      for (const tournamentId of [NBA_ID, EUROLEAGUE_ID]) {
        const games = week.filter((f) => f.tournament.id === tournamentId);
        expect(games.length).toBeGreaterThan(0);
        expect(games.every((f) => f.sportId === BASKETBALL_SPORT_ID)).toBe(true);
      }
    });

    it('kicks off at realistic UTC times', async () => {
      const fixtures = await providerAt(WEDNESDAY).getFixtures({});
      for (const fixture of fixtures) {
        const start = new Date(fixture.startTime);
        const hour = start.getUTCHours() + start.getUTCMinutes() / 60;
        if (fixture.tournament.id === NBA_ID) expect(hour).toBeLessThanOrEqual(4);
        else {
          expect(hour).toBeGreaterThanOrEqual(11);
          expect(hour).toBeLessThanOrEqual(21);
        }
      }
    });

    it('lists 14 days either side of now and clamps wider ranges', async () => {
      const provider = providerAt(WEDNESDAY);
      const now = Date.parse(WEDNESDAY);
      const all = await provider.getFixtures({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', status: 'finished' });
      expect(all.length).toBeGreaterThan(0);
      for (const fixture of all) expect(Date.parse(fixture.startTime)).toBeGreaterThanOrEqual(now - 14 * DAY_MS);
      const ahead = await provider.getFixtures({});
      expect(Date.parse(ahead[ahead.length - 1]!.startTime)).toBeLessThanOrEqual(now + 14 * DAY_MS);
      expect(Date.parse(ahead[ahead.length - 1]!.startTime)).toBeGreaterThan(now + 12 * DAY_MS);
    });

    it('rejects dates that do not parse', async () => {
      await expect(providerAt(WEDNESDAY).getFixtures({ from: 'next tuesday' })).rejects.toBeInstanceOf(InvalidQueryError);
    });

    it('returns nothing for an unknown tournament or an empty range', async () => {
      const provider = providerAt(WEDNESDAY);
      expect(await provider.getFixtures({ tournamentId: '424242' })).toEqual([]);
      expect(await provider.getFixtures({ from: '2026-11-20T00:00:00Z', to: '2026-11-19T00:00:00Z' })).toEqual([]);
    });
  });

  describe('ids and determinism', () => {
    it('gives the same data for the same instant', async () => {
      const [a, b] = [providerAt(WEDNESDAY), providerAt(WEDNESDAY)];
      const fixtures = await a.getFixtures({});
      expect(await b.getFixtures({})).toEqual(fixtures);
      const id = fixtures[0]!.id;
      expect(await b.getOdds(id)).toEqual(await a.getOdds(id));
      const team = idOf('Barcelona');
      expect(await b.getTeamForm(team)).toEqual(await a.getTeamForm(team));
    });

    it('keeps fixture ids stable through the day and makes them digits only', async () => {
      const morning = await providerAt('2026-11-21T06:00:00Z').getFixtures({ from: '2026-11-21T18:00:00Z', to: '2026-11-21T23:00:00Z' });
      const evening = await providerAt('2026-11-21T17:00:00Z').getFixtures({ from: '2026-11-21T18:00:00Z', to: '2026-11-21T23:00:00Z' });
      expect(morning.length).toBeGreaterThan(0);
      expect(evening.map((f) => f.id)).toEqual(morning.map((f) => f.id));
      for (const fixture of morning) expect(fixture.id).toMatch(/^\d+$/);
    });

    it('keeps bet ids stable per fixture, market and selection while prices move', async () => {
      const clock = new FixedClock(WEDNESDAY);
      const provider = new EmbeddedSportsProvider(clock);
      const fixture = await headline(provider, 'Barcelona', 'Real Madrid');
      const before = await provider.getOdds(fixture.id);
      clock.advance(5 * 60_000);
      const after = await provider.getOdds(fixture.id);
      const betIds = (odds: FixtureOdds): string[] => odds.markets.flatMap((m) => m.selections.map((s) => s.betId));
      expect(betIds(after)).toEqual(betIds(before));
    });
  });

  describe('status and results', () => {
    it('shows games started in the last two hours as live, with a running score', async () => {
      const provider = providerAt(SATURDAY_AFTERNOON);
      const live = await provider.getFixtures({ status: 'live' });
      expect(live.length).toBeGreaterThan(0);
      const now = Date.parse(SATURDAY_AFTERNOON);
      for (const fixture of live) {
        const start = Date.parse(fixture.startTime);
        expect(start).toBeLessThanOrEqual(now);
        expect(now - start).toBeLessThan(LIVE_WINDOW_MS);
        expect(fixture.score).toBeDefined();
      }
      const odds = await provider.getOdds(live[0]!.id);
      expect(odds.status).toBe('active');
      expect(odds.markets.length).toBeGreaterThan(0);
    });

    it('finishes games two hours after the start, keeping the final score and closing the odds', async () => {
      const clock = new FixedClock(WEDNESDAY);
      const provider = new EmbeddedSportsProvider(clock);
      // A league without marquee games, whose rounds never move (see league-season.ts).
      const [fixture] = await provider.getFixtures({ tournamentId: LIGUE_1_ID, status: 'pre_match', limit: 1 });
      if (fixture === undefined) throw new Error('no upcoming Ligue 1 fixture');
      clock.set(Date.parse(fixture.startTime) + 30 * 60_000);
      const firstHalf = await provider.getFixture(fixture.id);
      expect(firstHalf.status).toBe('live');
      clock.set(Date.parse(fixture.startTime) + LIVE_WINDOW_MS);
      const finished = await provider.getFixture(fixture.id);
      expect(finished.status).toBe('finished');
      expect(finished.score!.home).toBeGreaterThanOrEqual(firstHalf.score!.home);
      expect(finished.score!.away).toBeGreaterThanOrEqual(firstHalf.score!.away);
      expect(await provider.getOdds(fixture.id)).toMatchObject({ status: 'inactive', markets: [] });
      const listed = await provider.getFixtures({ status: 'finished', teamId: fixture.home.id });
      expect(listed.find((f) => f.id === fixture.id)?.score).toEqual(finished.score);
    });

    it('builds form from finished games, consistent with the fixtures', async () => {
      const provider = providerAt(WEDNESDAY);
      const form = await provider.getTeamForm(idOf('Barcelona'));
      expect(form.results).toHaveLength(5);
      for (const result of form.results) {
        const fixture = await provider.getFixture(result.fixtureId);
        expect(fixture.status).toBe('finished');
        const side = result.venue === 'home' ? fixture.score!.home : fixture.score!.away;
        expect(result.goalsFor).toBe(side);
        expect(Date.parse(result.date)).toBeLessThan(Date.parse(WEDNESDAY));
      }
      expect((await provider.getTeamForm(idOf('Barcelona'), 2)).results).toEqual(form.results.slice(0, 2));
    });

    it('finds the last meeting of marquee rivals, without repeating the fixture every week', async () => {
      const provider = providerAt(WEDNESDAY);
      const h2h = await provider.getHeadToHead(idOf('Barcelona'), idOf('Real Madrid'));
      expect(h2h.meetings.length).toBeGreaterThanOrEqual(1);
      // Twice a league season over the three seasons looked back on; in the Champions League only
      // if a knockout draw brings them together (its league phase keeps compatriots apart).
      expect(h2h.meetings.length).toBeLessThanOrEqual(6);
      const first = h2h.meetings[0]!;
      expect((await provider.getFixture(first.fixtureId)).score).toEqual(first.score);
      expect((await provider.getHeadToHead(idOf('Barcelona'), idOf('Barcelona'))).meetings).toEqual([]);
    });

    it('draws results that favour the stronger side', async () => {
      const provider = providerAt(WEDNESDAY);
      for (const strong of ['Bayern Munich', 'Barcelona', 'Manchester City']) {
        const form = await provider.getTeamForm(idOf(strong), 20);
        const count = (outcome: string): number => form.results.filter((r) => r.outcome === outcome).length;
        expect(count('W')).toBeGreaterThan(2 * count('L'));
      }
      const nba = await provider.getFixtures({ tournamentId: NBA_ID, status: 'finished' });
      for (const game of nba) expect(game.score!.home).not.toBe(game.score!.away);
    });

    it('suggests team names when given a name instead of an id', async () => {
      const error = await providerAt(WEDNESDAY).getTeamForm('Barcelona').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownTeamError);
      expect((error as UnknownTeamError).suggestions).toContain('Barcelona');
    });
  });

  describe('odds', () => {
    it('keeps every market of every open fixture within a 4-7% margin', async () => {
      for (const now of [WEDNESDAY, SATURDAY_AFTERNOON]) {
        const provider = providerAt(now);
        const fixtures = await provider.getFixtures({ to: new Date(Date.parse(now) + 2 * DAY_MS) });
        expect(fixtures.some((f) => f.sportId === BASKETBALL_SPORT_ID)).toBe(true);
        for (const fixture of fixtures) {
          const odds = await provider.getOdds(fixture.id);
          for (const market of odds.markets) {
            const margin = marketOverround(market);
            expect({ fixture: fixture.id, market: market.market, margin: margin >= 0.04 && margin <= 0.07 }).toEqual({
              fixture: fixture.id,
              market: market.market,
              margin: true,
            });
          }
        }
      }
    });

    it('offers every three-way market on football, and moneyline, spread and total on basketball', async () => {
      const provider = providerAt(WEDNESDAY);
      const [basketball] = await provider.getFixtures({ sportId: BASKETBALL_SPORT_ID, status: 'pre_match' });
      const odds = await provider.getOdds(basketball!.id);
      expect(odds.markets.map((m) => m.market)).toEqual(['moneyline', 'over_under', 'handicap']);
      const error = await provider.getOdds(basketball!.id, 'btts').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidMarketError);
      expect((error as InvalidMarketError).validMarkets).not.toContain('btts');

      const football = await headline(provider, 'Arsenal', 'Chelsea');
      const lines = (await provider.getOdds(football.id, 'over_under')).markets.map((m) => m.line);
      expect(lines).toEqual([2.5, 1.5, 3.5]);
      const footballMarkets = (await provider.getOdds(football.id)).markets.map((m) => m.market);
      expect(footballMarkets).toEqual(expect.arrayContaining(MARKET_CODES.filter((m) => m !== 'moneyline')));
      expect(footballMarkets).not.toContain('moneyline');
    });

    it('prices the stronger side as favourite', async () => {
      const provider = providerAt(WEDNESDAY);
      for (const [home, away] of [['Bayern Munich', 'Borussia Dortmund'], ['Manchester City', 'Manchester United']] as const) {
        const fixture = await headline(provider, home, away);
        const [market] = (await provider.getOdds(fixture.id, '1x2')).markets;
        const price = (key: string): number => market!.selections.find((s) => s.key === key)!.odds;
        expect(price('home')).toBeLessThan(price('away'));
      }
    });

    it('names selections in a language-neutral form', async () => {
      const provider = providerAt(WEDNESDAY);
      const fixture = await headline(provider, 'Barcelona', 'Real Madrid');
      const names = (await provider.getOdds(fixture.id)).markets.flatMap((m) => m.selections.map((s) => s.name));
      expect(names).toEqual(
        expect.arrayContaining(['Barcelona', 'Draw', 'Real Madrid', 'Over 2.5', 'Under 2.5', 'Yes', 'No', 'Barcelona or Draw']),
      );
    });

    it('moves prices between 30-second buckets and holds them within one', async () => {
      const bucketStart = Math.ceil(Date.parse(WEDNESDAY) / ODDS_BUCKET_MS) * ODDS_BUCKET_MS;
      const clock = new FixedClock(bucketStart + 1_000);
      const provider = new EmbeddedSportsProvider(clock);
      let moved = 0;
      for (const [home, away] of HEADLINES) {
        const fixture = await headline(provider, home, away);
        clock.set(bucketStart + 1_000);
        const first = await provider.getOdds(fixture.id);
        clock.set(bucketStart + 25_000);
        const sameBucket = await provider.getOdds(fixture.id);
        expect(sameBucket).toEqual(first);
        clock.set(bucketStart + 61_000);
        const later = await provider.getOdds(fixture.id);
        expect(later.updatedAt).not.toBe(first.updatedAt);
        if (prices(later).some((price, i) => price !== prices(first)[i])) moved++;
        // A drift, not a jump: every price within 10% of where it was.
        prices(later).forEach((price, i) => expect(Math.abs(price / prices(first)[i]! - 1)).toBeLessThan(0.1));
      }
      expect(moved).toBe(HEADLINES.length);
    });
  });

  describe('name resolution', () => {
    it.each([
      ['Barça', 'Barcelona'],
      ['atleti', 'Atletico Madrid'],
      ['Atlético de Madrid', 'Atletico Madrid'],
      ['man utd', 'Manchester United'],
      ['BVB', 'Borussia Dortmund'],
      ['juve', 'Juventus'],
      ['bayern münchen', 'Bayern Munich'],
      ['SPURS', 'Tottenham Hotspur'],
    ])('resolves %p to %p', async (query, name) => {
      expect((await providerAt(WEDNESDAY).resolveTeam(query)).name).toBe(name);
    });

    it.each([
      ['El Clásico', 'Barcelona', 'Real Madrid'],
      ['el clasico', 'Barcelona', 'Real Madrid'],
      ['Manchester derby', 'Manchester City', 'Manchester United'],
      ['Derby della Madonnina', 'Inter', 'AC Milan'],
      ['Der Klassiker', 'Bayern Munich', 'Borussia Dortmund'],
    ])('maps the derby %p to its teams', (derby, a, b) => {
      expect(directory.findDerby(derby)?.teams).toEqual([idOf(a), idOf(b)]);
    });

    it('resolves tournaments in either language', async () => {
      const provider = providerAt(WEDNESDAY);
      expect((await provider.resolveTournament('LaLiga')).id).toBe(LA_LIGA_ID);
      expect((await provider.resolveTournament('la liga')).id).toBe(LA_LIGA_ID);
      expect((await provider.resolveTournament('Liga de Campeones')).nameEs).toBe('Liga de Campeones');
    });
  });
});
