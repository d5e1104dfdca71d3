import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { impliedProbability } from '@app/betting';
import { describeOdds, summariseForm, type FormResult, type Score, type Sourced, type Team, type TeamForm } from '@app/sports-data';
import { localDay } from '../shared/zoned-time.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, freshness, probability, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';
import type { OddsSelectionView } from './get-match-odds.tool.js';

export const COMPARE_TEAMS = 'compare_teams';

export interface TeamView {
  name: string;
  country: string;
  form: {
    /** Outcomes, most recent first, e.g. "WDLWW". */
    last: string;
    points: number;
    goalsFor: number;
    goalsAgainst: number;
    results: Array<{ date: string; opponent: string; venue: FormResult['venue']; score: string; outcome: FormResult['outcome'] }>;
  };
}

export interface ComparisonResult extends Freshness {
  teamA: TeamView;
  teamB: TeamView;
  headToHead: {
    meetings: number;
    winsA: number;
    draws: number;
    winsB: number;
    recent: Array<{ date: string; competition: string; home: string; away: string; score: Score }>;
  };
  nextMeeting: MatchSummary | null;
  nextMeetingOdds: OddsSelectionView[] | null;
}

const FORM_LENGTH = 5;
const RECENT_MEETINGS = 5;

const schema = z.object({
  team_a: z.string().min(1).max(80),
  team_b: z.string().min(1).max(80),
});

export function createCompareTeamsTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(COMPARE_TEAMS, deps.logger, async (): Promise<ComparisonResult> => {
        const { timeZone } = toolContextOf(config);
        const [a, b] = await Promise.all([deps.sportsData.resolveTeam(args.team_a), deps.sportsData.resolveTeam(args.team_b)]);
        if (a.id === b.id) throw new ToolRequestError('INVALID_ARGUMENT', 'team_a and team_b must be two different teams.');
        const [formA, formB, h2h, next] = await Promise.all([
          deps.sportsData.getTeamForm(a.id, FORM_LENGTH),
          deps.sportsData.getTeamForm(b.id, FORM_LENGTH),
          deps.sportsData.getHeadToHead(a.id, b.id),
          deps.matches.nextMatch(a, b).catch(() => undefined),
        ]);
        const odds = next ? await deps.sportsData.getOdds(next.data.id, '1x2').catch(() => undefined) : undefined;
        const result = odds ? describeOdds(odds.data).markets.find((m) => m.market === '1x2') : undefined;
        return {
          teamA: teamView(a, formA, timeZone),
          teamB: teamView(b, formB, timeZone),
          headToHead: {
            meetings: h2h.data.meetings.length,
            winsA: h2h.data.summary.winsA,
            draws: h2h.data.summary.draws,
            winsB: h2h.data.summary.winsB,
            recent: h2h.data.meetings.slice(0, RECENT_MEETINGS).map((m) => ({
              date: localDay(m.date, timeZone),
              competition: m.tournament.name,
              home: m.home.name,
              away: m.away.name,
              score: m.score,
            })),
          },
          nextMeeting: next ? summariseMatch(next.data, timeZone) : null,
          nextMeetingOdds: result
            ? result.selections.map((s) => ({ key: s.key, name: s.name, odds: s.odds, impliedProbability: probability(impliedProbability(s.odds)) }))
            : null,
          ...freshness(formA, formB, h2h, next, odds),
        };
      }),
    {
      name: COMPARE_TEAMS,
      description:
        'Compare two teams: last 5 results, head-to-head, and their next meeting with 1X2 odds.',
      schema,
    },
  );
}

function teamView(team: Team, form: Sourced<TeamForm>, timeZone: string): TeamView {
  const summary = summariseForm(form.data);
  return {
    name: team.name,
    country: team.country,
    form: {
      last: summary.last,
      points: summary.points,
      goalsFor: summary.goalsFor,
      goalsAgainst: summary.goalsAgainst,
      results: form.data.results.map((r) => ({
        date: localDay(r.date, timeZone),
        opponent: r.opponent.name,
        venue: r.venue,
        score: `${r.goalsFor}-${r.goalsAgainst}`,
        outcome: r.outcome,
      })),
    },
  };
}
