import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID, type FixtureQuery } from '@app/sports-data';
import { localDay } from '../shared/zoned-time.js';
import { clampInt, dateWindow } from './date-range.js';
import { byRelevance, interleave, playsIn } from './fixture-relevance.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { freshness, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';

export const SEARCH_FIXTURES = 'search_fixtures';

export interface SearchFixturesResult extends Freshness {
  filters: {
    team?: string;
    /** The first competition asked for. */
    tournament?: string;
    /** Every competition asked for, when there are several ("Premier League and Serie A"). */
    tournaments?: string[];
    sport?: 'football' | 'basketball';
    /** YYYY-MM-DD in the turn's time zone. */
    from: string;
    to: string;
    status: MatchSummary['status'] | 'upcoming_or_live';
    clampedToDays?: number;
  };
  timeZone: string;
  /** Matching fixtures in all. */
  total: number;
  /** How many were skipped (paging: "show me more"). */
  offset: number;
  count: number;
  /** Matching fixtures after this page. */
  remaining: number;
  /**
   * `time`: soonest first (finished: most recent first). `relevance`: a broad list whose page holds
   * the matches the user most likely means (their language's leagues, derbies), shown by kick-off.
   */
  order: 'time' | 'relevance';
  /** The user's teams that play in this page; their matches lead it. */
  favouriteTeams?: string[];
  matches: MatchSummary[];
}

const DEFAULT_DAYS = 14;
const MAX_DAYS = 31;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 25;
const MAX_TOURNAMENTS = 4;

const schema = z.object({
  team: z.string().max(80).optional().describe('Team name or nickname, e.g. "Barcelona", "Barça", "Man Utd", "Lakers".'),
  tournament: z
    .string()
    .max(80)
    .optional()
    .describe('Competition name, e.g. "La Liga", "Premier League", "Champions League", "NBA".'),
  tournaments: z
    .array(z.string().max(80))
    .max(MAX_TOURNAMENTS)
    .optional()
    .describe('Several competitions at once, e.g. ["Premier League", "Serie A"] for "Premier League and Serie A this weekend"; each gets its share of the list.'),
  date_from: z
    .string()
    .max(40)
    .optional()
    .describe("First day as YYYY-MM-DD in the user's time zone (or an ISO-8601 date-time). Defaults to now (14 days ago for finished)."),
  date_to: z.string().max(40).optional().describe('Last day, inclusive, as YYYY-MM-DD (or ISO-8601). Defaults to 14 days after date_from.'),
  status: z
    .enum(['pre_match', 'live', 'finished'])
    .optional()
    .describe('pre_match = not started, live = in play, finished = played (with final score). Omit for upcoming and live matches.'),
  sport: z.enum(['football', 'basketball']).optional().describe('Only this sport, e.g. for "basketball games tonight".'),
  limit: z.number().optional().describe('Maximum matches to return, 1-25 (default 10).'),
  offset: z.number().optional().describe('Matches to skip, for the next page of the same search ("show me more"): the previous offset + count.'),
});

const SPORT_IDS = { football: FOOTBALL_SPORT_ID, basketball: BASKETBALL_SPORT_ID } as const;

export function createSearchFixturesTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(SEARCH_FIXTURES, deps.logger, async (): Promise<SearchFixturesResult> => {
        const { timeZone, language, favouriteTeams = [] } = toolContextOf(config);
        const finished = args.status === 'finished';
        const now = Date.now();
        const range = dateWindow(args.date_from, args.date_to, {
          timeZone,
          defaultFrom: new Date(finished ? now - DEFAULT_DAYS * 24 * 3600 * 1000 : now),
          defaultDays: DEFAULT_DAYS,
          maxDays: MAX_DAYS,
        });
        // Finished matches are listed most recent first, so the range ends now unless asked otherwise.
        if (finished && !args.date_to && range.to.getTime() > now) range.to = new Date(now);
        const limit = clampInt(args.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        const offset = clampInt(args.offset, 0, 1000, 0);
        const query: FixtureQuery = { from: range.from, to: range.to };
        if (args.status) query.status = args.status;
        if (args.sport) query.sportId = SPORT_IDS[args.sport];
        const asked = [...new Set([...(args.tournament ? [args.tournament] : []), ...(args.tournaments ?? [])])].slice(0, MAX_TOURNAMENTS);
        const [team, ...resolved] = await Promise.all([
          args.team ? deps.sportsData.resolveTeam(args.team) : undefined,
          ...asked.map((name) => deps.sportsData.resolveTournament(name)),
        ]);
        const tournaments = [...new Map(resolved.filter((t) => t !== undefined).map((t) => [t.id, t])).values()];
        if (team) query.teamId = team.id;
        // Several competitions are read together and told apart below.
        if (tournaments.length === 1) query.tournamentId = tournaments[0].id;
        const fixtures = await deps.sportsData.getFixtures(query);
        const ids = new Set(tournaments.map((t) => t.id));
        const found = tournaments.length > 1 ? fixtures.data.filter((f) => ids.has(f.tournament.id)) : fixtures.data;
        // A list for one team is what was asked for; a broad one leads with what the user most likely means.
        const order = !team && !finished && found.length > limit ? 'relevance' : 'time';
        const relevant = (list: typeof found) => byRelevance(list, language, favouriteTeams);
        const ordered = finished
          ? [...found].reverse()
          : order === 'relevance'
            ? tournaments.length > 1
              ? interleave(tournaments.map((t) => relevant(found.filter((f) => f.tournament.id === t.id))))
              : relevant(found)
            : found;
        const page = ordered.slice(offset, offset + limit);
        // A broad page leads with the user's teams, then goes by kick-off.
        const favourite = (f: (typeof page)[number]) => (!team && !finished && playsIn(f, favouriteTeams) ? 0 : 1);
        if (order === 'relevance' || (!team && !finished)) page.sort((a, b) => favourite(a) - favourite(b) || Date.parse(a.startTime) - Date.parse(b.startTime));
        const yours = team || finished ? [] : favouriteTeams.filter((name) => page.some((f) => playsIn(f, [name])));
        return {
          filters: {
            ...(team ? { team: team.name } : {}),
            ...(tournaments[0] ? { tournament: tournaments[0].name } : {}),
            ...(tournaments.length > 1 ? { tournaments: tournaments.map((t) => t.name) } : {}),
            ...(args.sport ? { sport: args.sport } : {}),
            from: localDay(range.from, timeZone),
            to: localDay(range.to, timeZone),
            status: args.status ?? 'upcoming_or_live',
            ...(range.clamped ? { clampedToDays: MAX_DAYS } : {}),
          },
          timeZone,
          total: found.length,
          offset,
          count: page.length,
          remaining: Math.max(0, ordered.length - offset - page.length),
          order,
          ...(yours.length > 0 ? { favouriteTeams: yours } : {}),
          matches: page.map((f) => summariseMatch(f, timeZone)),
          ...freshness(fixtures),
        };
      }),
    {
      name: SEARCH_FIXTURES,
      description:
        'Find football and basketball matches (fixtures) by team, competition, date range and status. ' +
        'Use it for "when does X play", "matches this weekend", "Premier League games tomorrow" or recent results (status "finished"). ' +
        'Returns match ids (needed by other tools), teams, competition, kick-off in UTC and in the user\'s local time, venue and status, soonest first (finished: most recent first). ' +
        'A broad list (no team) longer than the limit holds the most relevant matches for the user (their favourite teams first); `remaining` says how many more there are: page with offset. ' +
        'For several competitions in one question pass them all in `tournaments`.',
      schema,
    },
  );
}
