import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  EUROLEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  NBA_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
} from '../data/tournaments.data.js';
import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { numericId, seededRandom, shuffled } from '../random.js';

/** A fixture as planned, before the current time decides its status and score. */
export interface ScheduledFixture {
  id: string;
  tournament: TournamentRecord;
  home: TeamRecord;
  away: TeamRecord;
  /** Kick-off / tip-off, epoch milliseconds. */
  start: number;
  venue: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;

// Schedule weeks run Tuesday to Monday so that a league round (Friday to Monday) and the midweek
// European nights before it fall in the same week. 1970-01-06 was a Tuesday.
const FIRST_TUESDAY_MS = Date.UTC(1970, 0, 6);

export function weekOf(epochMs: number): number {
  return Math.floor((epochMs - FIRST_TUESDAY_MS) / WEEK_MS);
}

export function weekStart(week: number): number {
  return FIRST_TUESDAY_MS + week * WEEK_MS;
}

// Day offsets within a schedule week.
const TUE = 0;
const WED = 1;
const THU = 2;
const FRI = 3;
const SAT = 4;
const SUN = 5;
const MON = 6;

interface Slot {
  day: number;
  /** "HH:MM" in UTC. */
  time: string;
}

interface RoundPlan {
  /** Kick-off slots, one per fixture of a full round. */
  slots: Slot[];
  /**
   * Marquee fixtures, as [home team id, away team id, index into `slots`], played only around the
   * current date (see `fixedGamesOf`): always live or coming up within seven days.
   */
  fixed?: [string, string, number][];
}

const slot = (day: number, time: string): Slot => ({ day, time });

// Weekly rounds with kick-off times (UTC) in the usual windows of each competition. The fixed
// fixtures are the marquee games the assistant is most often asked about, so that they are always
// on the schedule within the next seven days.

const ROUND_PLANS: Record<string, RoundPlan> = {
  [LA_LIGA_ID]: {
    slots: [
      slot(FRI, '20:00'), slot(SAT, '13:00'), slot(SAT, '15:15'), slot(SAT, '17:30'), slot(SAT, '20:00'),
      slot(SUN, '13:00'), slot(SUN, '15:15'), slot(SUN, '17:30'), slot(SUN, '20:00'), slot(MON, '20:00'),
    ],
    fixed: [['1001', '1002', 4]],
  },
  [PREMIER_LEAGUE_ID]: {
    slots: [
      slot(SAT, '12:30'), slot(SAT, '15:00'), slot(SAT, '15:00'), slot(SAT, '15:00'), slot(SAT, '15:00'),
      slot(SAT, '17:30'), slot(SUN, '14:00'), slot(SUN, '14:00'), slot(SUN, '16:30'), slot(MON, '20:00'),
    ],
    fixed: [
      ['2001', '2005', 5],
      ['2002', '2003', 8],
    ],
  },
  [SERIE_A_ID]: {
    slots: [
      slot(FRI, '19:45'), slot(SAT, '14:00'), slot(SAT, '17:00'), slot(SAT, '19:45'), slot(SUN, '11:30'),
      slot(SUN, '14:00'), slot(SUN, '14:00'), slot(SUN, '17:00'), slot(SUN, '19:45'), slot(MON, '19:45'),
    ],
    fixed: [
      ['3003', '3004', 3],
      ['3001', '3002', 8],
    ],
  },
  [BUNDESLIGA_ID]: {
    slots: [
      slot(FRI, '19:30'), slot(SAT, '14:30'), slot(SAT, '14:30'), slot(SAT, '14:30'), slot(SAT, '14:30'),
      slot(SAT, '14:30'), slot(SAT, '17:30'), slot(SUN, '14:30'), slot(SUN, '16:30'),
    ],
    fixed: [['4001', '4002', 6]],
  },
  [LIGUE_1_ID]: {
    slots: [
      slot(FRI, '19:45'), slot(SAT, '16:00'), slot(SAT, '18:00'), slot(SAT, '20:05'), slot(SUN, '14:00'),
      slot(SUN, '16:15'), slot(SUN, '16:15'), slot(SUN, '16:15'), slot(SUN, '19:45'),
    ],
  },
  [CHAMPIONS_LEAGUE_ID]: {
    slots: [TUE, WED].flatMap((day) => [
      slot(day, '17:45'), slot(day, '17:45'),
      ...Array.from({ length: 7 }, () => slot(day, '20:00')),
    ]),
  },
  [EUROLEAGUE_ID]: {
    slots: [slot(THU, '17:00'), slot(THU, '18:00'), slot(THU, '19:45'), slot(FRI, '17:30'), slot(FRI, '19:00'), slot(FRI, '19:45')],
  },
};

// NBA games tip off in the US evening, which is after midnight UTC.
const NBA_TIP_OFFS = ['00:00', '00:00', '00:30', '01:00', '01:00', '02:00', '02:30', '03:00', '03:30'];
const NBA_MIN_GAMES_PER_NIGHT = 5;

/**
 * Every fixture of one tournament in one schedule week: a pure function of its inputs, so the
 * dataset is the same whenever it is rebuilt.
 */
export function buildWeek(tournament: TournamentRecord, teams: readonly TeamRecord[], week: number, now: number): ScheduledFixture[] {
  if (!tournament.active || teams.length < 2) return [];
  if (tournament.id === NBA_ID) return buildNbaWeek(tournament, teams, week);
  const plan = ROUND_PLANS[tournament.id];
  if (plan === undefined) return [];
  const random = seededRandom('round', tournament.id, week);
  const byId = new Map(teams.map((team) => [team.id, team]));
  const pairs: { home: TeamRecord; away: TeamRecord; slot: Slot }[] = [];
  const freeSlots = plan.slots.map((_, index) => index);
  const taken = new Set<string>();

  for (const [homeId, awayId, slotIndex] of fixedGamesOf(tournament.id, week, now)) {
    const home = byId.get(homeId);
    const away = byId.get(awayId);
    const planned = plan.slots[slotIndex];
    if (home === undefined || away === undefined || planned === undefined) continue;
    pairs.push({ home, away, slot: planned });
    taken.add(homeId).add(awayId);
    freeSlots.splice(freeSlots.indexOf(slotIndex), 1);
  }

  const rest = shuffled(
    teams.filter((team) => !taken.has(team.id)),
    random,
  );
  const ordered = tournament.id === CHAMPIONS_LEAGUE_ID ? separateCompatriots(rest) : rest;
  for (let i = 0; i + 1 < ordered.length && freeSlots.length > 0; i += 2) {
    const slotIndex = freeSlots.shift();
    const planned = slotIndex === undefined ? undefined : plan.slots[slotIndex];
    if (planned === undefined) break;
    pairs.push({ home: ordered[i], away: ordered[i + 1], slot: planned });
  }

  return pairs.map(({ home, away, slot: planned }) =>
    scheduled(tournament, home, away, weekStart(week) + planned.day * DAY_MS + timeOfDay(planned.time)),
  );
}

/**
 * The week of a fixed fixture's next kick-off after `now`: the current schedule week until its slot
 * has kicked off, the next week after that.
 */
export function fixedGameWeek(slotIndex: number, tournamentId: string, now: number): number {
  const planned = ROUND_PLANS[tournamentId]?.slots[slotIndex];
  const week = weekOf(now);
  if (planned === undefined) return week;
  const kickOff = weekStart(week) + planned.day * DAY_MS + timeOfDay(planned.time);
  return now < kickOff ? week : week + 1;
}

/**
 * The fixed fixtures a tournament plays in `week`, as seen at `now`: each is played in the week of
 * its next kick-off (so it is always coming up within seven days) and in the week before (the game
 * that is live now or was played last, so it stays in results, form and head-to-head), and in no
 * other week, so the calendar does not repeat the same marquee game week after week.
 */
export function fixedGamesOf(tournamentId: string, week: number, now: number): [string, string, number][] {
  return (ROUND_PLANS[tournamentId]?.fixed ?? []).filter(([, , slotIndex]) => {
    const next = fixedGameWeek(slotIndex, tournamentId, now);
    return week === next || week === next - 1;
  });
}

function buildNbaWeek(tournament: TournamentRecord, teams: readonly TeamRecord[], week: number): ScheduledFixture[] {
  const fixtures: ScheduledFixture[] = [];
  for (let day = 0; day < 7; day++) {
    const random = seededRandom('nba-night', tournament.id, week, day);
    const games = NBA_MIN_GAMES_PER_NIGHT + Math.floor(random() * (NBA_TIP_OFFS.length - NBA_MIN_GAMES_PER_NIGHT + 1));
    const playing = shuffled(teams, random).slice(0, Math.min(games, Math.floor(teams.length / 2)) * 2);
    for (let i = 0; i + 1 < playing.length; i += 2) {
      const start = weekStart(week) + day * DAY_MS + timeOfDay(NBA_TIP_OFFS[i / 2] ?? '00:00');
      fixtures.push(scheduled(tournament, playing[i], playing[i + 1], start));
    }
  }
  return fixtures;
}

/** Reorders a shuffled list so that consecutive pairs come from different countries where possible. */
function separateCompatriots(teams: TeamRecord[]): TeamRecord[] {
  const result = [...teams];
  for (let i = 0; i + 1 < result.length; i += 2) {
    if (result[i].country !== result[i + 1].country) continue;
    const swap = result.findIndex((team, j) => j > i + 1 && team.country !== result[i].country);
    if (swap !== -1) [result[i + 1], result[swap]] = [result[swap], result[i + 1]];
  }
  return result;
}

function scheduled(tournament: TournamentRecord, home: TeamRecord, away: TeamRecord, start: number): ScheduledFixture {
  const day = new Date(start).toISOString().slice(0, 10);
  return {
    id: numericId('fixture', tournament.id, home.id, away.id, day),
    tournament,
    home,
    away,
    start,
    venue: home.venue,
  };
}

function timeOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * MINUTE_MS;
}
