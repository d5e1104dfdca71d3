/**
 * Checks every factual number of an answer against the values of its turn (GroundedValues):
 * - a number may be rounded the way it is written: "2.1" stands for 2.10 and 2.149, "52%" for
 *   0.5236, "€108" for 107.50 (half a unit of the last digit written);
 * - it may be arithmetic on grounded values that the answer shows: a stake times a price the
 *   answer quotes (the return) or times that price less one (the profit), a sum or a difference of two amounts, a
 *   stake split over a few picks, a product of two quoted prices (a double), the probability a quoted price
 *   implies, its complement, the sum of two outcomes of one market or prediction ("home or draw");
 * - a score may be read from either side ("lost 1-2" for a 2-1);
 * - a date and time must be one moment of the data, seen in the user's zone (or in UTC when the
 *   answer says UTC), and a weekday written with it must be that day's.
 * A number that passes none of these is flagged, with the value it should have been when the data
 * names one (the figure of the selection, team or match named just before it).
 */
import { extractClaims } from './claim-extractor.js';
import { GroundedValues, type GroundedMoment, type GroundedNumber } from './grounded-values.js';
import type { DateParts, DateShape, GroundingReport, NumberClaim, UngroundedNumber } from './grounding.types.js';

const EPSILON = 1e-9;
/** How far back from a figure the answer is searched for the name it belongs to. */
const LABEL_WINDOW = 90;
/** Without a name to go by, the nearest grounded value is offered only when this close (relative). */
const NEAREST_SHARE = 0.25;
const MAX_SPLIT = 10;
const NOT_OUTCOME = /^(?:margin|overround|gap|edge)$/;
const SIDES = /^(?:home|draw|away)$/;
/** Two implied probabilities, two model ones, or two sides of one prediction. */
const sameReading = (a: string, b: string) => a === b || (SIDES.test(a) && SIDES.test(b));

/** Checks `text` against `values`; `language` words the mark of a figure with no known right value. */
export function checkGrounding(text: string, values: GroundedValues, language: 'en' | 'es' = 'en'): GroundingReport {
  const claims = extractClaims(text);
  const flags: UngroundedNumber[] = [];
  // "A €10 bet would return €21.50": a round stake the answer supposes is an example, not a fact; what
  // it returns at a grounded price still has to be right.
  const supposed = claims.filter((c) => isSupposedStake(c, text));
  const money = supposed.length > 0 ? [...values.money, ...supposed.map((c) => ({ value: c.value, key: 'stake', labels: [] }))] : values.money;
  // Arithmetic on prices counts only on prices the answer shows: with a full odds sheet, products of
  // any two prices would cover most figures between 1 and 10.
  const shown = claims.filter((c) => c.kind === 'odds' && values.odds.some((o) => near(o.value, c.value, tolerance(c.decimals)))).map((c) => c.value);
  for (const claim of claims) {
    if (supposed.includes(claim)) continue;
    if (isGrounded(claim, values, money, shown)) continue;
    const expected = expectedFor(claim, text, values);
    flags.push({
      kind: claim.kind,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      ...(expected !== undefined && { expected }),
      replacement: expected ?? `${claim.text} ${language === 'es' ? '(sin verificar)' : '(unverified)'}`,
    });
  }
  return { claims: claims.length, flags };
}

/** `text` with every flagged figure replaced by its right value, or marked as unverified. */
export function correctedText(text: string, flags: readonly UngroundedNumber[]): string {
  let out = '';
  let at = 0;
  for (const flag of [...flags].sort((a, b) => a.start - b.start)) {
    if (flag.start < at) continue;
    out += text.slice(at, flag.start) + flag.replacement;
    at = flag.end;
  }
  return out + text.slice(at);
}

const tolerance = (decimals: number) => 0.5 * 10 ** -decimals + EPSILON;
const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

function isGrounded(claim: NumberClaim, values: GroundedValues, money: readonly GroundedNumber[], shown: readonly number[]): boolean {
  switch (claim.kind) {
    case 'odds':
      return oddsGrounded(claim.value, tolerance(claim.decimals), values, shown);
    case 'probability':
      return probabilityGrounded(claim.value, tolerance(claim.decimals), values, shown);
    case 'money':
    case 'balance':
      return moneyGrounded(claim.value, tolerance(claim.decimals), money, shown);
    case 'score':
      return claim.score !== undefined && values.scores.some((s) => (s.home === claim.score?.[0] && s.away === claim.score[1]) || (s.home === claim.score?.[1] && s.away === claim.score[0]));
    case 'datetime':
      return claim.date !== undefined && values.moments.some((m) => momentMatches(claim.date as DateParts, m));
  }
}

const STAKE_AFTER = /^\s*(?:stake|bet|wager|apuesta|apostados?)\b/i;
const STAKE_BEFORE = /\b(?:stake|staking|bet|betting|wager|with|for|apuesta|apuestas|apostar|apostando|con|por)\s+(?:of\s+|de\s+)?$/i;

function isSupposedStake(claim: NumberClaim, text: string): boolean {
  if (claim.kind !== 'money' || !Number.isInteger(claim.value)) return false;
  return STAKE_AFTER.test(text.slice(claim.end, claim.end + 16)) || STAKE_BEFORE.test(text.slice(Math.max(0, claim.start - 24), claim.start));
}

function oddsGrounded(v: number, tol: number, values: GroundedValues, shown: readonly number[]): boolean {
  if (values.odds.some((o) => near(o.value, v, tol))) return true;
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) if (near(shown[i] * shown[j], v, tol)) return true;
  }
  return false;
}

function probabilityGrounded(v: number, tol: number, values: GroundedValues, shown: readonly number[]): boolean {
  if (values.probabilities.some((x) => near(x.value, v, tol) || near(100 - x.value, v, tol))) return true;
  // Outcomes combine ("home or draw", a double); a margin or an edge does not add to them.
  const p = values.probabilities.filter((x) => !NOT_OUTCOME.test(x.key));
  if (shown.some((o) => o > 0 && near(100 / o, v, tol))) return true;
  for (let i = 0; i < p.length; i++) {
    for (let j = i + 1; j < p.length; j++) {
      // Two outcomes of one set, read the same way (two implied, or two model probabilities).
      if (p[i].group !== undefined && p[i].group === p[j].group && sameReading(p[i].key, p[j].key) && near(p[i].value + p[j].value, v, tol)) return true;
    }
  }
  return false;
}

function moneyGrounded(v: number, tol: number, money: readonly GroundedNumber[], shown: readonly number[]): boolean {
  if (money.some((m) => near(m.value, v, tol))) return true;
  for (const m of money) {
    for (const o of shown) {
      if (near(m.value * o, v, tol) || near(m.value * (o - 1), v, tol)) return true;
    }
    for (let k = 2; k <= MAX_SPLIT; k++) if (near(m.value * k, v, tol) || near(m.value / k, v, tol)) return true;
  }
  for (let i = 0; i < money.length; i++) {
    for (let j = i + 1; j < money.length; j++) {
      if (near(money[i].value + money[j].value, v, tol) || near(Math.abs(money[i].value - money[j].value), v, tol)) return true;
    }
  }
  return false;
}

function momentMatches(claim: DateParts, m: GroundedMoment): boolean {
  if (claim.hour !== undefined) {
    if (m.hour === undefined || m.hour !== claim.hour || m.minute !== (claim.minute ?? 0)) return false;
    if (claim.utc !== m.utc) return false;
  }
  if (claim.day !== undefined && (m.day !== claim.day || m.month !== claim.month)) return false;
  if (claim.year !== undefined && m.year !== claim.year) return false;
  if (claim.weekday !== undefined && m.weekday !== claim.weekday) return false;
  return true;
}

// ------------------------------------------------------------------ the right value

/** Words before a figure that say which of a selection's numbers it is. */
const KEY_HINTS: Array<[RegExp, RegExp]> = [
  [/\b(?:return|returns|payout|pays? out|get back|collect|devuelve|retorno|cobrar[ií]as?|recibir[ií]as?)\b[^.\n]*$/i, /return|payout/],
  [/\b(?:profit|net|win|winnings|beneficio|ganancia|ganar[ií]as?)\b[^.\n]*$/i, /profit/],
  [/\b(?:balance|available|saldo|disponible)\b[^.\n]*$/i, /available|balance/],
  [/\b(?:bonus|bono)\b[^.\n]*$/i, /bonus/],
  [/\b(?:pending|pendiente)\b[^.\n]*$/i, /pending/],
  [/\b(?:stake|staking|apuesta|apostar)\b[^.\n]*$/i, /stake|budget/],
  [/\b(?:implied|impl[ií]cita)\b[^.\n]*$/i, /implied/],
  [/\b(?:fair|margin-free|sin margen|real)\b[^.\n]*$/i, /fair/],
  [/\b(?:model|modelo|estimate|estimamos|we give)\b[^.\n]*$/i, /model|^home$|^draw$|^away$/],
  [/\b(?:edge|ventaja)\b[^.\n]*$/i, /edge/],
  [/\b(?:margin|overround|margen)\b[^.\n]*$/i, /margin|overround/],
];

function expectedFor(claim: NumberClaim, text: string, values: GroundedValues): string | undefined {
  const window = text.slice(Math.max(0, claim.start - LABEL_WINDOW), claim.start).toLowerCase();
  switch (claim.kind) {
    case 'odds':
      return pickNumber(values.odds, claim, window, (v) => formatNumber(v, Math.max(2, claim.decimals), claim));
    case 'probability':
      return pickNumber(values.probabilities, claim, window, (v) => formatNumber(v, claim.decimals, claim));
    case 'money':
    case 'balance':
      return pickNumber(values.money, claim, window, (v) => formatNumber(v, claim.decimals, claim));
    case 'score': {
      const named = byLabel(values.scores, window);
      const score = named.length > 0 ? named[named.length - 1] : values.scores.length === 1 ? values.scores[0] : undefined;
      return score && claim.text.replace(/\d{1,2}(\s?[-–]\s?)\d{1,2}/, `${score.home}$1${score.away}`);
    }
    case 'datetime': {
      const date = claim.date;
      if (!date) return undefined;
      const moment = pickMoment(values.moments, date, window);
      return moment && formatMoment(moment, date, date.shape);
    }
  }
}

function byLabel<T extends { labels: string[] }>(items: readonly T[], window: string): T[] {
  // The name mentioned last before the figure wins.
  let best = -1;
  let chosen: T[] = [];
  for (const item of items) {
    let at = -1;
    for (const label of item.labels) at = Math.max(at, window.lastIndexOf(label));
    if (at < 0) continue;
    if (at > best) {
      best = at;
      chosen = [item];
    } else if (at === best) {
      chosen.push(item);
    }
  }
  return chosen;
}

function pickNumber(pool: readonly GroundedNumber[], claim: NumberClaim, window: string, format: (v: number) => string): string | undefined {
  const real = pool.filter((n) => n.key !== 'text' && n.key !== 'line');
  let candidates = byLabel(real, window);
  const hinted = KEY_HINTS.filter(([words]) => words.test(window));
  // The hint named last (closest to the figure) decides among a selection's numbers.
  const hint = hinted.sort((a, b) => lastMatch(window, b[0]) - lastMatch(window, a[0]))[0];
  if (hint) {
    const keyed = candidates.filter((n) => hint[1].test(n.key));
    const anyKeyed = keyed.length > 0 ? keyed : real.filter((n) => hint[1].test(n.key));
    // The hinted figure of the named selection, else the hinted figures of any.
    const named = byLabel(anyKeyed, window);
    candidates = keyed.length > 0 ? keyed : named.length > 0 ? named : anyKeyed.length > 0 ? anyKeyed : candidates;
  }
  if (candidates.length === 0) {
    if (real.length === 1) candidates = [...real];
    else {
      const nearest = nearestTo(real, claim.value);
      if (nearest && Math.abs(nearest.value - claim.value) <= NEAREST_SHARE * Math.abs(nearest.value)) candidates = [nearest];
    }
  }
  const chosen = nearestTo(candidates, claim.value);
  if (!chosen) return undefined;
  return claim.text.slice(0, claim.valueStart - claim.start) + format(chosen.value) + claim.text.slice(claim.valueEnd - claim.start);
}

function lastMatch(window: string, re: RegExp): number {
  const m = re.exec(window);
  return m ? m.index : -1;
}

function nearestTo<T extends { value: number }>(items: readonly T[], v: number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || Math.abs(item.value - v) < Math.abs(best.value - v)) best = item;
  return best;
}

function formatNumber(value: number, decimals: number, claim: NumberClaim): string {
  const written = value.toFixed(decimals);
  return claim.decimalComma ? written.replace('.', ',') : written;
}

function pickMoment(moments: readonly GroundedMoment[], date: DateParts, window: string): GroundedMoment | undefined {
  const usable = moments.filter((m) => m.utc === date.utc && (date.hour === undefined || m.hour !== undefined) && m.labels.length > 0);
  const named = byLabel(usable, window);
  const pool = named.length > 0 ? named : usable;
  if (pool.length === 0) return undefined;
  // Same time first (a day shifted), then the nearest day.
  const sameTime = date.hour === undefined ? [] : pool.filter((m) => m.hour === date.hour && m.minute === (date.minute ?? 0));
  const from = sameTime.length > 0 ? sameTime : pool;
  if (date.day === undefined) return from.length === 1 || named.length > 0 ? from[0] : undefined;
  const target = Date.UTC(date.year ?? from[0].year, (date.month ?? 1) - 1, date.day);
  let best: GroundedMoment | undefined;
  let bestDistance = Infinity;
  for (const m of from) {
    const distance = Math.abs(Date.UTC(m.year, m.month - 1, m.day) - target);
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

const MONTH_NAMES = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};
const WEEKDAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};

/** "pm" written the way the claim wrote its mark ("PM", " p.m."). */
function twelveHourMark(written: string, morning: boolean): string {
  const letter = morning ? 'a' : 'p';
  return written.replace(/[ap]/i, (c) => (c === c.toUpperCase() ? letter.toUpperCase() : letter));
}

const pad = (n: number) => String(n).padStart(2, '0');
const shortName = (name: string, language: 'en' | 'es') => (language === 'en' ? name.slice(0, 3) : name.slice(0, 3).replace(/^sep$/, 'sept'));

/** The grounded moment written the way the claim was written ("Sat 28 Nov, 21:00", "8 de diciembre"). */
function formatMoment(m: GroundedMoment, date: DateParts, shape: DateShape): string {
  const { language } = shape;
  const time =
    date.hour === undefined || m.hour === undefined
      ? ''
      : shape.twelveHour
        ? `${m.hour % 12 === 0 ? 12 : m.hour % 12}${m.minute || shape.twelveHour.minutes ? `:${pad(m.minute ?? 0)}` : ''}${twelveHourMark(shape.twelveHour.mark, m.hour < 12)}`
        : `${pad(m.hour)}:${pad(m.minute ?? 0)}`;
  const utc = date.utc ? ' UTC' : '';
  const weekdayName = WEEKDAY_NAMES[language][m.weekday];
  const weekday = shape.weekday === 'long' ? weekdayName : shape.weekday === 'short' ? shortName(weekdayName, language) : '';
  if (date.day === undefined) {
    const at = language === 'es' ? ' a las ' : ' at ';
    return `${weekday ? `${weekday}${at}` : ''}${time}${utc}`;
  }
  if (shape.month === 'iso') return `${m.year}-${pad(m.month)}-${pad(m.day)}${time ? ` ${time}` : ''}${utc}`;
  const monthName = MONTH_NAMES[language][m.month - 1];
  const month = shape.month === 'short' ? shortName(monthName, language) : monthName;
  const year = shape.withYear ? (language === 'es' ? ` de ${m.year}` : shape.monthFirst ? `, ${m.year}` : ` ${m.year}`) : '';
  let day: string;
  if (language === 'es') day = shape.month === 'short' ? `${m.day} ${month}` : `${m.day} de ${month}`;
  else day = shape.monthFirst ? `${month} ${m.day}` : `${m.day} ${month}`;
  const lead = weekday ? `${weekday}${shape.weekdayComma ? ', ' : ' '}` : '';
  const clock = time ? (shape.weekday === 'long' || (shape.month === 'long' && !shape.weekday) ? (language === 'es' ? `, a las ${time}` : ` at ${time}`) : `, ${time}`) : '';
  return `${lead}${day}${year}${clock}${utc}`;
}
