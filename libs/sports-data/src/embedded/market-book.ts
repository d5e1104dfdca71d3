import { applyMargin } from '@app/betting';
import { marketCoverage, type MarketCode, type MarketOdds, type SelectionKey } from '../domain/market.js';
import { numericId, seededRandom } from '../random.js';

export interface BookOutcome {
  key: SelectionKey;
  name: string;
  /** Model probability of the selection winning (double-chance selections add up to 2). */
  probability: number;
}

/** A market as the model sees it: fair probabilities, before margin and rounding. */
export interface MarketBook {
  market: MarketCode;
  line?: number;
  outcomes: BookOutcome[];
}

/** The margin range the embedded bookmaker works with; rounding to 2 dp can move it by a few tenths. */
export const MIN_MARGIN = 0.05;
export const MAX_MARGIN = 0.06;

// No selection is priced as more likely than this: the model's extremes (a late live lead, a
// heavy favourite's double chance) would otherwise need odds at or below 1.01, where rounding eats
// the margin. Shading favourites like this is what bookmakers do anyway.
const MAX_SELECTION_PROBABILITY = 0.92;
// Nor less likely than this, so that no price runs off to absurd lengths.
const MIN_SELECTION_PROBABILITY = 0.004;
const MIN_ODDS = 1.01;

/** Each market of each fixture keeps its own margin, drawn once within [MIN_MARGIN, MAX_MARGIN]. */
export function marginFor(fixtureId: string, market: MarketCode, line?: number): number {
  const random = seededRandom('margin', fixtureId, market, line ?? '-');
  return MIN_MARGIN + random() * (MAX_MARGIN - MIN_MARGIN);
}

export function betIdFor(fixtureId: string, market: MarketCode, line: number | undefined, key: SelectionKey): string {
  return numericId('bet', fixtureId, market, line ?? '-', key);
}

/** Turns a model book into quoted odds: margin applied, favourites shaded, 2 dp. */
export function priceBook(book: MarketBook, fixtureId: string, updatedAt: string): MarketOdds {
  const coverage = marketCoverage(book.market);
  const shares = shade(book.outcomes.map((outcome) => outcome.probability / coverage), coverage);
  // applyMargin works on outcomes that sum to 1; a double-chance selection covers two of them, so
  // its price is that of its share divided by the coverage.
  const odds = applyMargin(shares, marginFor(fixtureId, book.market, book.line)).map((price) => price / coverage);
  return {
    fixtureId,
    market: book.market,
    ...(book.line === undefined ? {} : { line: book.line }),
    selections: book.outcomes.map((outcome, index) => ({
      key: outcome.key,
      name: outcome.name,
      odds: Math.max(MIN_ODDS, Math.round((odds[index] ?? MIN_ODDS) * 100) / 100),
      betId: betIdFor(fixtureId, book.market, book.line, outcome.key),
    })),
    updatedAt,
  };
}

/**
 * Keeps every selection's probability inside [MIN, MAX] by blending the shares with an even split,
 * which preserves their order and their total of 1.
 */
function shade(shares: number[], coverage: number): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  let result = shares.map((share) => share / total);
  const even = 1 / result.length;
  const ceiling = MAX_SELECTION_PROBABILITY / coverage;
  const floor = MIN_SELECTION_PROBABILITY / coverage;
  const highest = Math.max(...result);
  const lowest = Math.min(...result);
  let blend = 0;
  if (highest > ceiling) blend = Math.max(blend, (highest - ceiling) / (highest - even));
  if (lowest < floor) blend = Math.max(blend, (floor - lowest) / (even - lowest));
  if (blend > 0) result = result.map((share) => (1 - blend) * share + blend * even);
  return result;
}
