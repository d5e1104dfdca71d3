/** The wall-clock reading of an instant in an IANA time zone, with Intl only (no date library). */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Milliseconds to add to UTC to get this wall-clock time (whole seconds). */
  offsetMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a zone Intl knows (and of a sane length, as zones come from clients). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Per zone, the last reading: it depends only on the whole second, and a turn asks for the same one several times. */
const lastReadings = new Map<string, { second: number; clock: WallClock }>();

/** Wall-clock time of `instant` in `timeZone`; throws a RangeError for an unknown zone. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const second = Math.floor(instant / 1000);
  const last = lastReadings.get(timeZone);
  if (last?.second === second) return { ...last.clock };
  const clock = readWallClock(instant, timeZone);
  // Only zones Intl accepted get here (formatterFor threw otherwise), and formatters holds the same ones.
  lastReadings.set(timeZone, { second, clock: { ...clock } });
  return clock;
}

function readWallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  // Some engines write midnight as hour 24 even with h23.
  const hour = (parts.hour ?? 0) % 24;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, hour, parts.minute, parts.second);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour,
    minute: parts.minute,
    second: parts.second,
    offsetMs: asUtc - Math.floor(instant / 1000) * 1000,
  };
}
