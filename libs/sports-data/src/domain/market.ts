/**
 * `1x2` is the three-way result (for basketball: regulation time only); `moneyline` is the two-way
 * winner, overtime included, which is how basketball is mainly bet.
 */
export type MarketCode = '1x2' | 'moneyline' | 'over_under' | 'btts' | 'double_chance' | 'handicap' | 'draw_no_bet';

export const MARKET_CODES: readonly MarketCode[] = [
  '1x2',
  'moneyline',
  'over_under',
  'btts',
  'double_chance',
  'handicap',
  'draw_no_bet',
];

/** The market that says who wins: the two-way moneyline where offered, else the three-way result. */
export function winnerMarketOf<T extends { market: MarketCode }>(markets: readonly T[]): T | undefined {
  return markets.find((m) => m.market === 'moneyline') ?? markets.find((m) => m.market === '1x2');
}

export function isMarketCode(value: unknown): value is MarketCode {
  return typeof value === 'string' && (MARKET_CODES as readonly string[]).includes(value);
}

export type SelectionKey =
  | 'home'
  | 'draw'
  | 'away'
  | 'over'
  | 'under'
  | 'yes'
  | 'no'
  | 'home_or_draw'
  | 'away_or_draw'
  | 'home_or_away';

export interface MarketSelection {
  key: SelectionKey;
  /** Display name: a team name, "Draw", "Over 2.5", "Barcelona -0.5"... */
  name: string;
  /** Decimal odds rounded to 2 decimal places. */
  odds: number;
  /** Identifier to place a bet on this selection; stable for the fixture, market, line and selection. */
  betId: string;
}

export interface MarketOdds {
  fixtureId: string;
  market: MarketCode;
  /**
   * Goal/point line for `over_under`, and the home side's handicap for `handicap`
   * (e.g. -1.5 means the home team must win by two or more).
   */
  line?: number;
  selections: MarketSelection[];
  /** ISO-8601 UTC instant at which these prices were set. */
  updatedAt: string;
}

export type FixtureOddsStatus = 'active' | 'inactive';

export interface FixtureOdds {
  fixtureId: string;
  /** `inactive` once betting is closed (finished fixtures); markets are then empty. */
  status: FixtureOddsStatus;
  markets: MarketOdds[];
  updatedAt: string;
}

/**
 * How many outcomes a market's selections cover at once: each double-chance selection covers two of
 * the three 1x2 outcomes, so its fair implied probabilities add up to 2 rather than 1.
 */
export function marketCoverage(market: MarketCode): number {
  return market === 'double_chance' ? 2 : 1;
}

/**
 * Bookmaker overround of a market, comparable across markets: 0.05 means a 5% margin.
 * Double chance is normalised by its coverage so that it reads like the other markets.
 */
export function marketOverround(market: MarketOdds): number {
  const implied = market.selections.reduce((sum, s) => sum + 1 / s.odds, 0);
  return implied / marketCoverage(market.market) - 1;
}
