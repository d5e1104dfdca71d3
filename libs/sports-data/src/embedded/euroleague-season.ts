import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { seededRandom } from '../random.js';
import { FRI, LIVE_WINDOW_MS, SUN, THU, TUE, kickOff, seasonWeek, slot, type MonthDay, type Slot } from './calendar.js';
import { buildLeagueSeason } from './league-season.js';
import { playSeries, type SeriesFormat } from './playoff-series.js';
import { scheduled, type ScheduledFixture, type ScoreOf } from './scheduled-fixture.js';

/**
 * The EuroLeague season: the regular season (a double round robin on Thursdays and Fridays from
 * October to April, see league-season.ts), then best-of-five play-offs between the top eight (1v8,
 * 2v7, 3v6, 4v5) over the last two weeks of April, and the Final Four at a neutral arena in late May:
 * semi-finals on the Friday, third place and final on the Sunday.
 */

const PLAYOFF_WEEK: MonthDay = [4, 21];
// Tuesday and Thursday of two weeks, game five on the third Tuesday.
const PLAYOFF_GAMES: readonly (readonly [week: number, slot: Slot])[] = [
  [0, slot(TUE, '18:00')],
  [0, slot(THU, '18:00')],
  [1, slot(TUE, '18:00')],
  [1, slot(THU, '18:00')],
  [2, slot(TUE, '18:00')],
];
const BEST_OF_FIVE: SeriesFormat = { wins: 3, highAtHome: [true, true, false, false, true] };
const FINAL_FOUR_WEEK: MonthDay = [5, 21];
const SEMI_FINALS = [slot(FRI, '16:00'), slot(FRI, '19:00')];
const THIRD_PLACE = slot(SUN, '15:00');
const FINAL = slot(SUN, '18:00');
const FINAL_FOUR_VENUES: Record<number, string> = { 2025: 'Telekom Center Athens' };
const DEFAULT_FINAL_FOUR_VENUE = 'Belgrade Arena';

export function buildEuroLeagueSeason(
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  scoreOf: ScoreOf,
): ScheduledFixture[] {
  const regular = buildLeagueSeason(tournament, teams, season, undefined);
  if (teams.length < 8 || regular.length === 0) return regular;

  const wins = new Map(teams.map((team) => [team.id, 0]));
  for (const game of regular) {
    const score = scoreOf(game);
    const winner = score.home > score.away ? game.home : game.away;
    wins.set(winner.id, wins.get(winner.id)! + 1);
  }
  const tiebreak = seededRandom('euroleague-tiebreak', tournament.id, season);
  const table = teams
    .map((team) => ({ team, wins: wins.get(team.id)!, draw: tiebreak() }))
    .sort((a, b) => b.wins - a.wins || b.draw - a.draw)
    .map(({ team }) => team);

  const firstWeek = seasonWeek(season, PLAYOFF_WEEK);
  const seasonOver = Math.max(...regular.map((f) => f.start)) + LIVE_WINDOW_MS;
  // Bracket order 1v8, 4v5, 2v7, 3v6: the first two winners meet in one semi-final.
  const playoffs = [[0, 7], [3, 4], [1, 6], [2, 5]].map(([high, low], series) =>
    playSeries(
      tournament,
      table[high!]!,
      table[low!]!,
      BEST_OF_FIVE,
      // Two series a night an hour and a half apart.
      PLAYOFF_GAMES.map(([week, planned]) => kickOff(firstWeek + week, planned) + (series % 2) * 90 * 60_000),
      seasonOver,
      scoreOf,
    ),
  );
  const finalFourKnown = Math.max(...playoffs.map((p) => p.decidedAt));
  const [a, b, c, d] = playoffs.map((p) => p.winner) as [TeamRecord, TeamRecord, TeamRecord, TeamRecord];
  const week = seasonWeek(season, FINAL_FOUR_WEEK);
  const venue = FINAL_FOUR_VENUES[season] ?? DEFAULT_FINAL_FOUR_VENUE;
  const semiFinals = [
    scheduled(tournament, a, b, kickOff(week, SEMI_FINALS[0]!), { venue, knownFrom: finalFourKnown }),
    scheduled(tournament, c, d, kickOff(week, SEMI_FINALS[1]!), { venue, knownFrom: finalFourKnown }),
  ];
  const semisOver = semiFinals[1]!.start + LIVE_WINDOW_MS;
  const [winners, losers] = [0, 1].map((pick) =>
    semiFinals.map((game) => {
      const score = scoreOf(game);
      return (score.home > score.away) === (pick === 0) ? game.home : game.away;
    }),
  ) as [TeamRecord[], TeamRecord[]];
  return [
    ...regular,
    ...playoffs.flatMap((p) => p.fixtures),
    ...semiFinals,
    scheduled(tournament, losers[0]!, losers[1]!, kickOff(week, THIRD_PLACE), { venue, knownFrom: semisOver }),
    scheduled(tournament, winners[0]!, winners[1]!, kickOff(week, FINAL), { venue, knownFrom: semisOver }),
  ];
}
