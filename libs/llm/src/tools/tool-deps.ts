import type { Logger } from '@nestjs/common';
import type { SportsDataService } from '@app/sports-data';
import type { BalanceReader } from './balance.reader.js';
import type { MatchFinder } from './match-finder.js';
import type { PredictionMemo } from './prediction.memo.js';

/** What the tool factories need; built once by BettingToolsService. */
export interface ToolDeps {
  sportsData: SportsDataService;
  predictions: PredictionMemo;
  balance: BalanceReader;
  matches: MatchFinder;
  logger: Logger;
}
