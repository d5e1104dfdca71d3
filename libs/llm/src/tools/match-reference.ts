import { z } from 'zod';
import { BASKETBALL_SPORT_ID, type MarketCode } from '@app/sports-data';
import { dateWindow } from './date-range.js';
import type { MatchReference } from './match-finder.js';

/**
 * The arguments every single-match tool takes to name its match: an id, or teams (one team alone
 * means its next match), optionally limited to a date window ("Chelsea on Saturday").
 */
export const matchReferenceShape = {
  match_id: z.string().max(40).optional().describe('Id from search_fixtures; preferred.'),
  team_a: z.string().max(80).optional().describe('A team of the match; alone: its next match.'),
  team_b: z.string().max(80).optional(),
  date_from: z
    .string()
    .max(40)
    .optional()
    .describe('Only a match on/after this day (YYYY-MM-DD), e.g. "on Saturday".'),
  date_to: z.string().max(40).optional().describe('Only a match on/before this day.'),
};

export interface MatchReferenceArgs {
  match_id?: string;
  team_a?: string;
  team_b?: string;
  date_from?: string;
  date_to?: string;
}

const DEFAULT_DAYS = 14;
const MAX_DAYS = 31;

export function matchReferenceOf(args: MatchReferenceArgs, timeZone: string): MatchReference {
  const ref: MatchReference = { matchId: args.match_id, teamA: args.team_a, teamB: args.team_b };
  if (!args.match_id && (args.date_from || args.date_to)) {
    const range = dateWindow(args.date_from, args.date_to, { timeZone, defaultFrom: new Date(), defaultDays: DEFAULT_DAYS, maxDays: MAX_DAYS });
    ref.window = { from: range.from, to: range.to };
  }
  return ref;
}

/**
 * The market a request means on this sport: basketball has no draw, so "the result" (or draw no
 * bet) of a basketball game is its moneyline.
 */
export function marketForSport(market: MarketCode | undefined, sportId: string): MarketCode | undefined {
  if (sportId === BASKETBALL_SPORT_ID && (market === '1x2' || market === 'draw_no_bet')) return 'moneyline';
  return market;
}
