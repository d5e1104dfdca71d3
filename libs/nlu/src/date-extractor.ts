import { wallClock } from '@app/common';
import * as chrono from 'chrono-node';
import type { DateRange, Language } from './nlu.types.js';

export interface DateMatch extends DateRange {
  start: number;
  end: number;
  /** The user's current local date, to tell past ranges from upcoming ones. */
  today: string;
}

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/** Wall-clock view of `instant` in `timeZone`; unknown zones fall back to UTC rather than failing the request. */
export function zonedParts(instant: Date, timeZone: string): { date: LocalDate; offsetMinutes: number } {
  let clock;
  try {
    clock = wallClock(instant.getTime(), timeZone);
  } catch {
    clock = wallClock(instant.getTime(), 'UTC');
  }
  return { date: { y: clock.year, m: clock.month, d: clock.day }, offsetMinutes: Math.round(clock.offsetMs / 60000) };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function toIsoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

function endOfMonth(date: LocalDate): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m, 0));
  return { y: date.y, m: date.m, d: t.getUTCDate() };
}

type RangeResolver = (today: LocalDate, match?: RegExpMatchArray) => [LocalDate, LocalDate];

const upcomingWeekend: RangeResolver = (today) => {
  const wd = weekday(today);
  if (wd === 0) return [today, today];
  if (wd === 6) return [today, addDays(today, 1)];
  const sat = addDays(today, 6 - wd);
  return [sat, addDays(sat, 1)];
};
const followingWeekend: RangeResolver = (today) => {
  const [from] = upcomingWeekend(today);
  const sat = weekday(from) === 6 ? from : addDays(from, -1);
  return [addDays(sat, 7), addDays(sat, 8)];
};
const restOfWeek: RangeResolver = (today) => {
  const wd = weekday(today);
  return [today, addDays(today, wd === 0 ? 0 : 7 - wd)];
};
const nextWeek: RangeResolver = (today) => {
  const wd = weekday(today);
  const monday = addDays(today, wd === 0 ? 1 : 8 - wd);
  return [monday, addDays(monday, 6)];
};
const restOfMonth: RangeResolver = (today) => [today, endOfMonth(today)];
const nextMonth: RangeResolver = (today) => {
  const first = addDays(endOfMonth(today), 1);
  return [first, endOfMonth(first)];
};
const dayAfterTomorrow: RangeResolver = (today) => [addDays(today, 2), addDays(today, 2)];
const nextDays =
  (n: number): RangeResolver =>
  (today) => [today, addDays(today, n)];

/** Ranges chrono resolves to a single day (or not at all), handled here so they span the right days. */
const RANGE_PHRASES: readonly [RegExp, RangeResolver][] = [
  // "in the next 7 days", "los próximos 10 días": today and the N days after it.
  [/\b(?:in\s+the\s+)?(?:next|coming|following)\s+(\d{1,2})\s+days\b|\b(?:en\s+)?(?:los\s+)?(?:proximos|siguientes)\s+(\d{1,2})\s+dias\b/g, (today, m) => [today, addDays(today, Number(m?.[1] ?? m?.[2] ?? 7))]],
  [/\b(?:next|following)\s+weekend\b|\b(?:el\s+)?(?:proximo|siguiente)\s+(?:fin\s+de\s+semana|finde)\b|\b(?:fin\s+de\s+semana|finde)\s+(?:que\s+viene|proximo|siguiente)\b/g, followingWeekend],
  [/\b(?:this|the|coming|upcoming)?\s*weekend\b|\b(?:este|el)?\s*(?:fin\s+de\s+semana|finde)\b/g, upcomingWeekend],
  [/\bnext\s+week\b|\b(?:la\s+)?(?:proxima|siguiente)\s+semana\b|\bsemana\s+(?:que\s+viene|proxima|siguiente)\b/g, nextWeek],
  [/\bthis\s+week\b|\besta\s+semana\b|\brest\s+of\s+the\s+week\b|\blo\s+que\s+queda\s+de\s+semana\b/g, restOfWeek],
  [/\bnext\s+month\b|\b(?:el\s+)?(?:proximo|siguiente)\s+mes\b|\bmes\s+que\s+viene\b/g, nextMonth],
  [/\bthis\s+month\b|\beste\s+mes\b/g, restOfMonth],
  [/\b(?:the\s+)?day\s+after\s+tomorrow\b|\bpasado\s+manana\b/g, dayAfterTomorrow],
  [/\b(?:next|coming|following)\s+(?:few|couple\s+of)\s+days\b|\b(?:proximos|siguientes)\s+dias\b/g, nextDays(3)],
];

const SLASH_DATE_RE = /^\d{1,2}[/.-]\d{1,2}$/;
const SLASH_DATE_CONTEXT_RE = /\b(?:on|el|for|para|del|the|date|fecha|dia)\s*$/;
const MONTH_ONLY_CONTEXT_RE = /\b(?:in|en|de|during|durante|this|next|este|for|para|until|hasta)\s*$/;

/**
 * Resolves the dates a message talks about to one inclusive range of local calendar days.
 * `normalized` must be the lower-cased, accent-free text (chrono's Spanish parser accepts both forms).
 */
export function extractDates(
  normalized: string,
  language: Language,
  now: Date,
  timeZone: string,
): DateMatch | undefined {
  const { date: today, offsetMinutes } = zonedParts(now, timeZone);
  const spans: { start: number; end: number; from: LocalDate; to: LocalDate }[] = [];
  const overlaps = (start: number, end: number): boolean => spans.some((s) => start < s.end && s.start < end);

  for (const [re, resolve] of RANGE_PHRASES) {
    for (const m of normalized.matchAll(re)) {
      const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
      const end = (m.index ?? 0) + m[0].length;
      if (overlaps(start, end)) continue;
      const [from, to] = resolve(today, m);
      spans.push({ start, end, from, to });
    }
  }

  const parsers = language === 'es' ? [chrono.es.casual, chrono.en.casual] : [chrono.en.casual, chrono.es.casual];
  const reference = { instant: now, timezone: offsetMinutes };
  for (const [i, parser] of parsers.entries()) {
    // The other language's parser is a fallback only: it misreads words across languages.
    if (i > 0 && spans.length > 0) break;
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(normalized, reference, { forwardDate: true });
    } catch {
      continue;
    }
    let previous: LocalDate | undefined;
    for (const r of results) {
      const start = r.index;
      const end = r.index + r.text.length;
      if (overlaps(start, end)) continue;
      const resolved = resolveChronoResult(r, normalized, today);
      if (!resolved) continue;
      let { from, to } = resolved;
      // "between Friday and Sunday": a weekday named after another should not land before it.
      if (previous && !r.start.isCertain('day') && r.start.isCertain('weekday') && compare(from, previous) < 0) {
        from = addDays(from, 7);
        to = addDays(to, 7);
      }
      previous = to;
      spans.push({ start, end, from, to });
    }
    if (i === 0 && spans.length > 0) break;
  }

  if (spans.length === 0) return undefined;
  let from = spans[0].from;
  let to = spans[0].to;
  for (const s of spans) {
    if (compare(s.from, from) < 0) from = s.from;
    if (compare(s.to, to) > 0) to = s.to;
  }
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { from: toIsoDate(from), to: toIsoDate(to), start, end, today: toIsoDate(today) };
}

function resolveChronoResult(
  r: chrono.ParsedResult,
  text: string,
  today: LocalDate,
): { from: LocalDate; to: LocalDate } | undefined {
  const s = r.start;
  const hasDay = s.isCertain('day') || s.isCertain('weekday');
  const hasMonth = s.isCertain('month');
  const matched = r.text.trim();
  // Bare three-letter weekdays ("sat", "sun", "mar") are ordinary words far more often than dates.
  if (matched.length <= 3 && !s.isCertain('day')) return undefined;
  if (SLASH_DATE_RE.test(matched) && !SLASH_DATE_CONTEXT_RE.test(text.slice(0, r.index))) return undefined;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (y === null || m === null || d === null) return undefined;
  let from: LocalDate;
  let to: LocalDate;
  if (hasDay) {
    from = { y, m, d };
    to = from;
  } else if (hasMonth && MONTH_ONLY_CONTEXT_RE.test(text.slice(0, r.index))) {
    from = { y, m, d: 1 };
    to = endOfMonth(from);
    if (compare(from, today) < 0 && compare(to, today) >= 0) from = today;
  } else {
    return undefined;
  }
  if (r.end) {
    const ey = r.end.get('year');
    const em = r.end.get('month');
    const ed = r.end.get('day');
    if (ey !== null && em !== null && ed !== null) {
      const e = { y: ey, m: em, d: ed };
      if (compare(e, to) > 0) to = e;
    }
  }
  return { from, to };
}
