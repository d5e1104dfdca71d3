import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { impliedProbability, removeMarginMultiplicative } from '@app/betting';
import { FOOTBALL_SPORT_ID, normalizeName, winnerMarketOf, type Fixture, type MarketCode, type SelectionKey } from '@app/sports-data';
import { matchReferenceOf, matchReferenceShape } from './match-reference.js';
import { parseSelection, teamSelection } from './simulate-bet.tool.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, freshness, probability, round, runTool, summariseMatch, type Freshness, type MatchSummary } from './tool-results.js';

export const MATCH_VERDICT = 'match_verdict';

/** How clearly the market favours one side, read from the gap between the two likeliest outcomes. */
export type VerdictStrength = 'strong_favourite' | 'favourite' | 'slight_favourite' | 'toss_up';

export interface VerdictSelection {
  key: SelectionKey;
  name: string;
  odds: number;
  /** 1 / odds, bookmaker margin included. */
  impliedProbability: number;
  /** Implied probability with the margin removed (proportionally): the market's own estimate. */
  fairProbability: number;
  /** Our model's estimate (football: goal model fitted to the prices, nudged by form). */
  modelProbability?: number;
  /** modelProbability × odds − 1: expected return per unit staked. */
  edge?: number;
  /** True when the edge is at least 3%. */
  value?: boolean;
}

export interface MatchVerdictResult extends Freshness {
  match: MatchSummary;
  /** The match-winner market the verdict reads: 1x2 for football, moneyline for basketball. */
  market: MarketCode;
  margin: number;
  /** Likeliest first. */
  selections: VerdictSelection[];
  favourite: VerdictSelection;
  strength: VerdictStrength;
  /** Fair-probability gap between the favourite and the next outcome. */
  gap: number;
  /** The outcome the user asked about ("is Bayern the favourite?", "value in the draw?"). */
  asked?: VerdictSelection & { isFavourite: boolean };
  /** Whether model probabilities (and so value) are available for this match. */
  modelAvailable: boolean;
}

// Fair-probability gaps and levels behind the wording of a verdict.
const TOSS_UP_GAP = 0.05;
const CLEAR_GAP = 0.15;
const STRONG_PROBABILITY = 0.65;

const schema = z.object({
  ...matchReferenceShape,
  selection: z
    .string()
    .max(80)
    .optional()
    .describe('Outcome asked about: a team, "home", "away" or "draw".'),
});

export function createMatchVerdictTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(MATCH_VERDICT, deps.logger, async (): Promise<MatchVerdictResult> => {
        const { timeZone } = toolContextOf(config);
        const fixture = await deps.matches.find(matchReferenceOf(args, timeZone));
        const odds = await deps.sportsData.getOdds(fixture.data.id);
        const book = winnerMarketOf(odds.data.markets);
        if (odds.data.status !== 'active' || !book) {
          throw new ToolRequestError('BETTING_CLOSED', `There are no prices for ${fixture.data.home.name} vs ${fixture.data.away.name} right now.`);
        }
        const fair = removeMarginMultiplicative(book.selections.map((s) => s.odds));
        const model = fixture.data.sportId === FOOTBALL_SPORT_ID ? await modelProbabilities(deps, fixture.data.id) : undefined;
        const selections: VerdictSelection[] = book.selections
          .map((s, i): VerdictSelection => {
            const view: VerdictSelection = {
              key: s.key,
              name: s.name,
              odds: s.odds,
              impliedProbability: probability(impliedProbability(s.odds)),
              fairProbability: probability(fair[i] ?? 0),
            };
            const estimate = model?.get(s.key);
            if (estimate) Object.assign(view, estimate);
            return view;
          })
          .sort((a, b) => b.fairProbability - a.fairProbability);
        const [favourite, second] = selections;
        const gap = round(favourite.fairProbability - (second?.fairProbability ?? 0), 6);
        const result: MatchVerdictResult = {
          match: summariseMatch(fixture.data, timeZone),
          market: book.market,
          margin: round(book.selections.reduce((sum, s) => sum + 1 / s.odds, 0) - 1, 4),
          selections,
          favourite,
          strength: strengthOf(favourite.fairProbability, gap),
          gap,
          modelAvailable: model !== undefined,
          ...freshness(fixture, odds),
        };
        const asked = args.selection ? await askedSelection(deps, args.selection, selections, fixture.data) : undefined;
        if (asked) result.asked = { ...asked, isFavourite: asked.key === favourite.key };
        return result;
      }),
    {
      name: MATCH_VERDICT,
      description:
        'Who is favourite in one match and how clearly; football adds model probability, edge and value. For "who is the favourite", "who wins", "value in the draw?".',
      schema,
    },
  );
}

export function strengthOf(topProbability: number, gap: number): VerdictStrength {
  if (gap < TOSS_UP_GAP) return 'toss_up';
  if (topProbability >= STRONG_PROBABILITY) return 'strong_favourite';
  if (gap >= CLEAR_GAP) return 'favourite';
  return 'slight_favourite';
}

async function modelProbabilities(deps: ToolDeps, fixtureId: string): Promise<Map<SelectionKey, Pick<VerdictSelection, 'modelProbability' | 'edge' | 'value'>> | undefined> {
  const predicted = await deps.predictions.predict(fixtureId).catch(() => undefined);
  if (!predicted) return undefined;
  const byKey = new Map<SelectionKey, Pick<VerdictSelection, 'modelProbability' | 'edge' | 'value'>>();
  for (const s of predicted.prediction.selections) {
    if (s.market !== '1x2') continue;
    byKey.set(s.selection, {
      modelProbability: probability(s.probability),
      ...(s.edge !== undefined ? { edge: round(s.edge, 4) } : {}),
      value: s.value,
    });
  }
  return byKey;
}

/** The outcome a question names, read the way simulate_bet reads a selection ("draw", "home", a team or alias). */
async function askedSelection(deps: ToolDeps, text: string, selections: VerdictSelection[], fixture: Fixture): Promise<VerdictSelection | undefined> {
  const key = parseSelection(text).key ?? (await teamSelection(deps, text, fixture));
  if (key) return selections.find((s) => s.key === key);
  const wanted = normalizeName(text);
  return selections.find((s) => normalizeName(s.name).includes(wanted) || wanted.includes(normalizeName(s.name)));
}
