import type { EntityMatch } from './entity-extractor.js';
import type { LegEntity } from './nlu.types.js';
import type { Token } from './text-normalizer.js';

/**
 * Reads the legs of an accumulator: "Barcelona to beat Real Madrid and Arsenal to beat Chelsea",
 * "gana el Madrid y gana el PSG", "a double: Barcelona and Liverpool to win", "over 2.5 in
 * Inter-Milan and Bayern to win". The message is cut into clauses at conjunctions and list
 * punctuation; each clause naming a team is one leg, its first team the side backed and its second
 * (if any) the opponent.
 */

export const ACCA_RE =
  /\b(?:\d+\s*-?\s*folds?|fourfold|fivefold|sixfold|combined\s+odds|both\s+(?:to\s+)?win|all\s+(?:three\s+|four\s+)?to\s+win|accas?|accumulators?|parlays?|parleys?|doubles?(?!\s+chance)|trebles?|trixie|yankee|multiples?|combos?|combis?|combinad[ao]s?|doble(?!\s+oportunidad)|triples?|multiples?)\b/;
const CONJUNCTIONS = new Set(['and', 'y', 'e', 'plus', 'also', 'tambien', 'then', 'luego']);
const CLAUSE_PUNCTUATION = /[,;+&\n]/;
// Words that say a leg backs something, so two legs read as a bet even without a stake.
const PICK_CUE = /\b(?:win|wins|to\s+win|beat|beats|victory|gana|ganan|gane|ganen|ganar|victoria|lose|loses|pierde|pierden|draw|empate|empatan|level|square|over|under|mas\s+de|menos\s+de|btts|ambos\s+marcan|marquen|score)\b/;
const LOSE_RE = /\b(?:lose|loses|losing|to\s+lose|pierde|pierden|pierda|perder|derrota\s+del?)\b/;
const DRAW_RE = /\b(?:draw|draws|drawn|tie|tied|empate|empatan|empaten|empatados?|tablas)\b|\b(?:ends?|finish(?:es)?|end\s+up)\s+(?:level|all\s+square|even)\b|\ball\s+square\b/;
const TOTAL_RE = /\b(over|under|mas\s+de|menos\s+de)\s*(\d+(?:[.,]\d+)?)/;
const BTTS_RE = /\b(?:btts|both\s+(?:teams?|sides)\s+(?:to\s+)?score|both\s+score|ambos\s+(?:equipos\s+)?marca[nr]|marca[nr]\s+ambos|marque[n]?\s+(?:los\s+)?(?:dos|ambos)|marcan\s+los\s+dos)\b/;

interface Clause {
  names: string[];
  text: string;
}

export interface LegInput {
  matches: readonly EntityMatch[];
  tokens: readonly Token[];
  corrected: readonly string[];
  normalized: string;
  /** True when the message names a stake. */
  hasAmount: boolean;
}

export function extractLegs({ matches, tokens, corrected, normalized, hasAmount }: LegInput): LegEntity[] | undefined {
  const clauses = splitClauses(matches, tokens, corrected, normalized);
  const legs: LegEntity[] = [];
  // Legs whose clause said what it backs ("Barcelona to win"), as opposed to only naming the match.
  const stated = new Set<LegEntity>();
  let cues = 0;
  for (const clause of clauses) {
    const cued = PICK_CUE.test(clause.text);
    if (cued) cues++;
    const leg = legOf(clause);
    if (!leg) continue;
    // A clause about a team already in a leg ("Barça vs Madrid, €20 on Barça") refines that leg,
    // unless both say what they back ("Barcelona to win and over 2.5 in Barça–Madrid"): two legs of
    // one match, which the pricing then explains it cannot combine.
    const previous = legs.find((l) => [l.team, l.opponent].some((t) => t === leg.team || (leg.opponent !== undefined && t === leg.opponent)));
    const twoPicks = previous !== undefined && cued && stated.has(previous) && (leg.selection !== previous.selection || leg.team !== previous.team);
    if (previous && !twoPicks) {
      if (previous.selection === 'win' && leg.selection !== 'win') Object.assign(previous, { selection: leg.selection, line: leg.line });
      continue;
    }
    if (cued) stated.add(leg);
    legs.push(leg);
  }
  if (legs.length < 2) return undefined;
  const isBet = ACCA_RE.test(normalized) || hasAmount || cues >= 2;
  return isBet ? legs : undefined;
}

function splitClauses(matches: readonly EntityMatch[], tokens: readonly Token[], corrected: readonly string[], normalized: string): Clause[] {
  const inEntity = new Array<boolean>(tokens.length).fill(false);
  for (const m of matches) for (let k = m.startToken; k < m.endToken; k++) inEntity[k] = true;
  const cuts: number[] = [0];
  for (let i = 1; i < tokens.length; i++) {
    const gap = normalized.slice(tokens[i - 1].end, tokens[i].start);
    // "2,5" is a number, not a list.
    const decimal = /^\d+$/.test(tokens[i - 1].text) && /^\d+$/.test(tokens[i].text) && /^[,.]$/.test(gap);
    if ((CLAUSE_PUNCTUATION.test(gap) && !decimal) || (!inEntity[i] && CONJUNCTIONS.has(corrected[i]))) cuts.push(i);
  }
  cuts.push(tokens.length);
  const clauses: Clause[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const [from, to] = [cuts[c], cuts[c + 1]];
    if (from >= to) continue;
    const names = matches
      .filter((m) => (m.kind === 'team' || m.kind === 'derby') && m.startToken >= from && m.endToken <= to)
      .flatMap((m) => m.names);
    clauses.push({ names: [...new Set(names)], text: normalized.slice(tokens[from].start, tokens[to - 1].end) });
  }
  return clauses;
}

function legOf({ names, text }: Clause): LegEntity | undefined {
  const [team, opponent] = names;
  if (team === undefined) return undefined;
  const leg: LegEntity = { team, selection: 'win' };
  if (opponent !== undefined) leg.opponent = opponent;
  const total = TOTAL_RE.exec(text);
  if (total) {
    leg.selection = total[1] === 'over' || total[1].startsWith('mas') ? 'over' : 'under';
    leg.line = Number(total[2].replace(',', '.'));
  } else if (BTTS_RE.test(text)) {
    leg.selection = /\bno\b/.test(text) ? 'no' : 'yes';
  } else if (DRAW_RE.test(text)) {
    leg.selection = 'draw';
  } else if (LOSE_RE.test(text)) {
    leg.selection = 'lose';
  }
  return leg;
}
