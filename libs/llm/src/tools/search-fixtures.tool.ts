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
  team: z.string().max(80).optional(),
  tournament: z
    .string()
    .max(80)
    .optional()
    .describe('Competition, e.g. "Premier League", "NBA".'),
  tournaments: z
    .array(z.string().max(80))
    .max(MAX_TOURNAMENTS)
    .optional()
    .describe('Several competitions at once.'),
  date_from: z
    .string()
    .max(40)
    .optional()
    .describe('First day, YYYY-MM-DD. Default now.'),
  date_to: z.string().max(40).optional().describe('Last day, inclusive. Default +14 days.'),
  status: z
    .enum(['pre_match', 'live', 'finished'])
    .optional()
    .describe('Omit for upcoming and live.'),
  sport: z.enum(['football', 'basketball']).optional(),
  limit: z.number().optional().describe('1-25, default 10.'),
  offset: z.number().optional().describe('"Show me more": previous offset + count.'),
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
        'Find matches by team, competition(s), dates or status ("when does X play", "games tomorrow", results: status finished). ' +
        'Gives match ids for other tools and local kick-off times; broad lists lead with the user\'s teams; remaining > 0: page with offset.',
      schema,
    },
  );
}
