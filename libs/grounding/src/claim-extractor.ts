/**
 * Finds the numbers of an answer that state a fact (odds, probabilities, amounts, balances, scores,
 * dates and times), and leaves out those that do not: list numbering ("1."), counts and rankings
 * ("top 3", "last 5 matches"), years on their own ("since 2019"), goal and point lines ("over 2.5",
 * "+1.5"), ordinals and digits inside words or ids. How a number is read comes from what is written
 * around it: a currency sign or code makes it money, "%" a probability, a month name a date, "a-b"
 * a score, a decimal with nothing else around it a price. Integers are only prices when the text
 * says so ("odds of 3").
 */
import type { ClaimKind, DateParts, DateShape, NumberClaim } from './grounding.types.js';

const MONTHS: Array<[string, number, 'long' | 'short', 'en' | 'es']> = [];
const addMonths = (names: string[], style: 'long' | 'short', language: 'en' | 'es') =>
  names.forEach((name, i) => name.split('|').forEach((n) => MONTHS.push([n, i + 1, style, language])));
addMonths(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'], 'long', 'en');
addMonths(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep|sept', 'oct', 'nov', 'dec'], 'short', 'en');
addMonths(['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'], 'long', 'es');
addMonths(['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep|sept', 'oct', 'nov', 'dic'], 'short', 'es');

const WEEKDAYS: Array<[string, number, 'long' | 'short', 'en' | 'es']> = [];
const addWeekdays = (names: string[], style: 'long' | 'short', language: 'en' | 'es') =>
  names.forEach((name, i) => name.split('|').forEach((n) => WEEKDAYS.push([n, i, style, language])));
addWeekdays(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], 'long', 'en');
addWeekdays(['sun', 'mon', 'tue|tues', 'wed', 'thu|thur|thurs', 'fri', 'sat'], 'short', 'en');
addWeekdays(['domingo', 'lunes', 'martes', 'miércoles|miercoles', 'jueves', 'viernes', 'sábado|sabado'], 'long', 'es');
addWeekdays(['dom', 'lun', 'mar', 'mié|mie', 'jue', 'vie', 'sáb|sab'], 'short', 'es');

const alternation = (names: string[]) => [...new Set(names)].sort((a, b) => b.length - a.length).join('|');
const MONTH_RE = alternation(MONTHS.map(([n]) => n));
const WEEKDAY_RE = alternation(WEEKDAYS.map(([n]) => n));

// Letters and digits on either side mean the digits are part of a word, a name or an id.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';
// The weekday in front of a date is looked for after a match (a leading optional alternation would
// be tried at every position of the answer).
const DAY_FIRST = new RegExp(
  `${NOT_AFTER_WORD}(?<day>\\d{1,2})(?:st|nd|rd|th|º)?(?:\\s+de|\\s+of)?\\s+(?<month>${MONTH_RE})(?![\\p{L}])\\.?(?:,?\\s+(?:de\\s+)?(?<year>\\d{4})(?!\\d))?`,
  'giu',
);
const MONTH_FIRST = new RegExp(
  `(?<![\\p{L}])(?<month>${MONTH_RE})\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?:,?\\s+(?<year>\\d{4})(?!\\d))?`,
  'giu',
);
const WEEKDAY_BEFORE_DATE = new RegExp(`(?<![\\p{L}])(?<wd>${WEEKDAY_RE})\\.?,?\\s+(?:the\\s+)?$`, 'iu');
const ISO_DATE = /(?<![\p{N}])(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2}))?/gu;
/** A time right after a date: "8 Dec 20:00", "on Saturday 28 November at 21:00", "28 nov, a las 21:00". */
const TIME_AFTER = /^,?\s*(?:at\s+|a\s+las\s+|a\s+la\s+|@\s*|[-–—]\s*)?(?:(?<hour>\d{1,2}):(?<minute>\d{2})(?<ampmSpace>\s*(?<ampm>[ap]\.?m\.?))?|(?<hour12>\d{1,2})(?<ampmSpace12>\s*(?<ampm12>[ap]\.?m\.?)))(?![\p{L}\p{N}])/iu;
const TIME = /(?<![\p{L}\p{N}_+\-−:.,])(?:(?<hour>\d{1,2}):(?<minute>\d{2})(?<ampmSpace>\s*(?<ampm>[ap]\.?m\.?)(?![\p{L}]))?|(?<hour12>\d{1,2})(?<ampmSpace12>\s*(?<ampm12>[ap]\.?m\.?))(?![\p{L}]))(?![\p{N}])/giu;
const WEEKDAY_BEFORE_TIME = new RegExp(`(?<![\\p{L}])(?<wd>${WEEKDAY_RE})\\.?,?\\s+(?:at\\s+|a\\s+las\\s+|a\\s+la\\s+)?$`, 'iu');
const UTC_AFTER = /^\s*\(?(?:UTC|GMT|Z)\b\)?/i;
const SCORE = /(?<![\p{L}\p{N}_:/+\-−]|\d[.,])(?<a>\d{1,2})\s?[-–](?<b>\d{1,2})(?![\p{L}\p{N}%:/]|[.,]\d)/gu;
const NUMBER = /(?<![\p{L}\p{N}_.,])\d+(?:[.,]\d+)*(?![\p{L}\p{N}_])/gu;

const QUOTED = /["“«][^"”»\n]{1,200}["”»]/g;
const PERCENT_AFTER = /^\s?(?:%|percent\b|per\s+cent\b|por\s+ciento\b)/i;
// A sign on the line before ("… 23.40 €\n2. …") is not this number's.
const CURRENCY_BEFORE = /(?:[€$£]|\b(?:EUR|USD|GBP))[ \t\u00a0]?$/i;
const CURRENCY_AFTER = /^[ \t\u00a0]?(?:[€$£]|(?:EUR|USD|GBP|euros?|dollars?|pounds?|d[oó]lares|libras)(?![\p{L}]))/iu;
const BALANCE_WORDS = /\b(?:balance|saldo|available|disponible|bonus|bono|pending|pendiente|funds|fondos)\b/i;
/** Goal and point lines, handicaps and expected goals: figures of a market or a model, not prices. */
// A line after these words ("over 2.5", "Total points 226.5") is written with at most one decimal;
// a price after them ("Over 1.91") with two.
const LINE_WORD_BEFORE =
  /(?<![\p{L}])(?:over|under|over\/under|m[aá]s|menos|m[aá]s\/menos|line|l[ií]nea|handicap|h[aá]ndicap|spread|total|totals|points|puntos|goals|goles)(?:\s+de)?[:\s]*$/iu;
/** Expected goals are a model's figures, not prices: "xG 1.45", "expected goals 2.45-1.05". */
const MODEL_FIGURE_BEFORE = /(?:\bxg|expected\s+goals|goles\s+esperados)[:\s]*(?:of\s+|de\s+)?(?:\d+(?:[.,]\d+)?\s*(?:[-–]|to|vs|a)\s*)?$/iu;
const SIGN_BEFORE = /(?<![\p{L}\p{N}])[+\-−±]$/u;
const LINE_AFTER = /^[\s-]*(?:goals?|points?|pts\b|goles?|puntos?|xg\b|expected\b|esperados?\b)/i;
const ODDS_BEFORE = /\b(?:odds|price|priced|cuota|cuotas|paga|pays)\s*(?:of|de|at|a)?\s*$|@\s*$/i;
const SCORE_NOT_AFTER = /^\s*(?:(?:of|de)\s+\d+|goals?|days?|matches|games|legs|points|selections|picks|goles|d[ií]as|partidos|puntos|selecciones|months?|years?|weeks?)\b/i;

/** Every factual number of `text`, in order. */
export function extractClaims(text: string): NumberClaim[] {
  const claims: NumberClaim[] = [];
  // Which characters a claim (or a quoted passage) already covers.
  const taken = new Uint8Array(text.length + 1);
  const cover = (start: number, end: number) => taken.fill(1, Math.max(0, start), end);
  const free = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < end; i++) if (taken[i] === 1) return false;
    return true;
  };
  const take = (claim: NumberClaim) => {
    claims.push(claim);
    cover(claim.start, claim.end);
  };

  // A quoted passage is an example of what to ask ("How much would €50 on Chelsea win?"), not a claim.
  for (const m of text.matchAll(QUOTED)) cover(m.index, m.index + m[0].length);

  for (const re of [ISO_DATE, DAY_FIRST, MONTH_FIRST]) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      if (!free(start, start + m[0].length)) continue;
      const claim = dateClaim(text, m, re === ISO_DATE ? 'iso' : re === MONTH_FIRST ? 'monthFirst' : 'dayFirst');
      if (claim) take(claim);
    }
  }
  for (const m of text.matchAll(TIME)) {
    const start = m.index;
    if (!free(start, start + m[0].length)) continue;
    const time = timeOf(m.groups ?? {});
    if (!time) continue;
    const before = WEEKDAY_BEFORE_TIME.exec(text.slice(Math.max(0, start - 24), start));
    const weekday = before?.groups?.wd ? weekdayOf(before.groups.wd) : undefined;
    const claimStart = weekday && before ? start - before[0].length : start;
    let end = start + m[0].length;
    const utc = UTC_AFTER.exec(text.slice(end));
    if (utc) end += utc[0].length;
    if (!free(claimStart, end)) continue;
    const shape: DateShape = { language: weekday?.language ?? 'en', ...(weekday && { weekday: weekday.style }), ...(time.twelveHour && { twelveHour: time.twelveHour }) };
    take({
      kind: 'datetime',
      text: text.slice(claimStart, end),
      start: claimStart,
      end,
      value: time.hour * 60 + time.minute,
      decimals: 0,
      valueStart: claimStart,
      valueEnd: end,
      decimalComma: false,
      date: { hour: time.hour, minute: time.minute, ...(weekday && { weekday: weekday.index }), utc: utc !== null, shape },
    });
  }
  for (const m of text.matchAll(SCORE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end) || SCORE_NOT_AFTER.test(text.slice(end, end + 16))) continue;
    const a = Number(m.groups?.a);
    const b = Number(m.groups?.b);
    if (a > 20 || b > 20) continue;
    take({ kind: 'score', text: m[0], start, end, value: a, decimals: 0, valueStart: start, valueEnd: end, decimalComma: false, score: [a, b] });
  }
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const claim = numberClaim(text, m[0], start, end);
    if (claim) take(claim);
  }
  return claims.sort((a, b) => a.start - b.start);
}

interface ParsedNumber {
  value: number;
  decimals: number;
  decimalComma: boolean;
}

/** "2.15", "2,15", "1,000.50", "1.000,50", "1,000". */
export function parseNumber(raw: string): ParsedNumber | undefined {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x2e) {
      dots++;
      lastDot = i;
    } else if (code === 0x2c) {
      commas++;
      lastComma = i;
    }
  }
  if (dots === 0 && commas === 0) return { value: Number(raw), decimals: 0, decimalComma: false };
  let decimalAt = -1;
  if (dots > 0 && commas > 0) decimalAt = Math.max(lastDot, lastComma);
  // "2,15" is a decimal comma, "1,000" a thousands separator.
  else if (commas > 0) decimalAt = commas === 1 && raw.length - lastComma - 1 !== 3 ? lastComma : -1;
  else decimalAt = dots === 1 ? lastDot : -1;
  const integer = (decimalAt >= 0 ? raw.slice(0, decimalAt) : raw).replace(/[.,]/g, '');
  const fraction = decimalAt >= 0 ? raw.slice(decimalAt + 1) : '';
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  if (!Number.isFinite(value)) return undefined;
  return { value, decimals: fraction.length, decimalComma: decimalAt >= 0 && raw.charCodeAt(decimalAt) === 0x2c };
}

function numberClaim(text: string, raw: string, start: number, end: number): NumberClaim | undefined {
  const parsed = parseNumber(raw);
  if (!parsed) return undefined;
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 16);
  const claim = (kind: ClaimKind, claimStart: number, claimEnd: number, value = parsed.value, decimals = parsed.decimals): NumberClaim => ({
    kind,
    text: text.slice(claimStart, claimEnd),
    start: claimStart,
    end: claimEnd,
    value,
    decimals,
    valueStart: start,
    valueEnd: end,
    decimalComma: parsed.decimalComma,
  });

  const percent = PERCENT_AFTER.exec(after);
  if (percent) return claim('probability', start, end + percent[0].length);
  const currencyBefore = CURRENCY_BEFORE.exec(before);
  const currencyAfter = currencyBefore ? null : CURRENCY_AFTER.exec(after);
  if (currencyBefore || currencyAfter) {
    const kind: ClaimKind = BALANCE_WORDS.test(sentenceAround(text, start, end)) ? 'balance' : 'money';
    return currencyBefore ? claim(kind, start - currencyBefore[0].length, end) : claim(kind, start, end + (currencyAfter?.[0].length ?? 0));
  }
  if (SIGN_BEFORE.test(before) || MODEL_FIGURE_BEFORE.test(before) || LINE_AFTER.test(after)) return undefined;
  if (parsed.decimals <= 1 && LINE_WORD_BEFORE.test(before)) return undefined;
  if (parsed.decimals > 0) {
    // A decimal below one is a probability written as a fraction ("0.52").
    if (parsed.value < 1) return claim('probability', start, end, parsed.value * 100, Math.max(0, parsed.decimals - 2));
    if (parsed.value <= 1001) return claim('odds', start, end);
    return undefined;
  }
  // Integers are counts, rankings, list numbers or years unless the text calls them a price.
  if (ODDS_BEFORE.test(before) && parsed.value >= 1 && parsed.value <= 1000) return claim('odds', start, end);
  return undefined;
}

/** The sentence (or line) a number stands in; decimal points are not sentence ends. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isSentenceEnd(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !isSentenceEnd(text, to)) to++;
  return text.slice(from, to);
}

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n' || ch === '!' || ch === '?' || ch === ';') return true;
  return ch === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

function monthOf(name: string): { index: number; style: 'long' | 'short'; language: 'en' | 'es' } | undefined {
  const lower = name.toLowerCase();
  const found = MONTHS.find(([n]) => n === lower);
  return found && { index: found[1], style: found[2], language: found[3] };
}

function weekdayOf(name: string): { index: number; style: 'long' | 'short'; language: 'en' | 'es' } | undefined {
  const lower = name.toLowerCase();
  const found = WEEKDAYS.find(([n]) => n === lower);
  return found && { index: found[1], style: found[2], language: found[3] };
}

function timeOf(groups: Record<string, string | undefined>): { hour: number; minute: number; twelveHour?: DateShape['twelveHour'] } | undefined {
  const ampm = (groups.ampm ?? groups.ampm12)?.toLowerCase().replace(/\./g, '');
  let hour = Number(groups.hour ?? groups.hour12);
  const minute = groups.minute === undefined ? 0 : Number(groups.minute);
  if (!Number.isInteger(hour) || minute > 59) return undefined;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  } else if (groups.hour12 !== undefined || hour > 23) {
    return undefined;
  }
  if (ampm === undefined) return { hour, minute };
  return { hour, minute, twelveHour: { mark: groups.ampmSpace ?? groups.ampmSpace12 ?? ampm, minutes: groups.minute !== undefined } };
}

function dateClaim(text: string, m: RegExpMatchArray, form: 'iso' | 'dayFirst' | 'monthFirst'): NumberClaim | undefined {
  const g = { ...m.groups };
  let start = m.index ?? 0;
  let end = start + m[0].length;
  if (form !== 'iso') {
    const weekday = WEEKDAY_BEFORE_DATE.exec(text.slice(Math.max(0, start - 16), start));
    if (weekday?.groups?.wd) {
      g.wd = weekday.groups.wd;
      g.wdComma = weekday[0].includes(',') ? ',' : '';
      start -= weekday[0].length;
    }
  }
  const parts: DateParts = { utc: false };
  let shape: DateShape;
  if (form === 'iso') {
    parts.year = Number(g.year);
    parts.month = Number(g.month);
    parts.day = Number(g.day);
    shape = { language: 'en', month: 'iso', withYear: true };
    if (g.hour !== undefined) {
      parts.hour = Number(g.hour);
      parts.minute = Number(g.minute);
    }
  } else {
    const month = monthOf(g.month ?? '');
    if (!month) return undefined;
    const weekday = g.wd ? weekdayOf(g.wd) : undefined;
    parts.month = month.index;
    parts.day = Number(g.day);
    if (g.year) parts.year = Number(g.year);
    if (weekday) parts.weekday = weekday.index;
    shape = {
      language: month.language,
      month: month.style,
      ...(weekday && { weekday: weekday.style, weekdayComma: g.wdComma === ',' }),
      ...(form === 'monthFirst' && { monthFirst: true }),
      ...(g.year && { withYear: true }),
    };
  }
  if (!parts.day || parts.day > 31 || !parts.month || parts.month > 12) return undefined;
  if (parts.hour === undefined) {
    const time = TIME_AFTER.exec(text.slice(end));
    const parsed = time ? timeOf(time.groups ?? {}) : undefined;
    if (time && parsed) {
      parts.hour = parsed.hour;
      parts.minute = parsed.minute;
      if (parsed.twelveHour) shape.twelveHour = parsed.twelveHour;
      end += time[0].length;
    }
  }
  if (parts.hour !== undefined) {
    const utc = UTC_AFTER.exec(text.slice(end));
    if (utc) {
      parts.utc = true;
      end += utc[0].length;
    }
  }
  return {
    kind: 'datetime',
    text: text.slice(start, end),
    start,
    end,
    value: parts.day,
    decimals: 0,
    valueStart: start,
    valueEnd: end,
    decimalComma: false,
    date: { ...parts, shape },
  };
}
