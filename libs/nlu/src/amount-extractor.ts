import type { AmountEntity } from './nlu.types.js';

export interface AmountMatch extends AmountEntity {
  start: number;
  end: number;
}

const NUM = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = String.raw`(?:\s?(k|mil|thousand)\b)?`;

const SYMBOL_CURRENCY: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };

/** Currency words as they appear after accent stripping, longest alternatives first. */
const WORD_CURRENCY: readonly [string, string | null][] = [
  ['euros', 'EUR'], ['euro', 'EUR'], ['eur', 'EUR'], ['eurs', 'EUR'], ['pavos', 'EUR'], ['lereles', 'EUR'],
  ['dollars', 'USD'], ['dollar', 'USD'], ['dolares', 'USD'], ['dolar', 'USD'], ['usd', 'USD'], ['bucks', 'USD'],
  ['pounds', 'GBP'], ['pound', 'GBP'], ['libras', 'GBP'], ['libra', 'GBP'], ['quid', 'GBP'], ['gbp', 'GBP'],
  ['pesos', null],
];
const CURRENCY_WORD_ALT = WORD_CURRENCY.map(([w]) => w).join('|');
const CURRENCY_BY_WORD = new Map(WORD_CURRENCY);

// "10e": euros written as a glued "e" (the space-separated "10 e" is too often the conjunction).
const GLUED_E_RE = /(?<![\d.,:\-\w])(\d{1,6}(?:[.,]\d{1,2})?)e\b/g;
const SYMBOL_PREFIX_RE = new RegExp(String.raw`([€$£])\s?(${NUM})${MULT}`, 'g');
const CODE_PREFIX_RE = new RegExp(String.raw`\b(eur|usd|gbp)\s?(${NUM})${MULT}(?!\d|[.,]\d)`, 'g');
// The currency word may be glued to the number ("20eur"), so it is bounded by "not a letter" rather than \b.
const SUFFIX_RE = new RegExp(String.raw`(?<![\d.,:\-])(${NUM})${MULT}\s?(?:([€$£])|(?<![a-z])(${CURRENCY_WORD_ALT})\b)`, 'g');

/**
 * Bare stakes: a number right after a betting verb or "with/con". The negative look-ahead
 * rejects times, scorelines, goal lines and the like so "with 2 goals" or "bet 2-1" stay out.
 */
const STAKE_VERBS = [
  'with', 'con', 'bet', 'bets', 'betting', 'apuesto', 'apostar', 'apostando', 'apostaria', 'aposte', 'apuesta', 'apuesta de',
  'apuestas de', 'apuesto unos', 'stake', 'staking', 'wager', 'wagering', 'put', 'putting', 'pongo', 'poner',
  'pusiera', 'meto', 'meter', 'metiera', 'invest', 'invierto', 'risk', 'arriesgo', 'jugar', 'juego', 'bet of',
  'stake of', 'wager of', 'pon', 'ponle', 'ponme', 'mete', 'metele', 'apuestale', 'apuestame', 'juegale', 'stick',
  'whack', 'chuck',
].join('|');
const BARE_AFTER_VERB_RE = new RegExp(
  String.raw`\b(?:${STAKE_VERBS})\s+(?:(?:a|an|un|una|like|about|around|unos|solo|only|just|me|le)\s+)?(${NUM})${MULT}` +
    String.raw`(?!\d|[.,]\d|\s*(?:[:/x-]\s*\d|h\b|hs\b|hrs?\b|pm\b|am\b|%|o'?clock|goles|gol\b|goals?\b|min|puntos|points|partidos|games|matches|years|anos|veces|times|mas|more|teams|equipos|selections|selecciones|picks|legs|patas|to\s+\d|a\s+\d))`,
  'g',
);

/** Bare stake followed by the pick: "10 on Arsenal", "20 al Betis" (checked against entity spans later). */
export const BARE_BEFORE_PICK_RE = new RegExp(String.raw`(?<![\d.,:\-€$£])\b(${NUM})\s+(?:on|al|a|por)\s+`, 'g');

const EN_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ES_UNITS: Record<string, number> = {
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19, veinte: 20, veintiuno: 21, veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25,
  veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50,
  sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200, trescientos: 300,
  cuatrocientos: 400, quinientos: 500, seiscientos: 600, setecientos: 700, ochocientos: 800, novecientos: 900,
};
const NUMBER_WORD_RE = new RegExp(
  String.raw`\b((?:(?:${[...Object.keys(EN_UNITS), ...Object.keys(ES_UNITS), 'a', 'hundred', 'thousand', 'mil'].join('|')})(?:[\s-]+(?:and\s+|y\s+)?)?)+)\s*(${CURRENCY_WORD_ALT})\b`,
  'g',
);

/** A follow-up that only changes the stake: "and 50?", "¿y si son 100?", "make it 20". */
const FOLLOW_UP_STAKE_RE = new RegExp(
  String.raw`^\W*(?:and|y|what\s+about|how\s+about|and\s+if\s+it'?s|and\s+with|y\s+con|y\s+si\s+(?:son|fueran|fuesen|es|pongo|apuesto)|make\s+it|ok\s+and|vale\s+y|y\s+por)\s+(?:a\s+|an\s+|un\s+|una\s+)?(${NUM})${MULT}(?:\s+(?:on|en|a)\s+(?:that|it|this|eso|esa|esta|ella))?\s*\W*$`,
  'g',
);

const SLANG_AMOUNTS: readonly [RegExp, number, string][] = [
  [/\b(?:(?:a|one)\s+)?tenner\b/g, 10, 'GBP'],
  [/\b(?:(?:a|one)\s+)?fiver\b/g, 5, 'GBP'],
  [/\b(?:a|one)\s+pony\b/g, 25, 'GBP'],
];

export function parseNumber(raw: string, multiplier?: string): number {
  let s = raw;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s)) {
    s = s.replace(/[.,]/g, '');
  } else {
    const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    if (lastSep >= 0) s = s.slice(0, lastSep).replace(/[.,]/g, '') + '.' + s.slice(lastSep + 1);
  }
  const value = Number(s);
  return multiplier ? value * 1000 : value;
}

function parseNumberWords(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'and' || w === 'y') continue;
    if (w === 'a') {
      current = Math.max(current, 1);
      continue;
    }
    if (w === 'hundred') {
      current = Math.max(current, 1) * 100;
      seen = true;
    } else if (w === 'thousand' || w === 'mil') {
      total += Math.max(current, 1) * 1000;
      current = 0;
      seen = true;
    } else {
      const v = EN_UNITS[w] ?? ES_UNITS[w];
      if (v === undefined) return null;
      current += v;
      seen = true;
    }
  }
  return seen ? total + current : null;
}

/** Finds stakes and other money amounts; positions refer to the normalised text. */
export function extractAmounts(normalized: string): AmountMatch[] {
  const found: AmountMatch[] = [];
  const add = (m: AmountMatch): void => {
    if (!Number.isFinite(m.value) || m.value <= 0) return;
    if (found.some((f) => m.start < f.end && f.start < m.end)) return;
    found.push(m);
  };
  const span = (m: RegExpMatchArray): { start: number; end: number } => {
    const start = m.index ?? 0;
    return { start, end: start + m[0].length };
  };

  for (const m of normalized.matchAll(SYMBOL_PREFIX_RE)) {
    add({ value: parseNumber(m[2], m[3]), currency: SYMBOL_CURRENCY[m[1]] ?? null, ...span(m) });
  }
  for (const m of normalized.matchAll(CODE_PREFIX_RE)) {
    add({ value: parseNumber(m[2], m[3]), currency: m[1].toUpperCase(), ...span(m) });
  }
  for (const m of normalized.matchAll(SUFFIX_RE)) {
    const currency = m[3] ? (SYMBOL_CURRENCY[m[3]] ?? null) : (CURRENCY_BY_WORD.get(m[4] ?? '') ?? null);
    add({ value: parseNumber(m[1], m[2]), currency, ...span(m) });
  }
  for (const m of normalized.matchAll(GLUED_E_RE)) {
    add({ value: parseNumber(m[1]), currency: 'EUR', ...span(m) });
  }
  for (const m of normalized.matchAll(NUMBER_WORD_RE)) {
    const words = m[1].trim().split(/[\s-]+/);
    // "a" alone is an article, not "one"; it only counts inside "a hundred".
    while (words.length > 0 && (words[0] === 'and' || words[0] === 'y' || (words[0] === 'a' && words[1] !== 'hundred'))) {
      words.shift();
    }
    const value = parseNumberWords(words);
    if (value === null) continue;
    const offset = m[0].indexOf(words[0] ?? '');
    const start = (m.index ?? 0) + Math.max(offset, 0);
    add({ value, currency: CURRENCY_BY_WORD.get(m[2]) ?? null, start, end: (m.index ?? 0) + m[0].length });
  }
  for (const [re, value, currency] of SLANG_AMOUNTS) {
    for (const m of normalized.matchAll(re)) add({ value, currency, ...span(m) });
  }
  for (const m of normalized.matchAll(FOLLOW_UP_STAKE_RE)) {
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    add({ value: parseNumber(m[1], m[2]), currency: null, start, end: start + m[1].length });
  }
  for (const m of normalized.matchAll(BARE_AFTER_VERB_RE)) {
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    add({ value: parseNumber(m[1], m[2]), currency: null, start, end: (m.index ?? 0) + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
