import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  EUROLEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
} from '../data/tournaments.data.js';
import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { seededRandom, shuffled } from '../random.js';
import {
  FRI,
  LIVE_WINDOW_MS,
  MON,
  SAT,
  SUN,
  THU,
  TUE,
  WED,
  kickOff,
  seasonWeek,
  slot,
  type MonthDay,
  type Slot,
} from './calendar.js';
import { scheduled, type ScheduledFixture } from './scheduled-fixture.js';

/**
 * Round-robin leagues (the five domestic football leagues and the EuroLeague regular season): a
 * double round robin built with the circle method, each pairing once in each half-season with home
 * and away swapped in the second, on the competition's real calendar.
 *
 * Marquee games. The product promises that the big games people ask about ("odds for Barcelona vs
 * Real Madrid?") are on the schedule within the coming week. The marquee pairings of a league are
 * put in the same base round of the circle method (base round 0), and that base round is moved
 * into the league's next round from `now` (the "pivot" round, see `marqueePivot`), the rounds in
 * between shifting by one. The second half-season always plays the first half's order shifted by a
 * quarter of a half-season, so every pairing's two meetings (a marquee pairing's included) are more
 * than half a half-season apart whatever the pivot: a marquee pairing is played in the upcoming
 * round and once in the other half-season, never twice within a few weeks. The season as seen at
 * `now` is a pure function of (league, season, pivot round). When the pivot's marquee games are
 * over (kick-off plus the live window), the pivot moves to the next round: only the round just
 * played (all over, as the marquee games kick off last) and the new pivot round change.
 */

interface Marquee {
  home: string;
  away: string;
  /** Index into the league's weekend slots. */
  weekendSlot: number;
}

interface LeagueCalendar {
  /** Week of the first weekend round, and of the last one the calendar aims for. */
  first: MonthDay;
  last: MonthDay;
  /** Weeks without a weekend round: international windows and the winter break. */
  breaks: readonly MonthDay[];
  /**
   * Weeks that take an extra midweek round, used in this order when the weekends between `first`
   * and `last` are fewer than the rounds. None falls in a Champions League week.
   */
  midweeks: readonly MonthDay[];
  /** Kick-off slots of a weekend round, one per fixture. */
  weekend: readonly Slot[];
  /** Kick-off slots of a midweek round, one per fixture; the marquee games take the last ones. */
  midweek: readonly Slot[];
  marquees: readonly Marquee[];
}

// FIFA windows: the September, October, November and March weekends without league football.
const INTERNATIONAL_BREAKS: readonly MonthDay[] = [[9, 6], [10, 11], [11, 15], [3, 28]];

/** A midweek round split over Tuesday and Wednesday evening, the marquee games last, on Wednesday at 20:00. */
function midweekSlots(games: number, marquees: number): Slot[] {
  const tuesday = ['19:00', '19:30', '20:00'];
  const wednesday = ['17:30', '19:00', '19:30', '20:00'];
  const others = games - marquees;
  const slots = Array.from({ length: others }, (_, i) =>
    i < others / 2 ? slot(TUE, tuesday[i % tuesday.length]!) : slot(WED, wednesday[i % wednesday.length]!),
  );
  return [...slots, ...Array.from({ length: marquees }, () => slot(WED, '20:00'))];
}

const LA_LIGA_MARQUEES: Marquee[] = [{ home: '1001', away: '1002', weekendSlot: 9 }];
const PREMIER_LEAGUE_MARQUEES: Marquee[] = [
  { home: '2001', away: '2005', weekendSlot: 8 },
  { home: '2002', away: '2003', weekendSlot: 9 },
];
const SERIE_A_MARQUEES: Marquee[] = [
  { home: '3003', away: '3004', weekendSlot: 8 },
  { home: '3001', away: '3002', weekendSlot: 9 },
];
const BUNDESLIGA_MARQUEES: Marquee[] = [{ home: '4001', away: '4002', weekendSlot: 8 }];

// Kick-off times (UTC) in the usual windows of each competition. A league's marquee games kick off
// last in their round (together, where there are two), so that when the calendar moves them on to
// the next round (see the file comment) every game of the round just played is over.
const LEAGUE_CALENDARS: Record<string, LeagueCalendar> = {
  [LA_LIGA_ID]: {
    first: [8, 15],
    last: [5, 23],
    breaks: [...INTERNATIONAL_BREAKS, [12, 27]],
    midweeks: [[9, 23], [4, 21], [12, 2]],
    weekend: [
      slot(FRI, '20:00'), slot(SAT, '12:00'), slot(SAT, '14:15'), slot(SAT, '16:30'), slot(SAT, '19:00'),
      slot(SUN, '12:00'), slot(SUN, '14:15'), slot(SUN, '16:30'), slot(SUN, '17:30'), slot(SUN, '20:00'),
    ],
    midweek: midweekSlots(10, LA_LIGA_MARQUEES.length),
    marquees: LA_LIGA_MARQUEES,
  },
  [PREMIER_LEAGUE_ID]: {
    first: [8, 15],
    last: [5, 23],
    breaks: INTERNATIONAL_BREAKS,
    midweeks: [[12, 30], [12, 2], [4, 21]],
    weekend: [
      slot(SAT, '12:30'), slot(SAT, '15:00'), slot(SAT, '15:00'), slot(SAT, '15:00'), slot(SAT, '15:00'),
      slot(SAT, '17:30'), slot(SUN, '14:00'), slot(SUN, '14:00'), slot(SUN, '16:30'), slot(SUN, '16:30'),
    ],
    midweek: midweekSlots(10, PREMIER_LEAGUE_MARQUEES.length),
    marquees: PREMIER_LEAGUE_MARQUEES,
  },
  [SERIE_A_ID]: {
    first: [8, 22],
    last: [5, 23],
    breaks: INTERNATIONAL_BREAKS,
    midweeks: [[10, 28], [1, 6], [4, 21]],
    weekend: [
      slot(FRI, '19:45'), slot(SAT, '14:00'), slot(SAT, '17:00'), slot(SAT, '19:45'), slot(SUN, '11:30'),
      slot(SUN, '14:00'), slot(SUN, '14:00'), slot(SUN, '17:00'), slot(SUN, '19:45'), slot(SUN, '19:45'),
    ],
    midweek: midweekSlots(10, SERIE_A_MARQUEES.length),
    marquees: SERIE_A_MARQUEES,
  },
  [BUNDESLIGA_ID]: {
    first: [8, 22],
    last: [5, 15],
    breaks: [...INTERNATIONAL_BREAKS, [12, 27], [1, 3]],
    midweeks: [[1, 13], [9, 23], [4, 21]],
    weekend: [
      slot(FRI, '19:30'), slot(SAT, '14:30'), slot(SAT, '14:30'), slot(SAT, '14:30'), slot(SAT, '14:30'),
      slot(SAT, '14:30'), slot(SAT, '17:30'), slot(SUN, '14:30'), slot(SUN, '16:30'),
    ],
    midweek: midweekSlots(9, BUNDESLIGA_MARQUEES.length),
    marquees: BUNDESLIGA_MARQUEES,
  },
  [LIGUE_1_ID]: {
    first: [8, 15],
    last: [5, 15],
    breaks: [...INTERNATIONAL_BREAKS, [12, 27], [1, 3]],
    midweeks: [[1, 13], [4, 21]],
    weekend: [
      slot(FRI, '19:45'), slot(SAT, '16:00'), slot(SAT, '18:00'), slot(SAT, '20:05'), slot(SUN, '14:00'),
      slot(SUN, '16:15'), slot(SUN, '16:15'), slot(SUN, '16:15'), slot(SUN, '19:45'),
    ],
    midweek: midweekSlots(9, 0),
    marquees: [],
  },
  // The EuroLeague regular season plays its rounds on Thursday and Friday from October to April,
  // pausing for the FIBA windows and Christmas week.
  [EUROLEAGUE_ID]: {
    first: [10, 22],
    last: [4, 16],
    breaks: [[11, 26], [12, 24], [2, 25]],
    midweeks: [],
    weekend: [slot(THU, '17:00'), slot(THU, '18:00'), slot(THU, '19:45'), slot(FRI, '17:30'), slot(FRI, '19:00'), slot(FRI, '19:45')],
    midweek: [],
    marquees: [],
  },
};

export function isRoundRobinLeague(tournamentId: string): boolean {
  return LEAGUE_CALENDARS[tournamentId] !== undefined;
}

/** The marquee pairings of a league as [home, away] team ids, the home side as in its upcoming meeting. */
export function marqueePairings(tournamentId: string): [string, string][] {
  return (LEAGUE_CALENDARS[tournamentId]?.marquees ?? []).map(({ home, away }) => [home, away]);
}

/** One round's place in the calendar. */
export interface RoundDate {
  week: number;
  midweek: boolean;
  slots: readonly Slot[];
}

const roundDateCache = new Map<string, RoundDate[]>();

/** The weeks of a league's rounds in one season, in order, with their kick-off slots. */
export function leagueRoundDates(tournamentId: string, season: number, teamCount: number): RoundDate[] {
  const calendar = LEAGUE_CALENDARS[tournamentId];
  if (calendar === undefined || teamCount < 2) return [];
  const key = `${tournamentId}:${season}:${teamCount}`;
  const cached = roundDateCache.get(key);
  if (cached !== undefined) return cached;

  const rounds = 2 * (teamCount - 1);
  const breaks = new Set(calendar.breaks.map((day) => seasonWeek(season, day)));
  const first = seasonWeek(season, calendar.first);
  const last = seasonWeek(season, calendar.last);
  let weekends = 0;
  for (let week = first; week <= last; week++) if (!breaks.has(week)) weekends++;
  const midweeks = new Set(calendar.midweeks.slice(0, Math.max(0, rounds - weekends)).map((day) => seasonWeek(season, day)));

  const dates: RoundDate[] = [];
  for (let week = first; dates.length < rounds && week <= last + rounds; week++) {
    if (midweeks.has(week)) dates.push({ week, midweek: true, slots: calendar.midweek });
    if (breaks.has(week) || dates.length >= rounds) continue;
    // Around a midweek round the weekend round moves its Friday and Monday games into the weekend,
    // so that nobody plays two days running.
    const squeeze = midweeks.has(week) || midweeks.has(week + 1);
    const slots = squeeze
      ? calendar.weekend.map((s) => (s.day === FRI ? slot(SAT, s.time) : s.day === MON ? slot(SUN, s.time) : s))
      : calendar.weekend;
    dates.push({ week, midweek: false, slots });
  }
  roundDateCache.set(key, dates);
  return dates;
}

function marqueeSlotIndex(calendar: LeagueCalendar, round: RoundDate, marquee: number): number {
  return round.midweek ? round.slots.length - calendar.marquees.length + marquee : calendar.marquees[marquee]!.weekendSlot;
}

/** When the last marquee game of a round kicks off (undefined for a league without marquees). */
function marqueeKickOff(calendar: LeagueCalendar, round: RoundDate): number | undefined {
  if (calendar.marquees.length === 0) return undefined;
  return Math.max(...calendar.marquees.map((_, i) => kickOff(round.week, round.slots[marqueeSlotIndex(calendar, round, i)]!)));
}

export interface PivotRound {
  season: number;
  /** Index of the round within its season. */
  round: number;
}

/**
 * The league's next round whose marquee games are not over at `now`: the round the marquee
 * pairings are played in. Undefined for a league without marquee games.
 */
export function marqueePivot(tournamentId: string, teamCount: number, season: number, now: number): PivotRound | undefined {
  const calendar = LEAGUE_CALENDARS[tournamentId];
  if (calendar === undefined || calendar.marquees.length === 0) return undefined;
  for (const candidate of [season - 1, season, season + 1]) {
    const dates = leagueRoundDates(tournamentId, candidate, teamCount);
    const round = dates.findIndex((date) => (marqueeKickOff(calendar, date) ?? -Infinity) + LIVE_WINDOW_MS > now);
    if (round !== -1) return { season: candidate, round };
  }
  return undefined;
}

/** Pairings of a single round robin by the circle method: round k of `order.length - 1`, as [home, away]. */
export function circleRound<T>(order: readonly T[], k: number): [T, T][] {
  const n = order.length;
  const [fixed, ...rotating] = order;
  const circle = [fixed!, ...rotating.slice(k % (n - 1)), ...rotating.slice(0, k % (n - 1))];
  const pairs: [T, T][] = [];
  for (let i = 0; i < n / 2; i++) {
    const a = circle[i]!;
    const b = circle[n - 1 - i]!;
    // Rotating teams change position parity every round, so home and away alternate; the fixed team
    // alternates with the round number.
    const aAtHome = i === 0 ? k % 2 === 0 : i % 2 === 0;
    pairs.push(aAtHome ? [a, b] : [b, a]);
  }
  return pairs;
}

/**
 * Every fixture of one league season. `pivot` is the season's round that must hold the marquee
 * games (see the file comment); without one the season plays its base rounds unrotated.
 */
export function buildLeagueSeason(
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  pivot: number | undefined,
): ScheduledFixture[] {
  const calendar = LEAGUE_CALENDARS[tournament.id];
  if (calendar === undefined || teams.length < 2 || teams.length % 2 !== 0) return [];
  const n = teams.length;
  const half = n - 1;
  const dates = leagueRoundDates(tournament.id, season, n);
  const byId = new Map(teams.map((team) => [team.id, team]));
  const marquees = calendar.marquees.filter((m) => byId.has(m.home) && byId.has(m.away));

  // Marquee teams sit opposite each other in the circle, so base round 0 pairs them.
  const seats: (TeamRecord | undefined)[] = new Array<TeamRecord | undefined>(n).fill(undefined);
  marquees.forEach(({ home, away }, i) => {
    seats[i] = byId.get(home);
    seats[n - 1 - i] = byId.get(away);
  });
  const placed = new Set(marquees.flatMap((m) => [m.home, m.away]));
  const rest = shuffled(
    [...teams].filter((team) => !placed.has(team.id)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    seededRandom('league-order', tournament.id, season),
  );
  const circleOrder = seats.map((team) => team ?? rest.shift()!);

  // The upcoming meeting of a marquee pairing has the listed home side at home.
  const pivotInSecondHalf = pivot !== undefined && pivot >= half;
  const baseRounds = Array.from({ length: half }, (_, k) =>
    circleRound(circleOrder, k).map(([home, away]): [TeamRecord, TeamRecord] => {
      const marquee = k === 0 ? marquees.find((m) => [home.id, away.id].includes(m.home) && [home.id, away.id].includes(m.away)) : undefined;
      if (marquee === undefined) return [home, away];
      const listedFirst = !pivotInSecondHalf;
      return (home.id === marquee.home) === listedFirst ? [home, away] : [away, home];
    }),
  );

  // The first half-season plays the base rounds in a seeded order; the second half plays the same
  // order shifted by a quarter of a half-season, home and away swapped.
  const offset = Math.floor(half / 4);
  let order = shuffled(
    Array.from({ length: half }, (_, i) => i),
    seededRandom('league-rounds', tournament.id, season),
  );
  // Moved, not swapped, and within the half-season of the pivot: when the pivot moves on by one
  // round, only that round and the new pivot round change, none of the rounds further ahead.
  if (pivot !== undefined && pivot < half) order = moved(order, 0, pivot);
  if (pivot !== undefined && pivot >= half) {
    const second = moved(order.map((_, j) => order[(j + offset) % half]!), 0, pivot - half);
    order = second.map((_, k) => second[mod(k - offset, half)]!);
  }

  const fixtures: ScheduledFixture[] = [];
  dates.forEach((date, position) => {
    const second = position >= half;
    const base = order[second ? mod(position - half + offset, half) : position]!;
    const pairs = baseRounds[base]!.map(([home, away]): [TeamRecord, TeamRecord] => (second ? [away, home] : [home, away]));
    fixtures.push(...assignSlots(tournament, calendar, date, pairs, marquees, seededRandom('league-slots', tournament.id, season, position)));
  });
  return fixtures;
}

/**
 * Gives each pairing of a round its kick-off: marquee games their own slot; games of Champions
 * League sides the Saturday and Sunday slots first, keeping Friday and Monday for clubs without a
 * European night around the weekend.
 */
function assignSlots(
  tournament: TournamentRecord,
  calendar: LeagueCalendar,
  date: RoundDate,
  pairs: [TeamRecord, TeamRecord][],
  marquees: readonly Marquee[],
  random: () => number,
): ScheduledFixture[] {
  const fixtures: ScheduledFixture[] = [];
  const free = new Set(date.slots.map((_, i) => i));
  const others: [TeamRecord, TeamRecord][] = [];
  for (const [home, away] of pairs) {
    const marquee = marquees.findIndex((m) => [home.id, away.id].includes(m.home) && [home.id, away.id].includes(m.away));
    if (marquee === -1) {
      others.push([home, away]);
      continue;
    }
    const index = marqueeSlotIndex(calendar, date, calendar.marquees.indexOf(marquees[marquee]!));
    free.delete(index);
    fixtures.push(scheduled(tournament, home, away, kickOff(date.week, date.slots[index]!)));
  }
  const weekendFirst = (i: number): number => (date.slots[i]!.day === SAT || date.slots[i]!.day === SUN ? 0 : 1);
  const slots = shuffled([...free], random).sort((a, b) => weekendFirst(a) - weekendFirst(b));
  const european = (pair: [TeamRecord, TeamRecord]): number => (pair.some((team) => team.tournamentIds.includes(CHAMPIONS_LEAGUE_ID)) ? 0 : 1);
  const ordered = shuffled(others, random).sort((a, b) => european(a) - european(b));
  ordered.forEach(([home, away], i) => {
    const index = slots[i];
    if (index !== undefined) fixtures.push(scheduled(tournament, home, away, kickOff(date.week, date.slots[index]!)));
  });
  return fixtures;
}

/** The list with `item` taken out and put back at `index`. */
function moved(list: readonly number[], item: number, index: number): number[] {
  const rest = list.filter((x) => x !== item);
  return [...rest.slice(0, index), item, ...rest.slice(index)];
}

export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
