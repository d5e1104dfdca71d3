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
const CUE_BEFORE = new Set(['vs', 'v', 'versus', 'against', 'contra', 'does', 'do', 'did', 'for', 'on', 'al', 'del', 'el', 'beat', 'beats', 'play', 'plays', 'juega', 'juegan', 'face', 'faces', 'odds', 'cuotas', 'momios', 'paga']);
const CUE_AFTER = new Set(['vs', 'v', 'versus', 'against', 'contra', 'play', 'plays', 'playing', 'juega', 'juegan', 'game', 'games', 'match', 'partido', 'fc', 'cf', 'win', 'gana', 'odds', 'next']);
// Cues strong enough to read a lower-case word as a name ("cuando juega boca juniors").
const LOWER_CUE_BEFORE = new Set(['vs', 'v', 'versus', 'against', 'contra', 'does', 'beat', 'beats', 'juega', 'juegan', 'face', 'faces', 'paga', 'pagan', 'partido', 'partidos']);
const LOWER_CUE_AFTER = new Set(['vs', 'v', 'versus', 'against', 'contra', 'play', 'plays', 'playing', 'juega', 'juegan']);
// "springfield atoms next match?": a name that opens the message.
const OPENING_CUE_AFTER = new Set(['next', 'game', 'games', 'match', 'odds', 'fixtures']);
// Words skipped between a cue and the name it introduces ("cuotas del Deportivo Narnia").
const LEAD_WORDS = new Set(['el', 'la', 'los', 'las', 'the', 'del', 'de', 'al', 'a']);
// Club words that can join a lower-case name; articles and prepositions only join a capitalised one.
const LINKING = new Set(['de', 'del', 'la']);
const MIN_UNKNOWN_LENGTH = 4;
const MIN_SINGLE_LENGTH = 5;

export interface UnknownTeamInput {
  original: string;
  /** The normalised text the tokens' offsets refer to. */
  normalized: string;
  tokens: readonly Token[];
  corrected: readonly string[];
  matches: readonly EntityMatch[];
  /** Tokens already read as something else (amounts, players). */
  blocked: readonly boolean[];
  isKnown: (word: string) => boolean;
  isTeamWord: (word: string) => boolean;
  /** The sport of a recognised team mention, to tell "Inter Miami" from two real teams. */
  sportOf: (match: EntityMatch) => string | undefined;
}

export interface UnknownTeam {
  name: string;
  startToken: number;
  endToken: number;
}

export function findUnknownTeams(input: UnknownTeamInput): UnknownTeam[] {
  const { tokens, matches, blocked } = input;
  const located = locate(input.original, tokens);
  const cased = located.map((l) => l.capital && !l.code);
  const inEntity = new Array<boolean>(tokens.length).fill(false);
  for (const m of matches) for (let k = m.startToken; k < m.endToken; k++) inEntity[k] = true;

  const found: UnknownTeam[] = [...lowerCaseNames(input, inEntity, located), ...crossSportNames(input, located)];
  const taken = (start: number, end: number) => found.some((f) => start < f.endToken && f.startToken < end);
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
    if (taken(run.startToken, run.endToken)) continue;
    found.push({ ...run, name: input.original.slice(located[run.startToken].start, located[run.endToken - 1].end) });
  }
  return found.sort((a, b) => a.startToken - b.startToken);
}

/**
 * Two team names of different sports run together with nothing between them ("Inter Miami":
 * Inter, and the Miami Heat) are one name that neither of them is.
 */
function crossSportNames(input: UnknownTeamInput, located: readonly { start: number; end: number }[]): UnknownTeam[] {
  const teams = input.matches.filter((m) => m.kind === 'team');
  const names: UnknownTeam[] = [];
  for (let i = 0; i + 1 < teams.length; i++) {
    const [a, b] = [teams[i], teams[i + 1]];
    // A hyphen between them pairs two teams ("Baskonia-Olympiacos"); only a space runs them into one name.
    const gap = input.normalized.slice(input.tokens[a.endToken - 1].end, input.tokens[b.startToken].start);
    const touching = b.startToken === a.endToken && /^\s?$/.test(gap);
    if (!touching || input.sportOf(a) === input.sportOf(b)) continue;
    names.push({ startToken: a.startToken, endToken: b.endToken, name: input.original.slice(located[a.startToken].start, located[b.endToken - 1].end) });
  }
  return names;
}

/**
 * Names typed in lower case ("cuando juega boca juniors", "springfield atoms next match?") are
 * read next to a cue only: the words after a cue such as "juega" or "cuotas del", or before one
 * such as "next match" or "vs", while they are club words or words the vocabulary does not know.
 */
function lowerCaseNames(input: UnknownTeamInput, inEntity: readonly boolean[], located: readonly { start: number; end: number; code: boolean }[]): UnknownTeam[] {
  const { tokens, blocked } = input;
  const joinable = (k: number) =>
    !blocked[k] &&
    !located[k].code &&
    !LEAD_WORDS.has(tokens[k].key) &&
    !LINKING.has(tokens[k].key) &&
    (CLUB_WORDS.has(tokens[k].key) || input.isTeamWord(input.corrected[k]) || (!input.isKnown(tokens[k].key) && tokens[k].key.length >= 3));
  const strange = (k: number) => !inEntity[k] && !input.isKnown(tokens[k].key) && tokens[k].key.length >= MIN_UNKNOWN_LENGTH;
  const runs: UnknownTeam[] = [];
  const consider = (startToken: number, endToken: number, single = false) => {
    if (endToken <= startToken) return;
    const run = { startToken, endToken };
    if (!range(run).some(strange)) return;
    // One lower-case word is too often an ordinary word ("fixed", "ganando") to call it a team,
    // unless it stands right where a team goes in a message naming no team ("wrexham next match?",
    // "celtic v rangers", "próximo partido del flamengo") and is long enough not to be a stray word.
    if (endToken - startToken < 2 && !(single && input.matches.every((m) => m.kind === 'tournament') && tokens[startToken].key.length >= MIN_SINGLE_LENGTH)) return;
    if (runs.some((r) => startToken < r.endToken && r.startToken < endToken)) return;
    runs.push({ ...run, name: input.original.slice(located[startToken].start, located[endToken - 1].end) });
  };
  tokens.forEach((token, c) => {
    if (LOWER_CUE_BEFORE.has(token.key)) {
      let k = c + 1;
      while (k < tokens.length && LEAD_WORDS.has(tokens[k].key)) k++;
      let end = k;
      while (end < tokens.length && joinable(end)) end++;
      consider(k, end, true);
    }
    if (LOWER_CUE_AFTER.has(token.key) || OPENING_CUE_AFTER.has(token.key)) {
      let start = c;
      while (start > 0 && joinable(start - 1)) start--;
      if (LOWER_CUE_AFTER.has(token.key) || start === 0) consider(start, c, true);
    }
  });
  // A club word with a word nobody knows ("cuotas del deportivo narnia", "club america") is a name wherever it stands.
  for (let k = 0; k < tokens.length; k++) {
    if (!CLUB_WORDS.has(tokens[k].key) || LINKING.has(tokens[k].key) || !joinable(k)) continue;
    let start = k;
    while (start > 0 && joinable(start - 1)) start--;
    let end = k + 1;
    while (end < tokens.length && joinable(end)) end++;
    consider(start, end);
    k = end;
  }
  return runs;
}

function nameWord(input: UnknownTeamInput, k: number): boolean {
  const key = input.tokens[k].key;
  return !input.isKnown(key) || CLUB_WORDS.has(key) || input.isTeamWord(input.corrected[k]);
}

/** Two tokens belong to one name when only a space, a hyphen, a dot or an apostrophe separates them. */
function joined({ tokens, normalized }: UnknownTeamInput, k: number): boolean {
  return /^[\s'.-]{1,2}$/.test(normalized.slice(tokens[k - 1].end, tokens[k].start)) && !/\s-|-\s/.test(normalized.slice(tokens[k - 1].end, tokens[k].start));
}

function hasCue({ tokens }: UnknownTeamInput, run: { startToken: number; endToken: number }): boolean {
  const before = tokens[run.startToken - 1]?.key;
  const after = tokens[run.endToken]?.key;
  return (before !== undefined && CUE_BEFORE.has(before)) || (after !== undefined && CUE_AFTER.has(after));
}

function range({ startToken, endToken }: { startToken: number; endToken: number }): number[] {
  return Array.from({ length: endToken - startToken }, (_, k) => startToken + k);
}

const CODE_NEIGHBOURS = /[_"{}:<>=\/\\]/;

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
function locate(original: string, tokens: readonly Token[]): { start: number; end: number; capital: boolean; code: boolean }[] {
  const { folded, at } = fold(original);
  const lower = folded.toLowerCase();
  let from = 0;
  return tokens.map((t) => {
    const word = t.text.replace(/'.*$/, '');
    const found = lower.indexOf(word, from);
    if (found < 0) return { start: 0, end: 0, capital: false, code: false };
    from = found + word.length;
    const first = folded[found] ?? '';
    // Words glued to underscores, quotes or braces are code or data ("ODDS_QUERY", "{\"team\":…"), not names.
    const code = CODE_NEIGHBOURS.test(folded[found - 1] ?? '') || CODE_NEIGHBOURS.test(folded[found + word.length] ?? '');
    return { start: at[found] ?? 0, end: (at[found + word.length - 1] ?? 0) + 1, capital: first !== first.toLowerCase(), code };
  });
}
