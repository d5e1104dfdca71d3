import type { LexiconEntryKind, NluLexicon } from './nlu-lexicon.js';
import type { Token } from './text-normalizer.js';

export interface EntityMatch {
  kind: LexiconEntryKind;
  names: readonly string[];
  /** Token index range [startToken, endToken). */
  startToken: number;
  endToken: number;
}

const ARTICLES = new Set(['el', 'la', 'los', 'las', 'the', 'lo']);

// Cues that mark the next/previous word as a team or competition name.
const CUE_BEFORE = new Set([
  'vs', 'v', 'versus', 'contra', 'against', 'x', 'beat', 'beats', 'beating', 'face', 'faces', 'facing', 'host', 'hosts',
  'hosting', 'visit', 'visits', 'visiting', 'does', 'did', 'do', 'will', 'can', 'on', 'al', 'del', 'for', 'and', 'or',
  'y', 'o', 'de', 'about', 'odds', 'cuotas', 'back', 'backing', 'juega', 'juegan', 'play', 'plays',
]);
const CUE_AFTER = new Set([
  'vs', 'v', 'versus', 'contra', 'against', 'x', 'fc', 'game', 'games', 'match', 'matches', 'partido', 'partidos',
  'fixture', 'odds', 'cuotas', 'play', 'plays', 'playing', 'juega', 'juegan', 'win', 'wins', 'gana', 'ganan', 'or', 'and',
  'y', 'o', 'next',
]);
// "cómo" and "y cómo" are everywhere in Spanish; only the strongest cues count for Como.
const STRICT_BEFORE = new Set(['vs', 'v', 'versus', 'contra', 'against', 'x', 'beat', 'beats', 'face', 'faces', 'facing', 'host', 'hosts', 'visit', 'visits', 'does', 'did', 'will', 'al', 'del', 'on', 'for']);
const STRICT_AFTER = new Set(['vs', 'v', 'versus', 'contra', 'against', 'x', 'fc', '1907', 'game', 'match', 'partido']);
const STRICT_PHRASES = new Set(['como']);

// Articles and linking words do not make a match more specific: "liga francesa" beats "la liga".
const WEAK_TOKENS = new Set(['el', 'la', 'los', 'las', 'the', 'lo', 'de', 'del', 'of']);

/**
 * Longest-match over the (typo-corrected) token stream: every phrase occurrence is a candidate,
 * and the candidates with the most content words win overlaps, so "Inter Milan" beats "Milan",
 * "Manchester derby" beats "Manchester" and "liga de campeones" beats "la liga".
 * Tokens flagged in `blocked` (already read as money, e.g. "50 bucks") are never part of a match.
 */
export function matchEntities(
  lexicon: NluLexicon,
  tokens: readonly string[],
  blocked: readonly boolean[] = [],
  hyphenAfter: readonly boolean[] = [],
): EntityMatch[] {
  const candidates: (EntityMatch & { weight: number })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked[i]) continue;
    const maxLen = Math.min(lexicon.maxPhraseTokens, tokens.length - i);
    let phrase = '';
    for (let len = 1; len <= maxLen; len++) {
      const k = i + len - 1;
      if (blocked[k]) break;
      phrase = len === 1 ? tokens[i] : `${phrase} ${tokens[k]}`;
      const entry = lexicon.phrases.get(phrase);
      if (!entry) continue;
      if (entry.kind !== 'derby' && splitsIntoFixture(lexicon, tokens, i, k, hyphenAfter)) continue;
      let weight = 0;
      for (let j = i; j <= k; j++) if (!WEAK_TOKENS.has(tokens[j])) weight++;
      candidates.push({ kind: entry.kind, names: entry.names, startToken: i, endToken: i + len, weight });
    }
  }
  candidates.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.endToken - b.startToken - (a.endToken - a.startToken) ||
      a.startToken - b.startToken,
  );
  const taken = new Array<boolean>(tokens.length).fill(false);
  const chosen: EntityMatch[] = [];
  for (const c of candidates) {
    let free = true;
    for (let j = c.startToken; j < c.endToken; j++) if (taken[j]) free = false;
    if (!free) continue;
    chosen.push({ kind: c.kind, names: c.names, startToken: c.startToken, endToken: c.endToken });
    for (let j = c.startToken; j < c.endToken; j++) taken[j] = true;
  }
  chosen.sort((a, b) => a.startToken - b.startToken);
  // Ambiguous everyday words need a cue; checked after selection so neighbours are known.
  const accepted: EntityMatch[] = [];
  const matchedTokens = new Set<number>();
  for (const m of chosen) {
    const phrase = tokens.slice(m.startToken, m.endToken).join(' ');
    if (!lexicon.contextRequired.has(phrase)) for (let j = m.startToken; j < m.endToken; j++) matchedTokens.add(j);
  }
  for (const m of chosen) {
    const phrase = tokens.slice(m.startToken, m.endToken).join(' ');
    if (lexicon.contextRequired.has(phrase) && !hasEntityCue(lexicon, tokens, m.startToken, m.endToken, matchedTokens, phrase)) {
      continue;
    }
    accepted.push(m);
  }
  return accepted;
}

/**
 * "Inter-Milan" is a fixture even though "Inter Milan" is also Inter's name: a phrase joined by
 * a hyphen whose halves are both teams is read as two teams.
 */
function splitsIntoFixture(
  lexicon: NluLexicon,
  tokens: readonly string[],
  first: number,
  last: number,
  hyphenAfter: readonly boolean[],
): boolean {
  for (let cut = first; cut < last; cut++) {
    if (!hyphenAfter[cut]) continue;
    const left = lexicon.phrases.get(tokens.slice(first, cut + 1).join(' '));
    const right = lexicon.phrases.get(tokens.slice(cut + 1, last + 1).join(' '));
    if (left?.kind === 'team' && right?.kind === 'team' && left.names[0] !== right.names[0]) return true;
  }
  return false;
}

function hasEntityCue(
  lexicon: NluLexicon,
  tokens: readonly string[],
  start: number,
  end: number,
  matchedTokens: ReadonlySet<number>,
  phrase: string,
): boolean {
  const strict = STRICT_PHRASES.has(phrase);
  let b = start - 1;
  while (b >= 0 && ARTICLES.has(tokens[b])) b--;
  const before = b >= 0 ? tokens[b] : '';
  const after = tokens[end] ?? '';
  if ((strict ? STRICT_BEFORE : CUE_BEFORE).has(before)) return true;
  // Spanish names clubs with "el" ("el Athletic", "el Nice"); the English "the" is too common to count.
  if (!strict && tokens[start - 1] === 'el') return true;
  if ((strict ? STRICT_AFTER : CUE_AFTER).has(after)) return true;
  if (strict) return false;
  if (b >= 0 && matchedTokens.has(b)) return true;
  if (matchedTokens.has(end)) return true;
  return false;
}

/** Unique names in order of first mention. */
export function namesOf(matches: readonly EntityMatch[], kinds: readonly LexiconEntryKind[]): string[] {
  const out: string[] = [];
  for (const m of matches) {
    if (!kinds.includes(m.kind)) continue;
    for (const n of m.names) if (!out.includes(n)) out.push(n);
  }
  return out;
}

const PICK_BEFORE = new Set(['on', 'al', 'por', 'back', 'backing', 'backed', 'gana', 'ganan', 'ganara', 'ganase', 'ganaria', 'pick', 'elijo', 'choose']);
const PICK_BEFORE_BET_ONLY = new Set(['a']);
const PICK_AFTER = new Set(['win', 'wins', 'winning', 'won', 'victory', 'gana', 'ganan', 'ganando', 'beat', 'beats', 'to']);
const VICTORY_WORDS = new Set(['victoria', 'triunfo', 'win', 'victory']);
const VERSUS = new Set(['vs', 'v', 'versus', 'contra', 'against', 'x', 'vrs', 'plays', 'face', 'faces', 'y', 'and']);

/**
 * The team the user wants to back: "€50 on Chelsea", "si gana el Madrid", "Arsenal to win",
 * "victoria del Betis". Prepositions alone only count when the text is about betting.
 */
export function findPick(
  matches: readonly EntityMatch[],
  tokens: readonly string[],
  bettingContext: boolean,
): string | undefined {
  for (const m of matches) {
    if (m.kind !== 'team') continue;
    let b = m.startToken - 1;
    while (b >= 0 && ARTICLES.has(tokens[b])) b--;
    const before = b >= 0 ? tokens[b] : '';
    const beforePrev = b >= 1 ? tokens[b - 1] : '';
    const after = tokens[m.endToken] ?? '';
    const afterNext = tokens[m.endToken + 1] ?? '';
    if (PICK_BEFORE.has(before) && (bettingContext || !['on', 'al', 'por', 'pick', 'choose'].includes(before))) {
      return m.names[0];
    }
    if (PICK_BEFORE_BET_ONLY.has(before) && bettingContext && before !== beforePrev) {
      return m.names[0];
    }
    if (before === 'del' || before === 'de' || before === 'of') {
      if (VICTORY_WORDS.has(beforePrev)) return m.names[0];
    }
    if (PICK_AFTER.has(after)) {
      if (after !== 'to' || ['win', 'beat', 'score', 'lift'].includes(afterNext)) return m.names[0];
    }
  }
  return undefined;
}

/**
 * The first pair of team mentions written as a fixture ("Barça vs Madrid", "Betis - Sevilla"):
 * [home, away] in the order given, which is how fixtures are conventionally written.
 */
export function findFixturePair(
  matches: readonly EntityMatch[],
  tokenList: readonly Token[],
  normalized: string,
): [string, string] | undefined {
  const teams = matches.filter((m) => m.kind === 'team');
  for (let i = 0; i + 1 < teams.length; i++) {
    const [a, b] = [teams[i], teams[i + 1]];
    const gap = b.startToken - a.endToken;
    let linked = false;
    if (gap === 0) {
      const between = normalized.slice(tokenList[a.endToken - 1].end, tokenList[b.startToken].start);
      linked = /^\s*[-:/]?\s*$/.test(between);
    } else if (gap === 1) {
      linked = VERSUS.has(tokenList[a.endToken].key);
    }
    if (linked && a.names[0] !== b.names[0]) return [a.names[0], b.names[0]];
  }
  return undefined;
}
