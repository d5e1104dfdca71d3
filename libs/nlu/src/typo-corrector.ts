import { boundedEditDistance, typoBudget } from './text-normalizer.js';

const MIN_FUZZY_LENGTH = 5;
const CACHE_LIMIT = 5000;

/**
 * Maps a misspelt token to the closest target word within a length-scaled edit budget.
 * Targets and `protectedWords` are "known": they are never rewritten, so ordinary
 * vocabulary ("player", "winning") cannot drift into a team name or keyword.
 */
export class TypoCorrector {
  private readonly byLength = new Map<number, string[]>();
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string>();

  constructor(targets: Iterable<string>, protectedWords: Iterable<string> = []) {
    this.known = new Set(protectedWords);
    for (const word of targets) {
      this.known.add(word);
      if (word.length < MIN_FUZZY_LENGTH || /\d/.test(word)) continue;
      const bucket = this.byLength.get(word.length);
      if (bucket) {
        if (!bucket.includes(word)) bucket.push(word);
      } else {
        this.byLength.set(word.length, [word]);
      }
    }
  }

  isKnown(token: string): boolean {
    return this.known.has(token);
  }

  correct(token: string): string {
    if (token.length < MIN_FUZZY_LENGTH || this.known.has(token) || /\d/.test(token)) return token;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const result = this.search(token);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  private search(token: string): string {
    const budget = typoBudget(token.length);
    let best = token;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let len = token.length - budget; len <= token.length + budget; len++) {
      const bucket = this.byLength.get(len);
      if (!bucket) continue;
      for (const candidate of bucket) {
        // People rarely get the first letter wrong (bar a swap of the first two); requiring it
        // keeps ordinary words such as "banana" from being pulled onto "manana".
        const sameStart = candidate[0] === token[0] || (candidate[0] === token[1] && candidate[1] === token[0]);
        if (!sameStart || isPluralPair(token, candidate)) continue;
        const d = boundedEditDistance(token, candidate, budget);
        if (d > budget) continue;
        const score = d;
        if (score < bestScore) {
          bestScore = score;
          best = candidate;
        }
      }
    }
    return best;
  }
}

/** "winning"/"winnings", "cuota"/"cuotas": a different word form, not a typo. */
function isPluralPair(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && (long.length - short.length === 1 ? long.endsWith('s') : long.endsWith('es') && long.length - short.length === 2);
}
