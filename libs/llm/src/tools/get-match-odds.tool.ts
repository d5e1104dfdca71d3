import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { impliedProbability } from '@app/betting';
import { MARKET_CODES, describeOdds, type MarketCode, type SelectionKey } from '@app/sports-data';
import { marketForSport, matchReferenceOf, matchReferenceShape } from './match-reference.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { freshness, probability, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';

export const GET_MATCH_ODDS = 'get_match_odds';

const schema = z.object({
  ...matchReferenceShape,
  market: z
    .enum(MARKET_CODES as [MarketCode, ...MarketCode[]])
    .optional()
    .describe('Only this market (basketball 1x2 = moneyline). Omit for all.'),
});

export interface OddsSelectionView {
  key: SelectionKey;
  name: string;
  odds: number;
  impliedProbability: number;
}

export interface OddsMarketView {
  market: MarketCode;
  line?: number;
  overround: number;
  selections: OddsSelectionView[];
}

export interface MatchOddsResult extends Freshness {
  match: MatchSummary;
  bettingOpen: boolean;
  updatedAt: string;
  markets: OddsMarketView[];
}

export function createGetMatchOddsTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(GET_MATCH_ODDS, deps.logger, async (): Promise<MatchOddsResult> => {
        const { timeZone } = toolContextOf(config);
        const fixture = await deps.matches.find(matchReferenceOf(args, timeZone));
        const odds = await deps.sportsData.getOdds(fixture.data.id, marketForSport(args.market, fixture.data.sportId));
        const described = describeOdds(odds.data);
        const markets: OddsMarketView[] = described.markets.map((m) => ({
          market: m.market,
          ...(m.line !== undefined ? { line: m.line } : {}),
          overround: m.overround,
          selections: m.selections.map((s) => ({ key: s.key, name: s.name, odds: s.odds, impliedProbability: probability(impliedProbability(s.odds)) })),
        }));
        return {
          match: summariseMatch(fixture.data, timeZone),
          bettingOpen: odds.data.status === 'active',
          updatedAt: odds.data.updatedAt,
          markets,
          ...freshness(fixture, odds),
        };
      }),
    {
      name: GET_MATCH_ODDS,
      description:
        'Current decimal odds of one match, with implied probabilities and overround. Quote them exactly; never estimate odds.',
      schema,
    },
  );
}
