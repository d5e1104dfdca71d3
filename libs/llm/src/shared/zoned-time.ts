/** Calendar arithmetic in IANA time zones with Intl only (no date library needed for these few needs). */

import { isValidTimeZone, wallClock } from '@app/common';

export { isValidTimeZone };

const DAY_MS = 24 * 3600 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The zone when valid, UTC otherwise: a bad zone from a client must not break a turn. */
export function safeTimeZone(timeZone: unknown): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Milliseconds to add to UTC to get the wall-clock time of `timeZone` at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone).offsetMs;
}

export function isDay(value: string): boolean {
  const match = DAY_RE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The instant at which `day` (YYYY-MM-DD) starts in `timeZone`. */
export function zonedDayStart(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  // Two passes settle the offset on days when it changes (DST).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The last millisecond of `day` (YYYY-MM-DD) in `timeZone`. */
export function zonedDayEnd(day: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
  return new Date(zonedDayStart(next, timeZone).getTime() - 1);
}

/** YYYY-MM-DD of `instant` in `timeZone`. */
export function localDay(instant: Date | string | number, timeZone: string): string {
  const p = wallClock(new Date(instant).getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "YYYY-MM-DD HH:mm" of `instant` in `timeZone`. */
export function localDateTime(instant: Date | string | number, timeZone: string): string {
  const p = wallClock(new Date(instant).getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
