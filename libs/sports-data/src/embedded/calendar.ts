/**
 * Calendar arithmetic of the embedded schedule: schedule weeks, kick-off slots and the dates of a
 * season. All times are UTC.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;
/** A fixture counts as live for this long after its start. */
export const LIVE_WINDOW_MS = 2 * 60 * MINUTE_MS;

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
export const TUE = 0;
export const WED = 1;
export const THU = 2;
export const FRI = 3;
export const SAT = 4;
export const SUN = 5;
export const MON = 6;

export interface Slot {
  /** Day offset within the schedule week (TUE..MON). */
  day: number;
  /** "HH:MM" in UTC. */
  time: string;
}

export const slot = (day: number, time: string): Slot => ({ day, time });

export function timeOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * MINUTE_MS;
}

export function kickOff(week: number, planned: Slot): number {
  return weekStart(week) + planned.day * DAY_MS + timeOfDay(planned.time);
}

/** A calendar day as [month 1-12, day]; months from July belong to the season's first year. */
export type MonthDay = readonly [month: number, day: number];

/**
 * Seasons are named by the year they start in and run from 1 July to 30 June: every competition of
 * the dataset (European football, the NBA, the EuroLeague) starts after the summer and ends before it.
 */
export function seasonOf(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getUTCMonth() >= 6 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** Midnight UTC of a day of the season. */
export function seasonDate(season: number, [month, day]: MonthDay): number {
  return Date.UTC(month >= 7 ? season : season + 1, month - 1, day);
}

/** The schedule week holding a day of the season. */
export function seasonWeek(season: number, monthDay: MonthDay): number {
  return weekOf(seasonDate(season, monthDay));
}

/** The schedule weeks a season can use, first and last. */
export function seasonWeeks(season: number): [number, number] {
  return [weekOf(Date.UTC(season, 6, 1)), weekOf(Date.UTC(season + 1, 5, 30))];
}
