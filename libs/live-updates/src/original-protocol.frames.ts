import type { FixtureStatus } from '@app/sports-data';
import type { OddsChangeUpdate, SportsUpdate } from './sports-update.types.js';
import { parseTopic } from './topics.js';

/**
 * The frames of the original ChatBet sports-updates protocol, sent on `/ws/sports-updates` next to
 * ours so that its clients work unchanged (../shared/CHATBET_WS_PROTOCOL.md).
 */

/** What the original calls its kinds of update; ours map onto the first three. */
export type OriginalUpdateType = 'odds_change' | 'match_start' | 'match_end' | 'goal_scored' | 'half_time' | 'full_time';

/** The original `sports_update` fields, added to our `sports_update` message (whose `data` is our update). */
export interface OriginalSportsUpdateFields {
  update_type: OriginalUpdateType;
  match_id: string;
  tournament_id: string | null;
  priority: 'high' | 'medium';
  timestamp: string;
}

export interface OddsUpdateFrame {
  type: 'odds_update';
  match_id: string;
  market_type: string;
  /** The selection whose price moved: one `odds_update` per selection. */
  selection: string;
  old_odds: number;
  new_odds: number;
  change_percentage: number;
  movement_direction: 'up' | 'down' | 'stable';
  timestamp: string;
}

/**
 * The original protocol tells clients things that are not errors in `error`-typed frames:
 * `INFO` on connect, `SUBSCRIPTION_UPDATED` after a `subscribe`.
 */
export interface OriginalNoticeFrame {
  type: 'error';
  error_code: 'INFO' | 'SUBSCRIPTION_UPDATED';
  error_message: string;
  content: string;
  details: { competitions: string[] };
  timestamp: string;
}

const UPDATE_TYPE_OF_STATUS: Record<FixtureStatus, OriginalUpdateType> = {
  pre_match: 'match_start',
  live: 'match_start',
  finished: 'match_end',
};

/** `tournament_id`: the update's topics name the fixture's tournament (see topicsOfFixture). */
export function originalUpdateFields(topics: readonly string[], update: SportsUpdate): OriginalSportsUpdateFields {
  const tournament = topics.map(parseTopic).find((topic) => topic?.kind === 'tournament');
  return {
    update_type: update.type === 'odds_change' ? 'odds_change' : UPDATE_TYPE_OF_STATUS[update.current],
    match_id: update.fixture_id,
    tournament_id: tournament?.id ?? null,
    priority: update.type === 'odds_change' ? 'medium' : 'high',
    timestamp: update.at,
  };
}

export function oddsUpdateFrame(update: OddsChangeUpdate): OddsUpdateFrame {
  const change = update.current - update.previous;
  return {
    type: 'odds_update',
    match_id: update.fixture_id,
    market_type: update.market,
    selection: update.selection,
    old_odds: update.previous,
    new_odds: update.current,
    change_percentage: update.previous === 0 ? 0 : Math.round((change / update.previous) * 10_000) / 100,
    movement_direction: change > 0 ? 'up' : change < 0 ? 'down' : 'stable',
    timestamp: update.at,
  };
}

/** `competitions` are the ids of the tournaments followed. */
export function originalNotice(code: OriginalNoticeFrame['error_code'], competitions: readonly string[]): OriginalNoticeFrame {
  const message =
    code === 'INFO'
      ? `Connected to sports updates. Following ${competitions.length} competitions.`
      : `Subscription updated. Following ${competitions.length} competitions.`;
  return { type: 'error', error_code: code, error_message: message, content: message, details: { competitions: [...competitions] }, timestamp: new Date().toISOString() };
}
