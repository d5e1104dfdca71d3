export interface Token {
  /** Surface form in the normalised text (apostrophes kept: "who's"). */
  text: string;
  /** Look-up form: apostrophes and a possessive "'s" removed ("barca's" → "barca"). */
  key: string;
  /** Character offsets into the normalised string. */
  start: number;
  end: number;
}

// Letters that canonical decomposition does not split into base letter + mark.
const FOLDED_LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Lower case, no diacritics, compatibility forms folded ("Barça" → "barca", "Bodø" → "bodo",
 * full-width digits → ASCII). Currency symbols and punctuation are kept for the amount and
 * date rules; offsets refer to this string, not to the original.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (ch) => FOLDED_LETTERS[ch] ?? ch)
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/[\u2013\u2014]/g, '-');
}

/** Normalises a lexicon phrase to the single-spaced token form used for look-ups. */
export function normalizePhrase(text: string): string {
  return tokenize(normalizeText(text))
    .map((t) => t.key)
    .join(' ');
}

const TOKEN_RE = /[a-z0-9]+(?:'[a-z]+)?/g;

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const text = m[0];
    const key = (text.endsWith("'s") ? text.slice(0, -2) : text).replace(/'/g, '');
    tokens.push({ text, key, start, end: start + text.length });
  }
  return tokens;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
 * abandoning early once every cell of a row exceeds `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Typo budget by token length: short tokens are too ambiguous to correct. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}
