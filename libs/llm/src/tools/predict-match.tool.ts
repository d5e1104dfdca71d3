import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import type { Prediction } from '@app/sports-data';
import { matchReferenceOf, matchReferenceShape } from './match-reference.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { freshness, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';

export const PREDICT_MATCH = 'predict_match';

export interface PredictionResult extends Freshness, Pick<Prediction, 'probabilities' | 'expectedGoals' | 'mostLikelyScore' | 'selections' | 'method'> {
  match: MatchSummary;
}

const schema = z.object({
  ...matchReferenceShape,
});

export function createPredictMatchTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(PREDICT_MATCH, deps.logger, async (): Promise<PredictionResult> => {
        const { timeZone } = toolContextOf(config);
        const fixture = await deps.matches.find(matchReferenceOf(args, timeZone));
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
        'Football only: model probabilities (1X2, over/under 2.5, btts), expected goals, likely score, and per selection fair vs market odds and edge. Estimates, not certainties.',
      schema,
    },
  );
}
