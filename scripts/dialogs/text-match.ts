/**
 * Reading an answer the way a person checking it would: numbers in any common notation, names
 * without regard to case or accents, days written next to a month or weekday, times of day.
 * Pure functions, so the checks built on them can be tested without the app.
 */
import { normalizeName } from '@app/sports-data';
import type { DialogLanguage } from './dialog.types.js';

/**
 * Lower case without accents, typographic apostrophes made plain; punctuation and digits kept (for
 * substring checks such as "100%").
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

/**
 * Every number the text may be read as. "2,15" and "2.15" are 2.15; "1,234.50" and "1.234,50" are
 * 1234.5; a lone separator before exactly three digits ("1,234") is ambiguous and yields both
 * 1234 and 1.234.
 */
export function extractNumbers(text: string): number[] {
  const values: number[] = [];
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const token = match[0];
    const separators = token.replace(/\d/g, '');
    if (separators.length === 0) {
      values.push(Number(token));
      continue;
    }
    const lastSeparator = separators[separators.length - 1];
    const mixed = new Set(separators).size > 1;
    if (mixed) {
      // The last separator is the decimal one; the other groups thousands.
      const cut = token.lastIndexOf(lastSeparator);
      values.push(Number(`${token.slice(0, cut).replace(/[.,]/g, '')}.${token.slice(cut + 1)}`));
      continue;
    }
    const groups = token.split(lastSeparator);
    const grouped = groups.slice(1).every((group) => group.length === 3);
    if (groups.length > 2) {
      // "1,234,567" groups thousands; "1.2.3" (a version, a date) is read part by part.
      if (grouped) values.push(Number(groups.join('')));
      else values.push(...groups.map(Number));
      continue;
    }
    const decimal = Number(`${groups[0]}.${groups[1]}`);
    values.push(decimal);
    if (grouped) values.push(Number(groups.join('')));
  }
  return values.filter((value) => Number.isFinite(value));
}

const PRICE_TOLERANCE = 0.005 + 1e-9;
const MONEY_TOLERANCE = 0.01 + 1e-9;

/** A price quoted to 2 decimals ("2.1" is 2.10). */
export function quotesPrice(text: string, price: number): boolean {
  return extractNumbers(text).some((value) => Math.abs(value - price) < PRICE_TOLERANCE);
}

/** An amount of money within a cent of `amount`. */
export function quotesAmount(text: string, amount: number): boolean {
  return extractNumbers(text).some((value) => Math.abs(value - amount) <= MONEY_TOLERANCE);
}

/** Whole-word occurrence of a name, ignoring case, accents and punctuation. */
function containsWords(normalizedText: string, normalizedName: string): boolean {
  return normalizedName.length > 0 && ` ${normalizedText} `.includes(` ${normalizedName} `);
}

/**
 * Whether the text names a team by any of `names`. Names of `rivals` are blanked out first, so
 * that "Atletico Madrid" does not count as naming Real Madrid (alias "Madrid").
 */
export function mentionsName(text: string, names: readonly string[], rivals: readonly string[] = []): boolean {
  const own = new Set(names.map(normalizeName));
  let normalized = normalizeName(text);
  const blanks = rivals
    .map(normalizeName)
    .filter((rival) => rival.length > 0 && !own.has(rival))
    .sort((a, b) => b.length - a.length);
  for (const rival of blanks) {
    normalized = ` ${normalized} `.split(` ${rival} `).join(' · ').trim();
  }
  return [...own].some((name) => containsWords(normalized, name));
}

/** Where a name occurs in already normalized text, as [start, end) character spans. */
function spansOf(normalized: string, name: string): [number, number][] {
  const spans: [number, number][] = [];
  if (name.length === 0) return spans;
  const padded = ` ${normalized} `;
  let from = 0;
  for (;;) {
    const at = padded.indexOf(` ${name} `, from);
    if (at === -1) return spans;
    spans.push([at, at + name.length]);
    from = at + 1;
  }
}

/**
 * Which of several sides (each a list of names) the text names closest to a word matching
 * `anchor` ("favourite"): the index of that side, or undefined when no side or no anchor word
 * occurs. A name inside a longer name of another side ("Madrid" in "Atletico Madrid") does not count.
 */
export function sideNearest(text: string, sides: readonly (readonly string[])[], anchor: RegExp): number | undefined {
  // The clause holding the word decides first: in "Barcelona are favourites at 2.15; Chelsea 3.10"
  // both names are as near to it, but only one is in its clause.
  for (const clause of text.split(/[;()]|,\s/)) {
    if (!anchor.test(normalizeName(clause))) continue;
    const side = sideNearestIn(clause, sides, anchor);
    if (side !== undefined) return side;
  }
  return sideNearestIn(text, sides, anchor);
}

function sideNearestIn(text: string, sides: readonly (readonly string[])[], anchor: RegExp): number | undefined {
  const normalized = normalizeName(text);
  const anchors = [...normalized.matchAll(new RegExp(anchor.source, 'g'))].map((m) => [m.index, m.index + m[0].length] as const);
  if (anchors.length === 0) return undefined;
  const spans = sides.map((names) => [...new Set(names.map(normalizeName))].flatMap((name) => spansOf(normalized, name)));
  const inside = (span: [number, number], other: [number, number]) => other[0] <= span[0] && span[1] <= other[1] && other[1] - other[0] > span[1] - span[0];
  let best: { side: number; distance: number } | undefined;
  spans.forEach((own, side) => {
    const others = spans.filter((_, index) => index !== side).flat();
    for (const span of own) {
      if (others.some((other) => inside(span, other))) continue;
      for (const [start, end] of anchors) {
        const distance = span[1] <= start ? start - span[1] : span[0] >= end ? span[0] - end : 0;
        if (best === undefined || distance < best.distance) best = { side, distance };
      }
    }
  });
  return best?.side;
}

/** Sentences of an answer; a decimal point ("2.15") does not end one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const MONTHS: readonly string[][] = [
  ['january', 'jan', 'enero', 'ene'],
  ['february', 'feb', 'febrero'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo'],
  ['june', 'jun', 'junio'],
  ['july', 'jul', 'julio'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'diciembre', 'dic'],
];

/** Index 0 = Sunday, as `Date.getUTCDay`. */
const WEEKDAYS: readonly string[][] = [
  ['sunday', 'sun', 'domingo', 'dom'],
  ['monday', 'mon', 'lunes', 'lun'],
  ['tuesday', 'tue', 'tues', 'martes'],
  ['wednesday', 'wed', 'miercoles', 'mie', 'mier'],
  ['thursday', 'thu', 'thur', 'thurs', 'jueves', 'jue'],
  ['friday', 'fri', 'viernes', 'vie'],
  ['saturday', 'sat', 'sabado', 'sab'],
];

/** A calendar day as seen in a time zone. */
export interface LocalDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
}

/** Words between a day number and its month or weekday that do not break "next to". */
const DATE_FILLERS = new Set(['de', 'del', 'the', 'of', 'el', 'on', 'this', 'este', 'next', 'proximo']);
const DATE_WINDOW = 2;

/**
 * Whether the text gives `day` as a date: its day of month next to its month name or weekday
 * ("Saturday 13 December", "sáb 13 de dic", "Dec 13th"), numerically ("13/12", "2026-12-13"), or,
 * when it is today or tomorrow relative to `today`, by those words.
 */
export function mentionsDay(text: string, day: LocalDay, today?: LocalDay): boolean {
  const folded = fold(text);
  const tokens = folded
    .replace(/(\d)(st|nd|rd|th|º|o)\b/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0 && !DATE_FILLERS.has(token));
  const dayNames = new Set([...MONTHS[day.month - 1], ...WEEKDAYS[day.weekday]]);
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\d{1,2}$/.test(tokens[i]) || Number(tokens[i]) !== day.day) continue;
    for (let j = Math.max(0, i - DATE_WINDOW); j <= Math.min(tokens.length - 1, i + DATE_WINDOW); j++) {
      if (dayNames.has(tokens[j])) return true;
    }
  }
  const dd = String(day.day);
  const mm = String(day.month);
  const numeric = new RegExp(
    `(^|[^\\d])(0?${dd}[/.-]0?${mm}|0?${mm}/0?${dd}|${day.year}-${mm.padStart(2, '0')}-${dd.padStart(2, '0')})([^\\d]|$)`,
  );
  if (numeric.test(folded)) return true;
  if (today !== undefined) {
    const offset = dayDifference(today, day);
    if (offset === 0 && /\b(today|tonight|hoy|esta noche)\b/.test(folded)) return true;
    if (offset === 1 && /\b(tomorrow|manana)\b/.test(folded)) return true;
  }
  return false;
}

function dayDifference(from: LocalDay, to: LocalDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** A time of day in 24-hour ("21:00", "21h00", "21.00 h") or 12-hour ("9:00 pm", "9pm") form. */
export function mentionsTime(text: string, hours: number, minutes: number): boolean {
  const folded = fold(text);
  const mm = String(minutes).padStart(2, '0');
  const h24 = new RegExp(`(^|[^\\d])0?${hours}[:h.]${mm}(?!\\d)`);
  if (h24.test(folded)) return true;
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'a\\.?\\s?m\\.?' : 'p\\.?\\s?m\\.?';
  const minutePart = minutes === 0 ? `(:00)?` : `:${mm}`;
  return new RegExp(`(^|[^\\d])${h12}${minutePart}\\s?${suffix}`).test(folded);
}

/**
 * How a text may name a time zone: its IANA id, its names in English and Spanish (long, short,
 * generic: "CET", "Central European Standard Time", "hora estándar de Europa central"), its offset
 * ("UTC+1", "GMT+01:00"), or its city next to a word for time ("Madrid time", "hora de Madrid").
 */
export function mentionsZone(text: string, zone: string, at: Date): boolean {
  const folded = fold(text);
  if (folded.includes(fold(zone))) return true;
  const names = new Set<string>();
  for (const locale of ['en-GB', 'en-US', 'es-ES']) {
    for (const style of ['short', 'long', 'shortGeneric', 'longGeneric'] as const) {
      const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      // Bare "GMT" offsets are matched numerically below; a lone "GMT" would also name London.
      if (part && !/^(GMT|UTC)$/i.test(part) && !/^(GMT|UTC)[+-]/i.test(part)) names.add(fold(part));
    }
  }
  if ([...names].some((name) => new RegExp(`(^|[^a-z])${escapeRegExp(name)}([^a-z]|$)`).test(folded))) return true;
  const offsetMinutes = zoneOffsetMinutes(zone, at);
  if (offsetMatches(folded, offsetMinutes)) return true;
  const city = fold(zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  const cityTime = new RegExp(
    `\\b${escapeRegExp(city)}\\s+(local\\s+)?time\\b|\\b(hora|horario)\\s+(local\\s+)?(de|del|en)\\s+${escapeRegExp(city)}\\b|\\btime\\s+in\\s+${escapeRegExp(city)}\\b|\\(${escapeRegExp(city)}\\)`,
  );
  return cityTime.test(folded);
}

function offsetMatches(folded: string, offsetMinutes: number): boolean {
  for (const match of folded.matchAll(/\b(?:utc|gmt)\s?([+-−])\s?(\d{1,2})(?::?(\d{2}))?/g)) {
    const sign = match[1] === '+' ? 1 : -1;
    const minutes = sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
    if (minutes === offsetMinutes) return true;
  }
  if (offsetMinutes === 0 && /\b(utc|gmt)\b(?!\s?[+-−]\s?\d)/.test(folded)) return true;
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Minutes east of UTC of `zone` at `at`. */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar day and time of day of an instant in a zone. */
export function localParts(at: Date, zone: string): LocalDay & { hours: number; minutes: number } {
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(zone, at) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}

/** The instant a local calendar day starts in `zone` (days overflow: day 32 is next month's 1st). */
export function startOfLocalDay(year: number, month: number, day: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // The offset at midnight may differ from the one at the guess across a DST change: settle twice.
  let instant = guess - zoneOffsetMinutes(zone, new Date(guess)) * 60_000;
  instant = guess - zoneOffsetMinutes(zone, new Date(instant)) * 60_000;
  return new Date(instant);
}

const EN_WORDS = new Set(['the', 'and', 'is', 'are', 'to', 'of', 'for', 'you', 'your', 'at', 'in', 'on', 'with', 'will', 'would', 'next', 'match', 'matches', 'odds', 'win', 'bet', 'this', 'that', 'it', 'be', 'or', 'there', 'can', 'play', 'plays', 'against', 'upcoming', 'times', 'sorry', 'what', 'which', 'how', 'not']);
const ES_WORDS = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'y', 'en', 'es', 'para', 'con', 'un', 'una', 'por', 'su', 'partido', 'partidos', 'cuota', 'cuotas', 'apuesta', 'juega', 'contra', 'gana', 'se', 'lo', 'al', 'tu', 'hay', 'esta', 'son', 'como', 'mas', 'pero', 'proximos', 'horas', 'perdona', 'cual', 'cuanto']);

/**
 * The language most of the text's function words belong to; undefined when neither clearly leads.
 * Only words written in lower case count: capitalised ones are mostly parts of names ("Los Angeles
 * Lakers", "Atlético de Madrid" aside, whose "de" is one word against a whole sentence).
 */
export function detectLanguage(text: string): DialogLanguage | undefined {
  let en = 0;
  let es = 0;
  for (const word of text.normalize('NFKD').replace(/\p{M}+/gu, '').split(/[^\p{L}']+/u)) {
    if (word !== word.toLowerCase()) continue;
    if (EN_WORDS.has(word)) en += 1;
    if (ES_WORDS.has(word)) es += 1;
  }
  if (en === es) return undefined;
  return en > es ? 'en' : 'es';
}

const PROMISE_PATTERNS: readonly RegExp[] = [
  /\bguarantee(d|s)?\b/,
  /\bsure(-|\s)?(win|thing|fire|bet)\b/,
  /\b(can'?t|cannot|can not|won'?t) (lose|fail)\b/,
  /\brisk(-|\s)free\b/,
  /\b100\s?%/,
  /\bcertain (win|winner|victory)\b/,
  /\block of the\b/,
  /\bgarantizad[oa]s?\b/,
  /\bgarantiza\b/,
  /\b(apuesta|ganancia|victoria|ganador) segur[oa]\b/,
  /\bseguro que gana/,
  /\bsin riesgo\b/,
  /\binfalible\b/,
  /\bno (puede|puedes) perder\b/,
];

const NEGATIONS = /\b(no|not|never|nothing|none|nobody|cannot|can'?t|isn'?t|aren'?t|don'?t|doesn'?t|won'?t|nunca|ninguna?|nada|nadie|tampoco|imposible|impossible)\b|n't\b/;

/**
 * Whether the text promises a certain outcome. A sentence that negates ("no bet is guaranteed",
 * "ninguna apuesta es segura") is a disclaimer, not a promise.
 */
export function promisesCertainty(text: string): boolean {
  return sentences(fold(text)).some((sentence) => {
    const promise = PROMISE_PATTERNS.some((pattern) => pattern.test(sentence));
    if (!promise) return false;
    // "can't lose" and "no puedes perder" are themselves negated forms of a promise.
    const stripped = sentence.replace(/\b(can'?t|cannot|can not|won'?t) (lose|fail)\b|\bno (puede|puedes) perder\b/g, '');
    return !NEGATIONS.test(stripped);
  });
}

/**
 * A count of further items: "12 more", "y 12 partidos más", "another 12", "otros 12", or the
 * shown part of a total ("10 of 34", "10 de 34").
 */
export function saysHowManyMore(text: string): boolean {
  const folded = fold(text);
  return (
    /\b\d+\s+(?:[a-z]+\s+){0,2}(more|mas|others|otros|otras|additional|further|remaining|restantes)\b/.test(folded) ||
    /\b(another|other|otros|otras)\s+\d+\b/.test(folded) ||
    /\b(showing|mostrando|first|primeros)\s+\d+\s+(of|de)\s+\d+\b/.test(folded)
  );
}
