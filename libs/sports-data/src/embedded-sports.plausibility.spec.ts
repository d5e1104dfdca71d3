import fc from 'fast-check';
import type { Fixture, FixtureStatus } from './domain/fixture.js';
import type { HeadToHeadMeeting } from './domain/form.js';
import { FOOTBALL_SPORT_ID } from './domain/sport.js';
import { EmbeddedSportsProvider, LIVE_WINDOW_MS } from './embedded-sports.provider.js';
import { DAY_MS, seasonOf, weekOf } from './embedded/calendar.js';
import { leagueRoundDates, marqueePairings } from './embedded/league-season.js';
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
import { FixedClock } from './testing/index.js';

// What a fan would check in the embedded dataset, at many instants over three seasons: the data
// window (results of the last 14 days, fixtures of the next 14) and the head-to-head history.

const HOUR_MS = 3600_000;
const FOOTBALL_LEAGUES = [LA_LIGA_ID, PREMIER_LEAGUE_ID, SERIE_A_ID, BUNDESLIGA_ID, LIGUE_1_ID];
const ROUND_ROBIN_LEAGUES = [...FOOTBALL_LEAGUES, EUROLEAGUE_ID];
const STATUSES: FixtureStatus[] = ['finished', 'live', 'pre_match'];
const TODAY = Date.parse('2026-12-07T11:30:00Z');
const NBA_OFF_SEASON = Date.parse('2027-08-10T18:00:00Z');
const EXAMPLES = [
  TODAY,
  NBA_OFF_SEASON,
  Date.parse('2026-11-21T21:59:00Z'), // the Clásico in its last minutes
  Date.parse('2026-11-21T22:00:00Z'), // ... and just over
  Date.parse('2027-05-25T12:00:00Z'), // the leagues just finished
  Date.parse('2027-06-10T02:00:00Z'), // NBA Finals
  Date.parse('2027-09-16T21:00:00Z'), // Champions League night
  Date.parse('2027-12-27T12:00:00Z'), // winter break
].map((at) => [at] as [number]);
const instants = fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2028, 5, 30) });
const RUNS = { numRuns: 40, seed: 20261207, examples: EXAMPLES };

const directory = new TeamDirectory();
const clock = new FixedClock(TODAY);
// One provider for every instant, as a long-running server would see the clock move.
const provider = new EmbeddedSportsProvider(clock);

async function windowAt(now: number): Promise<Fixture[]> {
  clock.set(now);
  return (await Promise.all(STATUSES.map((status) => provider.getFixtures({ status })))).flat();
}

/** A game of a league's regular season (not of the EuroLeague play-offs or Final Four). */
const isLeagueGame = (tournamentId: string, at: number): boolean => {
  if (!ROUND_ROBIN_LEAGUES.includes(tournamentId)) return false;
  const rounds = leagueRoundDates(tournamentId, seasonOf(at), directory.teamsInTournament(tournamentId).length);
  return weekOf(at) <= rounds.at(-1)!.week;
};
const pairOf = (f: { home: { id: string }; away: { id: string } }): string => [f.home.id, f.away.id].sort().join('-');
const month = (iso: string): number => new Date(iso).getUTCMonth() + 1;
const meetingsPerSeason = (meetings: HeadToHeadMeeting[], tournamentId: string): number[] => {
  const perSeason = new Map<number, number>();
  for (const m of meetings.filter((x) => x.tournament.id === tournamentId && isLeagueGame(tournamentId, Date.parse(x.date)))) {
    const season = seasonOf(Date.parse(m.date));
    perSeason.set(season, (perSeason.get(season) ?? 0) + 1);
  }
  return [...perSeason.values()];
};

describe('EmbeddedSportsProvider plausibility', () => {
  it('lists a league pairing at most once in any data window', async () => {
    await fc.assert(
      fc.asyncProperty(instants, async (now) => {
        const fixtures = await windowAt(now);
        for (const tournamentId of ROUND_ROBIN_LEAGUES) {
          const pairs = fixtures.filter((f) => f.tournament.id === tournamentId && isLeagueGame(tournamentId, Date.parse(f.startTime))).map(pairOf);
          expect({ now: new Date(now).toISOString(), tournamentId, repeated: pairs.length - new Set(pairs).size }).toEqual({
            now: new Date(now).toISOString(),
            tournamentId,
            repeated: 0,
          });
        }
      }),
      RUNS,
    );
  });

  it('never has a team play twice on one day, and gives football teams two days between games', async () => {
    await fc.assert(
      fc.asyncProperty(instants, async (now) => {
        const fixtures = await windowAt(now);
        const starts = new Map<string, number[]>();
        for (const f of fixtures) for (const team of [f.home.id, f.away.id]) starts.set(team, [...(starts.get(team) ?? []), Date.parse(f.startTime)]);
        for (const [team, times] of starts) {
          times.sort((a, b) => a - b);
          const days = times.map((t) => new Date(t).toISOString().slice(0, 10));
          expect({ team, days: new Set(days).size }).toEqual({ team, days: days.length });
          if (directory.teamById(team)!.sportId === FOOTBALL_SPORT_ID) for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(44 * HOUR_MS);
        }
      }),
      RUNS,
    );
  });

  it('plays no NBA game from July to September, and none at all in the off-season', async () => {
    const offSeason = await windowAt(NBA_OFF_SEASON);
    expect(offSeason.filter((f) => f.tournament.id === NBA_ID)).toEqual([]);
    await fc.assert(
      fc.asyncProperty(instants, async (now) => {
        const nba = (await windowAt(now)).filter((f) => f.tournament.id === NBA_ID);
        for (const game of nba) expect([7, 8, 9]).not.toContain(month(game.startTime));
      }),
      RUNS,
    );
  });

  // "Playing": a full round's worth of the league's games kick off within the coming 7 days, so not
  // in the summer, the winter break or an international break (when the next meeting is 8 to 13
  // days away, still within the listing window).
  it('has each marquee pairing live or coming up exactly once within 7 days while its league is playing', async () => {
    let inSeason = 0;
    await fc.assert(
      fc.asyncProperty(instants, async (now) => {
        const fixtures = await windowAt(now);
        for (const tournamentId of FOOTBALL_LEAGUES) {
          const league = fixtures.filter((f) => f.tournament.id === tournamentId);
          const comingUp = league.filter((f) => Date.parse(f.startTime) > now && Date.parse(f.startTime) <= now + 7 * DAY_MS);
          if (comingUp.length < directory.teamsInTournament(tournamentId).length / 2) continue;
          inSeason++;
          for (const [home, away] of marqueePairings(tournamentId)) {
            const soon = league.filter(
              (f) =>
                f.home.id === home &&
                f.away.id === away &&
                f.status !== 'finished' &&
                Date.parse(f.startTime) > now - LIVE_WINDOW_MS &&
                Date.parse(f.startTime) <= now + 7 * DAY_MS,
            );
            expect({ now: new Date(now).toISOString(), home, away, soon: soon.length }).toEqual({
              now: new Date(now).toISOString(),
              home,
              away,
              soon: 1,
            });
          }
        }
      }),
      RUNS,
    );
    expect(inSeason).toBeGreaterThan(60);
  });

  it('keeps head-to-head history on dates the schedule plays, in season, at most twice a league season', async () => {
    await fc.assert(
      fc.asyncProperty(instants, fc.nat(), async (now, pick) => {
        clock.set(now);
        const laLiga = directory.teamsInTournament(LA_LIGA_ID);
        const nba = directory.teamsInTournament(NBA_ID);
        const euroLeague = directory.teamsInTournament(EUROLEAGUE_ID);
        const pairs: [string, string][] = [
          [euroLeague[pick % euroLeague.length]!.id, euroLeague[(pick + 5) % euroLeague.length]!.id],
          ...FOOTBALL_LEAGUES.flatMap((id) => marqueePairings(id)),
          [laLiga[pick % laLiga.length]!.id, laLiga[(7 * pick + 3) % laLiga.length]!.id],
          [nba[pick % nba.length]!.id, nba[(pick + 7) % nba.length]!.id],
        ];
        for (const [a, b] of pairs) {
          if (a === b) continue;
          const h2h = await provider.getHeadToHead(a, b);
          for (const meeting of h2h.meetings) {
            const at = Date.parse(meeting.date);
            expect(at).toBeLessThan(now);
            // The meeting is a fixture of the schedule, with its result.
            const fixture = await provider.getFixture(meeting.fixtureId);
            expect({ start: fixture.startTime, score: fixture.score }).toEqual({ start: meeting.date, score: meeting.score });
            if (meeting.tournament.id === NBA_ID) expect([7, 8, 9]).not.toContain(month(meeting.date));
            else if (meeting.tournament.id === CHAMPIONS_LEAGUE_ID) expect([6, 7, 8]).not.toContain(month(meeting.date));
            else if (!isLeagueGame(meeting.tournament.id, at)) expect([4, 5]).toContain(month(meeting.date));
            else {
              const teams = directory.teamsInTournament(meeting.tournament.id).length;
              const rounds = leagueRoundDates(meeting.tournament.id, seasonOf(at), teams).map((r) => r.week);
              expect(rounds).toContain(weekOf(at));
            }
          }
          for (const tournamentId of ROUND_ROBIN_LEAGUES) {
            for (const count of meetingsPerSeason(h2h.meetings, tournamentId)) expect(count).toBeLessThanOrEqual(2);
          }
          // Two league meetings of the same pairing are never within eight weeks of each other.
          const league = h2h.meetings.filter((m) => isLeagueGame(m.tournament.id, Date.parse(m.date))).map((m) => Date.parse(m.date));
          for (let i = 1; i < league.length; i++) expect(league[i - 1]! - league[i]!).toBeGreaterThanOrEqual(56 * DAY_MS);
        }
      }),
      { ...RUNS, numRuns: 25, examples: EXAMPLES.map(([at]) => [at, 3] as [number, number]) },
    );
  });

  it('plays the Clásico in La Liga at most twice a season', async () => {
    const [barcelona, madrid] = marqueePairings(LA_LIGA_ID)[0]!;
    for (const season of [2026, 2027]) {
      clock.set(Date.UTC(season + 1, 5, 30));
      const h2h = await provider.getHeadToHead(barcelona, madrid);
      const inSeason = h2h.meetings.filter((m) => m.tournament.id === LA_LIGA_ID && seasonOf(Date.parse(m.date)) === season);
      expect(inSeason).toHaveLength(2);
      expect(new Set(inSeason.map((m) => m.home.id)).size).toBe(2);
    }
  });
});
