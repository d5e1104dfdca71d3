import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { seededRandom, shuffled } from '../random.js';
import { DAY_MS, LIVE_WINDOW_MS, seasonDate, timeOfDay, type MonthDay } from './calendar.js';
import { playSeries, type SeriesFormat } from './playoff-series.js';
import { scheduled, type ScheduledFixture, type ScoreOf } from './scheduled-fixture.js';

/**
 * The NBA season: a regular season from the Tuesday after 20 October to the Sunday after 11 April,
 * then the playoffs (top eight of each conference, four best-of-seven rounds) until mid-June, and
 * nothing from July to September.
 *
 * The regular season is drawn night by night: each night the teams that are most behind on games
 * play, nobody plays three nights running and back-to-backs are avoided where possible, so a team
 * plays three or four times a week. Opponents are chosen among those it has met least and not in
 * the last ten days. Games tip off in the US evening, which is after midnight UTC; a "night" is the
 * US date.
 */

const OPENING_NIGHT: MonthDay = [10, 20];
const LAST_NIGHT: MonthDay = [4, 11];
/** First day of each playoff round; a best-of-seven takes at most 13 days with a game every other day. */
const PLAYOFF_ROUNDS: readonly MonthDay[] = [[4, 18], [5, 4], [5, 20], [6, 4]];
const TIP_OFFS = ['00:00', '00:00', '00:30', '01:00', '01:00', '01:30', '02:00', '02:00', '02:30', '03:00', '03:00', '03:30', '03:30', '03:30', '03:30'];
const PLAYOFF_TIP_OFFS = ['00:00', '00:30', '01:30', '02:30'];
// Games per night by weekday (Sunday first), before a small random shift: busy Wednesdays and
// Fridays, quiet Thursdays.
const GAMES_BY_WEEKDAY = [8, 7, 6, 10, 4, 9, 7];
const REMATCH_DAYS = 10;
// Home court in a best-of-seven: 2-2-1-1-1.
const BEST_OF_SEVEN: SeriesFormat = { wins: 4, highAtHome: [true, true, false, false, true, false, true] };

/** Conferences split the league in two: the first fifteen teams of the data are the East. */
export const NBA_EAST_TEAM_IDS: ReadonlySet<string> = new Set(Array.from({ length: 15 }, (_, i) => String(7001 + i)));

export function buildNbaSeason(
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  scoreOf: ScoreOf,
): ScheduledFixture[] {
  if (teams.length < 2) return [];
  const regular = regularSeason(tournament, teams, season);
  return [...regular, ...playoffs(tournament, teams, season, regular, scoreOf)];
}

/** Nights without games: Thanksgiving, Christmas Eve and the All-Star break. */
function darkNights(season: number): Set<number> {
  const nights = new Set<number>();
  const november = new Date(Date.UTC(season, 10, 1));
  const thanksgiving = 1 + ((4 - november.getUTCDay() + 7) % 7) + 21;
  nights.add(Date.UTC(season, 10, thanksgiving));
  nights.add(Date.UTC(season, 11, 24));
  // All-Star weekend is the third Sunday of February; no regular-season games from the Thursday
  // before to the Wednesday after.
  const february = new Date(Date.UTC(season + 1, 1, 1));
  const allStarSunday = Date.UTC(season + 1, 1, 1 + ((7 - february.getUTCDay()) % 7) + 14);
  for (let day = -3; day <= 3; day++) nights.add(allStarSunday + day * DAY_MS);
  return nights;
}

function firstOnOrAfter(epochMs: number, weekday: number): number {
  return epochMs + ((weekday - new Date(epochMs).getUTCDay() + 7) % 7) * DAY_MS;
}

function regularSeason(tournament: TournamentRecord, teams: readonly TeamRecord[], season: number): ScheduledFixture[] {
  const random = seededRandom('nba-season', tournament.id, season);
  const first = firstOnOrAfter(seasonDate(season, OPENING_NIGHT), 2);
  const last = firstOnOrAfter(seasonDate(season, LAST_NIGHT), 0);
  const dark = darkNights(season);
  // Per-team and per-pair tallies by index: the season is drawn on every cold start, so it stays cheap.
  const n = teams.length;
  const games = new Array<number>(n).fill(0);
  const homeGames = new Array<number>(n).fill(0);
  const lastPlayed = new Array<number>(n).fill(-Infinity);
  const playedBefore = new Array<number>(n).fill(-Infinity);
  const meetings = new Array<number>(n * n).fill(0);
  const lastMet = new Array<number>(n * n).fill(-Infinity);
  const indexes = teams.map((_, i) => i);
  const fixtures: ScheduledFixture[] = [];

  for (let night = first; night <= last; night += DAY_MS) {
    if (dark.has(night)) continue;
    const weekday = new Date(night).getUTCDay();
    const count = Math.min(Math.floor(n / 2), Math.max(2, GAMES_BY_WEEKDAY[weekday]! + Math.floor(random() * 5) - 2));
    // Nobody plays a third night running; the rest are ranked by games played, a back-to-back
    // counting as one and a half games more.
    const priority = (i: number): number => games[i]! + (lastPlayed[i] === night - DAY_MS ? 1.5 : 0);
    const rested = indexes.filter((i) => !(lastPlayed[i] === night - DAY_MS && playedBefore[i] === night - 2 * DAY_MS));
    const ranked = shuffled(rested, random).sort((a, b) => priority(a) - priority(b));
    const pool = shuffled(ranked.slice(0, 2 * Math.min(count, Math.floor(ranked.length / 2))), random);
    // Each team meets, among those left, the one it has met least and not in the last ten days.
    for (let game = 0; pool.length >= 2; game++) {
      const a = pool.shift()!;
      let best = -1;
      let bestCost = Infinity;
      pool.forEach((b, i) => {
        const recent = lastMet[a * n + b]! > night - REMATCH_DAYS * DAY_MS ? 100 : 0;
        const cost = recent + meetings[a * n + b]! * 10 + random();
        if (cost < bestCost) [best, bestCost] = [i, cost];
      });
      const b = pool.splice(best, 1)[0]!;
      const [home, away] = homeGames[a]! <= homeGames[b]! ? [a, b] : [b, a];
      fixtures.push(scheduled(tournament, teams[home]!, teams[away]!, night + DAY_MS + timeOfDay(TIP_OFFS[game % TIP_OFFS.length]!)));
      homeGames[home]!++;
      for (const team of [a, b]) {
        games[team]!++;
        playedBefore[team] = lastPlayed[team]!;
        lastPlayed[team] = night;
      }
      meetings[a * n + b]!++;
      meetings[b * n + a]!++;
      lastMet[a * n + b] = lastMet[b * n + a] = night;
    }
  }
  return fixtures;
}

interface Seeded {
  team: TeamRecord;
  seed: number;
  wins: number;
}

function playoffs(
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  regular: ScheduledFixture[],
  scoreOf: ScoreOf,
): ScheduledFixture[] {
  const wins = new Map(teams.map((t) => [t.id, 0]));
  for (const game of regular) {
    const score = scoreOf(game);
    const winner = score.home > score.away ? game.home : game.away;
    wins.set(winner.id, wins.get(winner.id)! + 1);
  }
  const tiebreak = seededRandom('nba-tiebreak', tournament.id, season);
  const seeded = (conference: TeamRecord[]): Seeded[] =>
    conference
      .map((team) => ({ team, wins: wins.get(team.id)!, draw: tiebreak() }))
      .sort((a, b) => b.wins - a.wins || b.draw - a.draw)
      .slice(0, 8)
      .map(({ team, wins: w }, i) => ({ team, seed: i + 1, wins: w }));
  const east = seeded(teams.filter((t) => NBA_EAST_TEAM_IDS.has(t.id)));
  const west = seeded(teams.filter((t) => !NBA_EAST_TEAM_IDS.has(t.id)));
  if (east.length < 8 || west.length < 8) return [];

  const fixtures: ScheduledFixture[] = [];
  let knownFrom = (regular.at(-1)?.start ?? 0) + LIVE_WINDOW_MS;
  // Bracket order: 1v8, 4v5, 3v6, 2v7, so that winners meet in the order of the bracket.
  let brackets: Seeded[][] = [east, west].map((c) => [0, 7, 3, 4, 2, 5, 1, 6].map((i) => c[i]!));
  for (let round = 0; round < PLAYOFF_ROUNDS.length; round++) {
    const field = round === PLAYOFF_ROUNDS.length - 1 ? [brackets.flat()] : brackets;
    const roundStart = seasonDate(season, PLAYOFF_ROUNDS[round]!);
    const decided: number[] = [];
    const next: Seeded[][] = [];
    let series = 0;
    for (const bracket of field) {
      const winners: Seeded[] = [];
      for (let i = 0; i + 1 < bracket.length; i += 2) {
        const [a, b] = [bracket[i]!, bracket[i + 1]!];
        // Home court to the better record, then the better seed.
        const [high, low] = a.wins > b.wins || (a.wins === b.wins && a.seed <= b.seed) ? [a, b] : [b, a];
        // A game every other night, series of a round alternating nights.
        const firstNight = roundStart + (series % 2) * DAY_MS;
        const tipOff = timeOfDay(PLAYOFF_TIP_OFFS[series % PLAYOFF_TIP_OFFS.length]!);
        const tipOffs = BEST_OF_SEVEN.highAtHome.map((_, game) => firstNight + (2 * game + 1) * DAY_MS + tipOff);
        const result = playSeries(tournament, high.team, low.team, BEST_OF_SEVEN, tipOffs, knownFrom, scoreOf);
        series++;
        fixtures.push(...result.fixtures);
        decided.push(result.decidedAt);
        winners.push(result.winner === high.team ? high : low);
      }
      next.push(winners);
    }
    knownFrom = Math.max(...decided);
    brackets = next;
  }
  return fixtures;
}
