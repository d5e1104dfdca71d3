import { COMPARE_TEAMS, type ComparisonResult } from './compare-teams.tool.js';
import { GET_MATCH_ODDS, type MatchOddsResult } from './get-match-odds.tool.js';
import { GET_USER_BALANCE, type BalanceResult } from './get-user-balance.tool.js';
import { LIST_TOURNAMENTS, type TournamentsResult } from './list-tournaments.tool.js';
import { MATCH_VERDICT, type MatchVerdictResult } from './match-verdict.tool.js';
import { PREDICT_MATCH, type PredictionResult } from './predict-match.tool.js';
import { PROPOSE_BET, type ProposalResult } from './propose-bet.tool.js';
import { RECOMMEND_BETS, type RecommendationResult } from './recommend-bets.tool.js';
import { SEARCH_FIXTURES, type SearchFixturesResult } from './search-fixtures.tool.js';
import { SIMULATE_BET, type SimulationResult } from './simulate-bet.tool.js';
import type { ToolErrorResult } from './tool-results.js';

/** The successful result of each tool, by tool name. */
export interface ToolResultMap {
  [SEARCH_FIXTURES]: SearchFixturesResult;
  [GET_MATCH_ODDS]: MatchOddsResult;
  [SIMULATE_BET]: SimulationResult;
  [PROPOSE_BET]: ProposalResult;
  [RECOMMEND_BETS]: RecommendationResult;
  [PREDICT_MATCH]: PredictionResult;
  [MATCH_VERDICT]: MatchVerdictResult;
  [COMPARE_TEAMS]: ComparisonResult;
  [LIST_TOURNAMENTS]: TournamentsResult;
  [GET_USER_BALANCE]: BalanceResult;
}

export type ToolName = keyof ToolResultMap;

export type ResultOf<N extends ToolName> = ToolResultMap[N];

/** A successful tool result tagged with its tool's name; `name` narrows `result`. */
export type TypedToolResult<N extends ToolName = ToolName> = { [K in N]: { name: K; result: ToolResultMap[K] } }[N];

const TOOL_NAMES: ReadonlySet<string> = new Set<ToolName>([
  SEARCH_FIXTURES,
  GET_MATCH_ODDS,
  SIMULATE_BET,
  PROPOSE_BET,
  RECOMMEND_BETS,
  PREDICT_MATCH,
  MATCH_VERDICT,
  COMPARE_TEAMS,
  LIST_TOURNAMENTS,
  GET_USER_BALANCE,
]);

export function isToolName(name: string): name is ToolName {
  return TOOL_NAMES.has(name);
}

/** The error a tool reported instead of a result (see runTool), or undefined for a result. */
export function toolErrorOf(result: Record<string, unknown>): (ToolErrorResult & { until?: string | null }) | undefined {
  if (typeof result.error !== 'string') return undefined;
  const error: ToolErrorResult & { until?: string | null } = { error: result.error, message: String(result.message) };
  if (Array.isArray(result.suggestions)) error.suggestions = result.suggestions.map(String);
  if (typeof result.until === 'string' || result.until === null) error.until = result.until;
  return error;
}

/**
 * Tags a tool's parsed JSON with its type; undefined for unknown tools and error results.
 *
 * The one cast: every tool serialises a value of its declared result type (the body's return type
 * in ResultOf), or an error result, which is ruled out here; so JSON named after a known tool
 * parses back into that tool's result type.
 */
export function typedToolResult(name: string, result: Record<string, unknown>): TypedToolResult | undefined {
  if (!isToolName(name) || toolErrorOf(result)) return undefined;
  const tagged: { name: ToolName; result: object } = { name, result };
  return tagged as TypedToolResult;
}

/** Narrows a result tagged by typedToolResult to one tool's: the tag decides the result's type. */
export function isResultOf<N extends ToolName>(name: N, tagged: { name: ToolName }): tagged is TypedToolResult<N> {
  return tagged.name === name;
}
