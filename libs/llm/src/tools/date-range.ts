import { isDay, zonedDayEnd, zonedDayStart } from '../shared/zoned-time.js';
import { ToolRequestError } from './tool-results.js';

const DAY_MS = 24 * 3600 * 1000;

export interface DateWindow {
  from: Date;
  to: Date;
  /** True when the requested window was longer than allowed and was cut. */
  clamped: boolean;
}

export interface WindowOptions {
  timeZone: string;
  /** Start when none is given. */
  defaultFrom: Date;
  /** Length when no end is given. */
  defaultDays: number;
  maxDays: number;
}

/** Reads a day (YYYY-MM-DD, in the user's zone) or an ISO-8601 instant. */
export function parseDateArg(value: string, edge: 'start' | 'end', timeZone: string, parameter: string): Date {
  const text = value.trim();
  if (isDay(text)) return edge === 'start' ? zonedDayStart(text, timeZone) : zonedDayEnd(text, timeZone);
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw new ToolRequestError('INVALID_ARGUMENT', `${parameter} must be a day (YYYY-MM-DD) or an ISO-8601 date-time, got "${text.slice(0, 40)}".`);
  }
  return new Date(parsed);
}

export function dateWindow(dateFrom: string | undefined, dateTo: string | undefined, options: WindowOptions): DateWindow {
  const from = dateFrom ? parseDateArg(dateFrom, 'start', options.timeZone, 'date_from') : options.defaultFrom;
  let to = dateTo ? parseDateArg(dateTo, 'end', options.timeZone, 'date_to') : new Date(from.getTime() + options.defaultDays * DAY_MS);
  if (to.getTime() < from.getTime()) {
    throw new ToolRequestError('INVALID_ARGUMENT', 'date_to must not be before date_from.');
  }
  let clamped = false;
  if (to.getTime() - from.getTime() > options.maxDays * DAY_MS) {
    to = new Date(from.getTime() + options.maxDays * DAY_MS);
    clamped = true;
  }
  return { from, to, clamped };
}

/** An integer within bounds; out-of-range or missing values fall back rather than fail. */
export function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
