import type { Logger } from '@nestjs/common';
import type { SportsDataService } from '@app/sports-data';
import type { BalanceReader } from './balance.reader.js';
import type { BetProposer, SelfExclusionReader } from './betting-account.ports.js';
import type { MatchFinder } from './match-finder.js';
import type { PredictionMemo } from './prediction.memo.js';

/** What the tool factories need; built once by BettingToolsService. */
export interface ToolDeps {
  sportsData: SportsDataService;
  predictions: PredictionMemo;
  balance: BalanceReader;
  /** Absent when the app has no bets module: propose_bet then answers that betting is unavailable. */
  proposals?: BetProposer;
  /** Absent when the app has no bets module: nobody is treated as self-excluded. */
  selfExclusion?: SelfExclusionReader;
  matches: MatchFinder;
  logger: Logger;
}
