import type { FixtureStatus, MarketCode, Score, SelectionKey } from '@app/sports-data';

/** One selection's price moved between two polls. */
export interface OddsChangeUpdate {
  type: 'odds_change';
  fixture_id: string;
  market: MarketCode;
  /** The market's line (over/under total, home handicap) when it has one. */
  line?: number;
  selection: SelectionKey;
  /** Display name: a team, "Draw", "Over 2.5"... */
  selection_name: string;
  previous: number;
  current: number;
  /** When the change was seen (ISO-8601, UTC). */
  at: string;
}

/** A fixture went live or ended. */
export interface StatusChangeUpdate {
  type: 'status_change';
  fixture_id: string;
  previous: FixtureStatus;
  current: FixtureStatus;
  at: string;
  /** Running score when live, final score when finished, when the source gives one. */
  score?: Score;
}

export type SportsUpdate = OddsChangeUpdate | StatusChangeUpdate;

export interface NamedRef {
  id: string;
  name: string;
}

/** A subscriber's whole subscription, as sent back after every subscribe or unsubscribe. */
export interface SubscriptionView {
  fixture_ids: string[];
  teams: NamedRef[];
  tournaments: NamedRef[];
}

/** What a client is told when a request fails; the socket stays open and usable. */
export interface UpdatesErrorPayload {
  error_code: string;
  content: string;
  /** Close matches of an unknown team or tournament name. */
  suggestions?: string[];
}
