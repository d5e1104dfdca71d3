// Letters that Unicode decomposition does not split into a base letter plus a mark.
const FOLDED_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The form in which names are compared: lower case, accents and punctuation dropped, single spaces.
 * "Barça" → "barca", "Bodø/Glimt" → "bodo glimt", "Nott'm Forest" → "nottm forest".
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/['’`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of adjacent
 * letters each cost 1, so "barcleona" is one edit from "barcelona".
 */
export function editDistance(a: string, b: string): number {
  return prefixDistances(a, b)[b.length];
}

/**
 * Edit distances from `a` to every prefix of `b` (index j: `b.slice(0, j)`), from one dynamic
 * programming pass; the last entry is the distance to the whole of `b`.
 */
function prefixDistances(a: string, b: string): Int32Array {
  const width = b.length + 1;
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
    }
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return previous;
}

/**
 * How far a query is from a known name, for ranking suggestions; `undefined` when too far to be a
 * plausible typo. Whole-name matches rank first; then a (possibly misspelt) start of the name
 * ("manchester" for "manchester city"), then a misspelt word of a longer name ("barcelonna" for
 * "fc barcelona").
 */
export function matchDistance(query: string, key: string): number | undefined {
  if (query.length === 0) return undefined;
  if (query === key) return 0;
  const wholeTolerance = Math.max(1, Math.floor(Math.max(query.length, key.length) / 4));
  const tolerance = Math.max(1, Math.floor(query.length / 4));
  const shortQuery = query.length < 3;
  if (shortQuery && Math.abs(query.length - key.length) > wholeTolerance) return undefined;
  const distances = prefixDistances(query, key);
  const whole = distances[key.length];
  if (whole <= wholeTolerance) return whole;
  if (shortQuery) return undefined;
  let prefix = Number.POSITIVE_INFINITY;
  const longest = Math.min(key.length - 1, query.length + tolerance);
  for (let length = Math.max(1, query.length - tolerance); length <= longest; length++) {
    prefix = Math.min(prefix, distances[length]);
  }
  if (prefix <= tolerance) return wholeTolerance + 0.5 + prefix;
  const words = key.split(' ');
  if (words.length > 1) {
    let best = Number.POSITIVE_INFINITY;
    for (const word of words) {
      if (Math.abs(word.length - query.length) <= tolerance) best = Math.min(best, editDistance(query, word));
    }
    if (best <= tolerance) return wholeTolerance + 1 + best;
  }
  return undefined;
}
