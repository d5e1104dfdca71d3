import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import type { Prediction } from '@app/sports-data';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { freshness, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';

export const PREDICT_MATCH = 'predict_match';

export interface PredictionResult extends Freshness, Pick<Prediction, 'probabilities' | 'expectedGoals' | 'mostLikelyScore' | 'selections' | 'method'> {
  match: MatchSummary;
}

const schema = z.object({
  match_id: z.string().max(40).optional().describe('Match id from search_fixtures. Preferred when known.'),
  team_a: z.string().max(80).optional().describe('A team in the match when match_id is unknown; alone it means that team\'s next match.'),
  team_b: z.string().max(80).optional().describe('The other team, to pick their next meeting.'),
});

export function createPredictMatchTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(PREDICT_MATCH, deps.logger, async (): Promise<PredictionResult> => {
        const { timeZone } = toolContextOf(config);
        const fixture = await deps.matches.find({ matchId: args.match_id, teamA: args.team_a, teamB: args.team_b });
        const { prediction, stale, source } = await deps.predictions.predict(fixture.data.id);
        return {
          match: summariseMatch(prediction.fixture, timeZone),
          probabilities: prediction.probabilities,
          expectedGoals: prediction.expectedGoals,
          mostLikelyScore: prediction.mostLikelyScore,
          selections: prediction.selections,
          method: prediction.method,
          ...freshness(fixture, { source, stale }),
        };
      }),
    {
      name: PREDICT_MATCH,
      description:
        'Model probabilities for a football match (home/draw/away, over/under 2.5 goals, both teams to score), expected goals, ' +
        'the most likely score, and per selection the fair odds, current market odds and edge (probability × odds − 1; "value" when at least 3%). ' +
        'Estimates, not certainties. Football only.',
      schema,
    },
  );
}
