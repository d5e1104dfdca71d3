import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { seededRandom, shuffled, type Random } from '../random.js';
import { LIVE_WINDOW_MS, SAT, TUE, WED, kickOff, seasonWeek, slot, type MonthDay, type Slot } from './calendar.js';
import { scheduled, type ScheduledFixture, type ScoreOf } from './scheduled-fixture.js';

/**
 * The Champions League season: a 36-team league phase of eight matchdays on the Tuesday and
 * Wednesday of its real autumn and winter weeks (each club meets eight different opponents, four at
 * home and four away, never a club from its own country and at most two from any one other
 * country), then two-legged knockout rounds seeded by the league-phase table (9th-24th play off
 * for the last sixteen, where the top eight wait) and a one-off final at the end of May.
 */

const LEAGUE_PHASE: readonly MonthDay[] = [[9, 16], [9, 30], [10, 21], [11, 4], [11, 25], [12, 9], [1, 20], [1, 27]];
const KNOCKOUT_ROUNDS: readonly (readonly [MonthDay, MonthDay])[] = [
  [[2, 17], [2, 24]], // knockout play-offs
  [[3, 10], [3, 17]], // round of 16
  [[4, 7], [4, 14]], // quarter-finals
  [[4, 28], [5, 5]], // semi-finals
];
/** The final is played on the Saturday after the leagues' last weekend (that of 23 May). */
const LEAGUES_LAST_WEEKEND: MonthDay = [5, 23];
const FINAL_SLOT = slot(SAT, '19:00');
const FINAL_VENUES: Record<number, string> = { 2025: 'Puskás Aréna', 2026: 'Riyadh Air Metropolitano' };
const DEFAULT_FINAL_VENUE = 'Wembley Stadium';

const MATCHDAY_SLOTS: readonly Slot[] = [TUE, WED].flatMap((day) => [
  slot(day, '17:45'),
  ...Array.from({ length: 8 }, () => slot(day, '20:00')),
]);
const MAX_OPPONENTS_PER_COUNTRY = 2;
const MATCHING_ATTEMPTS = 200;

export function buildChampionsLeagueSeason(
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  scoreOf: ScoreOf,
): ScheduledFixture[] {
  if (teams.length < 2 || teams.length % 2 !== 0) return [];
  const random = seededRandom('champions-league', tournament.id, season);
  const matchdays = drawLeaguePhase(teams, random);
  if (matchdays === undefined) return [];

  const leaguePhase: ScheduledFixture[] = [];
  matchdays.forEach((pairs, matchday) => {
    const week = seasonWeek(season, LEAGUE_PHASE[matchday]!);
    shuffled(pairs, random).forEach(([home, away], i) => {
      const planned = MATCHDAY_SLOTS[i % MATCHDAY_SLOTS.length]!;
      leaguePhase.push(scheduled(tournament, home, away, kickOff(week, planned)));
    });
  });
  // The play-offs are drawn once the last matchday is over.
  const drawnFrom = Math.max(...leaguePhase.map((f) => f.start)) + LIVE_WINDOW_MS;
  return [...leaguePhase, ...knockouts(tournament, season, standings(teams, leaguePhase, scoreOf, random), drawnFrom, scoreOf)];
}

/** Eight perfect matchings without repeats or compatriots, oriented four home and four away per club. */
function drawLeaguePhase(teams: readonly TeamRecord[], random: Random): [TeamRecord, TeamRecord][][] | undefined {
  for (let attempt = 0; attempt < MATCHING_ATTEMPTS; attempt++) {
    const met = new Map<string, Set<string>>(teams.map((t) => [t.id, new Set<string>()]));
    const countries = new Map<string, Map<string, number>>(teams.map((t) => [t.id, new Map<string, number>()]));
    const allowed = (a: TeamRecord, b: TeamRecord): boolean =>
      a.country !== b.country &&
      !met.get(a.id)!.has(b.id) &&
      (countries.get(a.id)!.get(b.country) ?? 0) < MAX_OPPONENTS_PER_COUNTRY &&
      (countries.get(b.id)!.get(a.country) ?? 0) < MAX_OPPONENTS_PER_COUNTRY;
    const matchings: [TeamRecord, TeamRecord][][] = [];
    for (let matchday = 0; matchday < LEAGUE_PHASE.length; matchday++) {
      const matching = perfectMatching(shuffled(teams, random), allowed, random);
      if (matching === undefined) break;
      for (const [a, b] of matching) {
        met.get(a.id)!.add(b.id);
        met.get(b.id)!.add(a.id);
        countries.get(a.id)!.set(b.country, (countries.get(a.id)!.get(b.country) ?? 0) + 1);
        countries.get(b.id)!.set(a.country, (countries.get(b.id)!.get(a.country) ?? 0) + 1);
      }
      matchings.push(matching);
    }
    if (matchings.length === LEAGUE_PHASE.length) return orient(matchings);
  }
  return undefined;
}

/** A perfect matching by randomised depth-first search, giving up after a bounded number of steps. */
function perfectMatching(
  teams: TeamRecord[],
  allowed: (a: TeamRecord, b: TeamRecord) => boolean,
  random: Random,
): [TeamRecord, TeamRecord][] | undefined {
  let budget = 20_000;
  const pairs: [TeamRecord, TeamRecord][] = [];
  const search = (remaining: TeamRecord[]): boolean => {
    if (remaining.length === 0) return true;
    if (--budget < 0) return false;
    const [first, ...others] = remaining;
    for (const partner of shuffled(others, random)) {
      if (!allowed(first!, partner)) continue;
      pairs.push([first!, partner]);
      if (search(others.filter((t) => t !== partner))) return true;
      pairs.pop();
    }
    return false;
  };
  return search(teams) ? pairs : undefined;
}

/**
 * Matchdays are taken two by two: their union is a set of even cycles, and walking each cycle gives
 * every club one home and one away game, so each plays four at home and four away.
 */
function orient(matchings: [TeamRecord, TeamRecord][][]): [TeamRecord, TeamRecord][][] {
  const oriented: [TeamRecord, TeamRecord][][] = [];
  for (let i = 0; i + 1 < matchings.length; i += 2) {
    const partner = (matching: [TeamRecord, TeamRecord][]): Map<TeamRecord, TeamRecord> =>
      new Map(matching.flatMap(([a, b]) => [[a, b], [b, a]] as [TeamRecord, TeamRecord][]));
    const first = partner(matchings[i]!);
    const second = partner(matchings[i + 1]!);
    const firstDay: [TeamRecord, TeamRecord][] = [];
    const secondDay: [TeamRecord, TeamRecord][] = [];
    const visited = new Set<TeamRecord>();
    for (const start of first.keys()) {
      let x = start;
      while (!visited.has(x)) {
        const y = first.get(x)!;
        const z = second.get(y)!;
        visited.add(x).add(y);
        firstDay.push([x, y]);
        secondDay.push([y, z]);
        x = z;
      }
    }
    oriented.push(firstDay, secondDay);
  }
  return oriented;
}

interface Standing {
  team: TeamRecord;
  points: number;
  goalDifference: number;
  goalsFor: number;
  tiebreak: number;
}

function standings(teams: readonly TeamRecord[], fixtures: ScheduledFixture[], scoreOf: ScoreOf, random: Random): TeamRecord[] {
  const table = new Map<string, Standing>(teams.map((team) => [team.id, { team, points: 0, goalDifference: 0, goalsFor: 0, tiebreak: random() }]));
  for (const fixture of fixtures) {
    const score = scoreOf(fixture);
    const home = table.get(fixture.home.id)!;
    const away = table.get(fixture.away.id)!;
    home.goalsFor += score.home;
    away.goalsFor += score.away;
    home.goalDifference += score.home - score.away;
    away.goalDifference += score.away - score.home;
    if (score.home > score.away) home.points += 3;
    else if (score.home < score.away) away.points += 3;
    else {
      home.points++;
      away.points++;
    }
  }
  return [...table.values()]
    .sort((a, b) => b.points - a.points || b.goalDifference - a.goalDifference || b.goalsFor - a.goalsFor || b.tiebreak - a.tiebreak)
    .map((standing) => standing.team);
}

interface Tie {
  /** The better-placed club in the league phase, at home in the second leg. */
  high: TeamRecord;
  low: TeamRecord;
}

interface TieResult {
  fixtures: ScheduledFixture[];
  winner: TeamRecord;
  decidedAt: number;
}

function knockouts(
  tournament: TournamentRecord,
  season: number,
  table: TeamRecord[],
  drawnFrom: number,
  scoreOf: ScoreOf,
): ScheduledFixture[] {
  if (table.length < 24) return [];
  const rank = new Map(table.map((team, i) => [team.id, i]));
  const tie = (a: TeamRecord, b: TeamRecord): Tie => (rank.get(a.id)! < rank.get(b.id)! ? { high: a, low: b } : { high: b, low: a });
  const fixtures: ScheduledFixture[] = [];
  let knownFrom = drawnFrom;

  const playRound = (ties: Tie[], legs: readonly [MonthDay, MonthDay]): TeamRecord[] => {
    const results = ties.map((t, i) => playTie(tournament, season, t, legs, i, knownFrom, scoreOf));
    fixtures.push(...results.flatMap((r) => r.fixtures));
    // The next round is drawn once the whole round is over.
    knownFrom = Math.max(...results.map((r) => r.decidedAt));
    return results.map((r) => r.winner);
  };

  // Play-offs: 9th v 24th, 10th v 23rd, ...; their winners meet the top eight in reverse order.
  const playoffWinners = playRound(
    Array.from({ length: 8 }, (_, i) => tie(table[8 + i]!, table[23 - i]!)),
    KNOCKOUT_ROUNDS[0]!,
  );
  const lastSixteen = playRound(
    Array.from({ length: 8 }, (_, i) => tie(table[i]!, playoffWinners[7 - i]!)),
    KNOCKOUT_ROUNDS[1]!,
  );
  const quarterFinalists = playRound(
    [[0, 7], [3, 4], [1, 6], [2, 5]].map(([a, b]) => tie(lastSixteen[a!]!, lastSixteen[b!]!)),
    KNOCKOUT_ROUNDS[2]!,
  );
  const finalists = playRound(
    [[0, 1], [2, 3]].map(([a, b]) => tie(quarterFinalists[a!]!, quarterFinalists[b!]!)),
    KNOCKOUT_ROUNDS[3]!,
  );
  const final = tie(finalists[0]!, finalists[1]!);
  fixtures.push(
    scheduled(tournament, final.high, final.low, kickOff(seasonWeek(season, LEAGUES_LAST_WEEKEND) + 1, FINAL_SLOT), {
      venue: FINAL_VENUES[season] ?? DEFAULT_FINAL_VENUE,
      knownFrom,
    }),
  );
  return fixtures;
}

function playTie(
  tournament: TournamentRecord,
  season: number,
  { high, low }: Tie,
  [firstLeg, secondLeg]: readonly [MonthDay, MonthDay],
  index: number,
  knownFrom: number,
  scoreOf: ScoreOf,
): TieResult {
  const planned = slot(index % 2 === 0 ? TUE : WED, '20:00');
  const first = scheduled(tournament, low, high, kickOff(seasonWeek(season, firstLeg), planned), { knownFrom });
  const second = scheduled(tournament, high, low, kickOff(seasonWeek(season, secondLeg), planned), { knownFrom });
  const a = scoreOf(first);
  const b = scoreOf(second);
  const highGoals = a.away + b.home;
  const lowGoals = a.home + b.away;
  // A level tie goes to extra time and penalties, which the 90-minute score model leaves to a coin.
  const winner =
    highGoals > lowGoals ? high : lowGoals > highGoals ? low : seededRandom('penalties', second.id)() < 0.55 ? high : low;
  return { fixtures: [first, second], winner, decidedAt: second.start + LIVE_WINDOW_MS };
}
