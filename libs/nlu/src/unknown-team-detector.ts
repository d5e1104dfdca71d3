import type { EntityMatch } from './entity-extractor.js';
import type { Token } from './text-normalizer.js';

/**
 * Finds team-like names that match no known team: "When does Real Springfield FC play next?",
 * "odds for Atlético Patitos". A name is a run of capitalised words holding at least one word the
 * vocabulary does not know and that is not part of a recognised entity. Such a run wins over a
 * known team it merely contains ("Atlético" in "Atlético Patitos"), so the assistant says it does
 * not know the team instead of answering about another one.
 */

// Words clubs put around their names; they join a run without making it a name on their own.
const CLUB_WORDS = new Set([
  'real', 'atletico', 'athletic', 'club', 'fc', 'cf', 'afc', 'ac', 'as', 'sc', 'cd', 'ud', 'sd', 'deportivo', 'sporting',
  'united', 'city', 'racing', 'union', 'inter', 'olympique', 'dynamo', 'dinamo', 'rovers', 'wanderers', 'town', 'county',
  'calcio', 'bc', 'basket', 'atoms', 'stars', 'de', 'del', 'la',
]);
// Words before or after a single unknown word that put it where a team name goes.
const CUE_BEFORE = new Set(['vs', 'v', 'versus', 'against', 'contra', 'does', 'do', 'did', 'for', 'on', 'al', 'del', 'el', 'beat', 'beats', 'play', 'plays', 'juega', 'juegan', 'face', 'faces']);
const CUE_AFTER = new Set(['vs', 'v', 'versus', 'against', 'contra', 'play', 'plays', 'playing', 'juega', 'juegan', 'game', 'match', 'partido', 'fc', 'cf', 'win', 'gana', 'odds']);

export interface UnknownTeamInput {
  original: string;
  tokens: readonly Token[];
  corrected: readonly string[];
  matches: readonly EntityMatch[];
  /** Tokens already read as something else (amounts, players). */
  blocked: readonly boolean[];
  isKnown: (word: string) => boolean;
  isTeamWord: (word: string) => boolean;
}

export interface UnknownTeam {
  name: string;
  startToken: number;
  endToken: number;
}

export function findUnknownTeams(input: UnknownTeamInput): UnknownTeam[] {
  const { tokens, matches, blocked } = input;
  const located = locate(input.original, tokens);
  const cased = located.map((l) => l.capital);
  const inEntity = new Array<boolean>(tokens.length).fill(false);
  for (const m of matches) for (let k = m.startToken; k < m.endToken; k++) inEntity[k] = true;

  const found: UnknownTeam[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!cased[i] || blocked[i] || !nameWord(input, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && cased[end] && !blocked[end] && nameWord(input, end) && joined(input, end)) end++;
    const run = { startToken: i, endToken: end };
    i = end;
    const strange = range(run).filter((k) => !inEntity[k] && !input.isKnown(tokens[k].key));
    if (strange.length === 0) continue;
    const clubby = range(run).some((k) => CLUB_WORDS.has(tokens[k].key) || inEntity[k]);
    const single = run.endToken - run.startToken === 1;
    if ((single || !clubby) && !hasCue(input, run)) continue;
    found.push({ ...run, name: input.original.slice(located[run.startToken].start, located[run.endToken - 1].end) });
  }
  return found;
}

function nameWord(input: UnknownTeamInput, k: number): boolean {
  const key = input.tokens[k].key;
  return !input.isKnown(key) || CLUB_WORDS.has(key) || input.isTeamWord(input.corrected[k]);
}

/** Two tokens belong to one name when only spaces, hyphens, dots or apostrophes separate them. */
function joined({ tokens }: UnknownTeamInput, k: number): boolean {
  return tokens[k].start - tokens[k - 1].end <= 2;
}

function hasCue({ tokens }: UnknownTeamInput, run: { startToken: number; endToken: number }): boolean {
  const before = tokens[run.startToken - 1]?.key;
  const after = tokens[run.endToken]?.key;
  return (before !== undefined && CUE_BEFORE.has(before)) || (after !== undefined && CUE_AFTER.has(after));
}

function range({ startToken, endToken }: { startToken: number; endToken: number }): number[] {
  return Array.from({ length: endToken - startToken }, (_, k) => startToken + k);
}

/** The original text without diacritics, with each character's index in the original. */
function fold(original: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const piece = original[i].normalize('NFKD').replace(/\p{M}+/gu, '');
    folded += piece;
    for (let k = 0; k < piece.length; k++) at.push(i);
  }
  return { folded, at };
}

/** Where each token stands in the original text: [start, end) and whether it is capitalised. */
function locate(original: string, tokens: readonly Token[]): { start: number; end: number; capital: boolean }[] {
  const { folded, at } = fold(original);
  const lower = folded.toLowerCase();
  let from = 0;
  return tokens.map((t) => {
    const word = t.text.replace(/'.*$/, '');
    const found = lower.indexOf(word, from);
    if (found < 0) return { start: 0, end: 0, capital: false };
    from = found + word.length;
    const first = folded[found] ?? '';
    return { start: at[found] ?? 0, end: (at[found + word.length - 1] ?? 0) + 1, capital: first !== first.toLowerCase() };
  });
}
