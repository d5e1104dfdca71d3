import { Injectable, Logger, Optional } from '@nestjs/common';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { PredictionService, SportsDataService } from '@app/sports-data';
import { BalanceReader } from './balance.reader.js';
import { BetProposer, SelfExclusionReader } from './betting-account.ports.js';
import { createCompareTeamsTool } from './compare-teams.tool.js';
import { createGetMatchOddsTool } from './get-match-odds.tool.js';
import { createGetUserBalanceTool } from './get-user-balance.tool.js';
import { createListTournamentsTool } from './list-tournaments.tool.js';
import { MatchFinder } from './match-finder.js';
import { createMatchVerdictTool } from './match-verdict.tool.js';
import { createPredictMatchTool } from './predict-match.tool.js';
import { PredictionMemo } from './prediction.memo.js';
import { createProposeBetTool } from './propose-bet.tool.js';
import { createRecommendBetsTool } from './recommend-bets.tool.js';
import { createSearchFixturesTool } from './search-fixtures.tool.js';
import { createSimulateBetTool } from './simulate-bet.tool.js';
import type { ToolDeps } from './tool-deps.js';

/**
 * The chat tools over sports data, betting maths and the user's wallet, built once per process.
 * None of them places a bet: propose_bet only stores a proposal that the user confirms themselves.
 */
@Injectable()
export class BettingToolsService {
  private readonly logger = new Logger(BettingToolsService.name);
  readonly tools: readonly StructuredToolInterface[];
  private readonly byName: ReadonlyMap<string, StructuredToolInterface>;

  constructor(
    sportsData: SportsDataService,
    predictions: PredictionService,
    balance: BalanceReader,
    // Provided by the bets module (global) when the app has one.
    @Optional() proposals?: BetProposer,
    @Optional() selfExclusion?: SelfExclusionReader,
  ) {
    const deps: ToolDeps = {
      sportsData,
      predictions: new PredictionMemo(predictions, sportsData),
      balance,
      proposals,
      selfExclusion,
      matches: new MatchFinder(sportsData),
      logger: this.logger,
    };
    this.tools = [
      createSearchFixturesTool(deps),
      createGetMatchOddsTool(deps),
      createListTournamentsTool(deps),
      createCompareTeamsTool(deps),
      createPredictMatchTool(deps),
      createMatchVerdictTool(deps),
      createRecommendBetsTool(deps),
      createSimulateBetTool(deps),
      createGetUserBalanceTool(deps),
      createProposeBetTool(deps),
    ];
    this.byName = new Map(this.tools.map((t) => [t.name, t]));
  }

  get(name: string): StructuredToolInterface | undefined {
    return this.byName.get(name);
  }
}
