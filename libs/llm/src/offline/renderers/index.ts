import { COMPARE_TEAMS } from '../../tools/compare-teams.tool.js';
import { GET_MATCH_ODDS } from '../../tools/get-match-odds.tool.js';
import { GET_USER_BALANCE } from '../../tools/get-user-balance.tool.js';
import { LIST_TOURNAMENTS } from '../../tools/list-tournaments.tool.js';
import { MATCH_VERDICT } from '../../tools/match-verdict.tool.js';
import { PREDICT_MATCH } from '../../tools/predict-match.tool.js';
import { PROPOSE_BET } from '../../tools/propose-bet.tool.js';
import { RECOMMEND_BETS } from '../../tools/recommend-bets.tool.js';
import { SEARCH_FIXTURES } from '../../tools/search-fixtures.tool.js';
import { SIMULATE_BET } from '../../tools/simulate-bet.tool.js';
import type { ToolName } from '../../tools/tool-result-map.js';
import { renderComparison } from './compare-teams.renderer.js';
import { renderMatchOdds } from './get-match-odds.renderer.js';
import { renderBalance } from './get-user-balance.renderer.js';
import { renderTournaments } from './list-tournaments.renderer.js';
import { renderMatchVerdict } from './match-verdict.renderer.js';
import { renderPrediction } from './predict-match.renderer.js';
import { renderProposal } from './propose-bet.renderer.js';
import { renderRecommendation } from './recommend-bets.renderer.js';
import type { RendererRegistry } from './renderer.js';
import { renderSearchFixtures } from './search-fixtures.renderer.js';
import { renderSimulation } from './simulate-bet.renderer.js';

export { renderError, type ToolFailure } from './errors.renderer.js';
export type { RenderContext, Renderer, RendererRegistry, TurnResults } from './renderer.js';

/** The answer for each tool's successful result. */
export const RENDERERS: RendererRegistry = {
  [PROPOSE_BET]: renderProposal,
  [GET_USER_BALANCE]: renderBalance,
  [SIMULATE_BET]: renderSimulation,
  [RECOMMEND_BETS]: renderRecommendation,
  [PREDICT_MATCH]: renderPrediction,
  [MATCH_VERDICT]: renderMatchVerdict,
  [COMPARE_TEAMS]: renderComparison,
  [GET_MATCH_ODDS]: renderMatchOdds,
  [LIST_TOURNAMENTS]: renderTournaments,
  [SEARCH_FIXTURES]: renderSearchFixtures,
};

/**
 * Which result a turn's answer is about when several tools ran: the most specific first. A bet or
 * balance is what the user asked for; fixtures found on the way to odds or a prediction are only
 * context (a competition's fixtures are shown inside its tournaments answer).
 */
export const ANSWER_PRIORITY: readonly ToolName[] = [
  PROPOSE_BET,
  GET_USER_BALANCE,
  SIMULATE_BET,
  RECOMMEND_BETS,
  MATCH_VERDICT,
  PREDICT_MATCH,
  COMPARE_TEAMS,
  GET_MATCH_ODDS,
  LIST_TOURNAMENTS,
  SEARCH_FIXTURES,
];
