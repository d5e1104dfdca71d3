import type { FixtureStatus, MarketCode, SelectionKey, SportsDataProviderName } from '@app/sports-data';

/** One selection of a bet slip as the client names it. */
export interface SlipSelection {
  matchId: string;
  market: MarketCode;
  selection: SelectionKey;
  /** Goal/point line for over_under and handicap; the main line when omitted. */
  line?: number;
  /** The price the user saw (placement only). */
  acceptedOdds?: number;
}

/** What the user wants to stake on, before prices are read. */
export interface BetSlip {
  stake: number;
  /** ISO 4217. */
  currency: string;
  selections: SlipSelection[];
}

export interface LegFixture {
  id: string;
  sportId: string;
  tournament: { id: string; name: string };
  home: string;
  away: string;
  /** ISO-8601 UTC kick-off. */
  startTime: string;
  status: FixtureStatus;
}

/** A selection with the price read from the market now. */
export interface PricedLeg {
  matchId: string;
  market: MarketCode;
  line?: number;
  selection: SelectionKey;
  /** Display name of the selection: a team, "Draw", "Over 2.5"… */
  name: string;
  odds: number;
  /** The bookmaker's id of the selection (what the upstream places on). */
  betId: string;
  impliedProbability: number;
  fixture: LegFixture;
}

/** A selection that no longer counts: its fixture is finished or not open for betting. */
export interface VoidLeg {
  matchId: string;
  /** "Home vs Away". */
  match: string;
  market: MarketCode;
  selection: SelectionKey;
  reason: 'finished' | 'betting_closed';
}

export type BetType = 'single' | 'accumulator';

/** The price of a slip at the current odds. */
export interface BetQuote {
  type: BetType;
  stake: number;
  currency: string;
  legs: PricedLeg[];
  voidLegs: VoidLeg[];
  /** Product of the legs' odds, 2 dp. */
  combinedOdds: number;
  /** Stake included. */
  potentialReturn: number;
  profit: number;
  impliedProbability: number;
  source: SportsDataProviderName;
  /** True when any price came from the last good copy while the source was down. */
  stale: boolean;
  pricedAt: string;
}

export type BetProvider = 'embedded' | 'chatbet';

/** A placed bet as stored. */
export interface BetRecord {
  id: string;
  userId: string;
  status: 'accepted';
  type: BetType;
  stake: number;
  currency: string;
  combinedOdds: number;
  potentialReturn: number;
  legs: PricedLeg[];
  placedAt: string;
  /** The account balance right after the stake was taken, when known. */
  balanceAfter?: number;
  provider: BetProvider;
  /** The bookmaker's own id of the bet (ChatBet mode). */
  providerBetId?: string;
  /** The ledger entry of the stake (embedded mode). */
  ledgerEntryId?: string;
  /** Where the request came from. */
  origin: 'api' | 'chat_proposal';
  proposalId?: string;
}
