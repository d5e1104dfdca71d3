import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { accumulatorReturn, impliedProbability, kellyFraction, roundMoney, singleReturn } from '@app/betting';
import { FOOTBALL_SPORT_ID, type Fixture, type FixtureOdds, type FixtureQuery, type SelectionPrediction } from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';
import { responsibleGamblingNote, selfExclusionNote } from '../shared/responsible-gambling.js';
import { localDay } from '../shared/zoned-time.js';
import { clampInt, dateWindow } from './date-range.js';
import type { MemoPrediction } from './prediction.memo.js';
import { selectionLabel } from './selection-labels.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, freshness, probability, round, runTool, summariseMatch, type Freshness, type MatchSummary, type ToolErrorResult } from './tool-results.js';

export const RECOMMEND_BETS = 'recommend_bets';

export const RISK_PROFILES = ['safest', 'value', 'underdog', 'accumulator'] as const;
export type RiskProfileArg = (typeof RISK_PROFILES)[number];

const DEFAULT_DAYS = 7;
const MAX_DAYS = 14;
// Prices this short return too little to be worth suggesting, whatever their probability.
const MIN_ODDS = 1.25;
const MAX_ACCUMULATOR_LEG_ODDS = 2.2;
const UNDERDOG_MIN_ODDS = 2.5;
const UNDERDOG_MAX_ODDS = 9;
// Each prediction fits a goal model, so only the most promising fixtures on market prices are
// modelled; value cannot be pre-screened on prices, so it looks at the soonest fixtures instead.
const MAX_MODELLED = 6;
const MAX_MODELLED_VALUE = 8;
const MAX_BUDGET = 1_000_000;
const KELLY_SHARE = 0.25;

const schema = z.object({
  risk: z
    .enum(RISK_PROFILES)
    .optional()
    .describe('safest (likely), value (model above price), underdog, accumulator (one slip). Default safest.'),
  date_from: z.string().max(40).optional().describe('YYYY-MM-DD. Default now.'),
  date_to: z.string().max(40).optional().describe('Inclusive. Default +7 days (max 14).'),
  budget: z.number().optional().describe('Total to spread, if given.'),
  currency: z.string().max(3).optional().describe('ISO 4217, default EUR.'),
  tournament: z.string().max(80).optional(),
  team: z.string().max(80).optional(),
  count: z.number().optional().describe('1-5, default 3 (accumulator legs 2-4).'),
});

type Args = z.infer<typeof schema>;

interface Candidate {
  fixture: Fixture;
  odds: FixtureOdds;
  /** Pre-screen score on market prices; higher is more promising for the risk profile. */
  score: number;
}

interface Pick {
  match: MatchSummary;
  market: SelectionPrediction['market'];
  selection: SelectionPrediction['selection'];
  pick: string;
  line?: number;
  odds: number;
  impliedProbability: number;
  modelProbability: number;
  edge: number;
  reason: string;
  stake?: number;
  potentialReturn?: number;
}

export type { Pick as RecommendedPick };

export interface RecommendationResult extends Freshness {
  risk: RiskProfileArg;
  /** YYYY-MM-DD days in the turn's time zone. */
  window: { from: string; to: string };
  timeZone: string;
  matchesConsidered: number;
  matchesModelled: number;
  selections: Pick[];
  /** Only for "value" when nothing reaches the value edge: the closest selections. */
  nearMisses?: Pick[];
  note?: string;
  accumulator?: {
    legs: number;
    combinedOdds: number;
    impliedProbability: number;
    modelProbability: number;
    stake?: number;
    potentialReturn?: number;
    profit?: number;
  };
  stakePlan?: string;
  budget?: number;
  currency?: string;
  responsibleGambling: string;
}

/** A self-excluded user's answer: an error result that carries the end of the exclusion. */
export interface SelfExcludedResult extends ToolErrorResult {
  error: 'SELF_EXCLUDED';
  until: string | null;
  selections: [];
}

export function createRecommendBetsTool(deps: ToolDeps) {
  return tool(
    (args: Args, config: ToolRunnableConfig) =>
      runTool(RECOMMEND_BETS, deps.logger, async (): Promise<RecommendationResult | SelfExcludedResult> => {
        const { timeZone, language, userId } = toolContextOf(config);
        // A self-excluded user gets no suggestions at all, only where to find help.
        const exclusion = userId && deps.selfExclusion ? await deps.selfExclusion.selfExclusion(userId) : undefined;
        if (exclusion?.excluded) {
          return { error: 'SELF_EXCLUDED', message: selfExclusionNote(language, exclusion.until), until: exclusion.until, selections: [] };
        }
        const risk: RiskProfileArg = args.risk ?? 'safest';
        const budget = checkBudget(args.budget);
        const currency = checkCurrency(args.currency);
        const now = Date.now();
        const range = dateWindow(args.date_from, args.date_to, { timeZone, defaultFrom: new Date(now), defaultDays: DEFAULT_DAYS, maxDays: MAX_DAYS });
        const from = new Date(Math.max(now, range.from.getTime()));

        const query: FixtureQuery = { sportId: FOOTBALL_SPORT_ID, status: 'pre_match', from, to: range.to, limit: 200 };
        const [team, tournament] = await Promise.all([
          args.team ? deps.sportsData.resolveTeam(args.team) : undefined,
          args.tournament ? deps.sportsData.resolveTournament(args.tournament) : undefined,
        ]);
        if (team) query.teamId = team.id;
        if (tournament) query.tournamentId = tournament.id;
        const fixtures = from.getTime() <= range.to.getTime() ? await deps.sportsData.getFixtures(query) : undefined;

        const priced = await Promise.all(
          (fixtures?.data ?? []).map(async (fixture) => {
            const odds = await deps.sportsData.getOdds(fixture.id).catch(() => undefined);
            return odds && odds.data.status === 'active' ? { fixture, odds: odds.data } : undefined;
          }),
        );
        const candidates = shortlist(priced.filter((c): c is Omit<Candidate, 'score'> => c !== undefined), risk);
        const modelled = await Promise.all(
          candidates.map(async (c) => ({ candidate: c, result: await deps.predictions.predict(c.fixture.id).catch(() => undefined) })),
        );
        const predictions = modelled.filter((m): m is { candidate: Candidate; result: MemoPrediction } => m.result !== undefined);

        const count = risk === 'accumulator' ? clampInt(args.count, 2, 4, 3) : clampInt(args.count, 1, 5, 3);
        const options = predictions.map(({ candidate, result }) => ({ match: summariseMatch(candidate.fixture, timeZone), result }));
        const picks = choose(options, risk, count, language);
        const nearMisses = risk === 'value' && picks.length === 0 ? choose(options, 'value-any', 2, language) : [];

        const response: Omit<RecommendationResult, keyof Freshness | 'responsibleGambling'> = {
          risk,
          window: { from: localDay(from, timeZone), to: localDay(range.to, timeZone) },
          timeZone,
          matchesConsidered: priced.filter(Boolean).length,
          matchesModelled: predictions.length,
          selections: picks,
        };
        if (nearMisses.length > 0) {
          response.nearMisses = nearMisses;
          response.note = 'No selection in this window has a model edge of at least 3% over its price; nearMisses are the closest, without a positive edge.';
        }
        if (picks.length === 0 && nearMisses.length === 0) response.note = 'No upcoming football matches with open odds match this request.';

        if (risk === 'accumulator' && picks.length >= 2) {
          const slip = accumulatorReturn(budget ?? 1, picks.map((p) => ({ odds: p.odds })));
          const modelProbability = picks.reduce((product, p) => product * p.modelProbability, 1);
          response.accumulator = {
            legs: picks.length,
            combinedOdds: round(slip.combinedOdds, 2),
            impliedProbability: probability(slip.impliedProbability),
            modelProbability: probability(modelProbability),
            ...(budget !== undefined ? { stake: budget, potentialReturn: slip.potentialReturn, profit: slip.profit } : {}),
          };
        } else if (budget !== undefined && picks.length > 0) {
          const weights = risk === 'value' ? picks.map((p) => kellyFraction(p.modelProbability, p.odds, KELLY_SHARE)) : picks.map(() => 1);
          splitBudget(budget, weights).forEach((stake, i) => {
            picks[i].stake = stake;
            picks[i].potentialReturn = singleReturn(stake, picks[i].odds).potentialReturn;
          });
          response.stakePlan = risk === 'value' ? 'budget split in proportion to a quarter-Kelly stake' : 'budget split equally';
        }
        if (budget !== undefined) {
          response.budget = budget;
          response.currency = currency;
        }
        return { ...response, responsibleGambling: responsibleGamblingNote(language), ...freshness(fixtures, ...predictions.map((p) => p.result)) };
      }),
    {
      name: RECOMMEND_BETS,
      description:
        'Suggest football bets for dates and a risk profile from odds and the model, with stakes when a budget is given. ' +
        'Pass on responsibleGambling; never call a bet certain.',
      schema,
    },
  );
}

function checkBudget(budget: number | undefined): number | undefined {
  if (budget === undefined) return undefined;
  if (!Number.isFinite(budget) || budget <= 0) throw new ToolRequestError('INVALID_ARGUMENT', 'budget must be a positive amount.');
  if (budget > MAX_BUDGET) throw new ToolRequestError('INVALID_ARGUMENT', `budget must be at most ${MAX_BUDGET}.`);
  return roundMoney(budget);
}

export function checkCurrency(currency: string | undefined): string {
  const code = (currency ?? 'EUR').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new ToolRequestError('INVALID_ARGUMENT', 'currency must be a 3-letter ISO 4217 code such as EUR.');
  return code;
}

/** Margin-free probabilities of one market's selections (proportional method: cheap, fine for ranking). */
function fairProbabilities(odds: FixtureOdds, market: string, line?: number): Map<string, { odds: number; p: number }> {
  const book = odds.markets.find((m) => m.market === market && (line === undefined || m.line === line));
  const result = new Map<string, { odds: number; p: number }>();
  if (!book) return result;
  const total = book.selections.reduce((sum, s) => sum + 1 / s.odds, 0);
  for (const s of book.selections) result.set(s.key, { odds: s.odds, p: 1 / s.odds / total });
  return result;
}

function shortlist(priced: Omit<Candidate, 'score'>[], risk: RiskProfileArg): Candidate[] {
  if (risk === 'value') {
    return priced.slice(0, MAX_MODELLED_VALUE).map((c) => ({ ...c, score: 0 }));
  }
  const scored = priced.map((c) => {
    const prices = [
      ...fairProbabilities(c.odds, '1x2').values(),
      ...fairProbabilities(c.odds, 'over_under', 2.5).values(),
      ...fairProbabilities(c.odds, 'btts').values(),
    ];
    let score = 0;
    if (risk === 'underdog') {
      const result = fairProbabilities(c.odds, '1x2');
      const outsiders = ['home', 'away'].map((k) => result.get(k)).filter((s) => s && s.odds >= UNDERDOG_MIN_ODDS && s.odds <= UNDERDOG_MAX_ODDS);
      score = Math.max(0, ...outsiders.map((s) => s?.p ?? 0));
    } else {
      const maxOdds = risk === 'accumulator' ? MAX_ACCUMULATOR_LEG_ODDS : Number.POSITIVE_INFINITY;
      score = Math.max(0, ...prices.filter((s) => s.odds >= MIN_ODDS && s.odds <= maxOdds).map((s) => s.p));
    }
    return { ...c, score };
  });
  return scored
    .filter((c) => c.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_MODELLED);
}

type Option = { match: MatchSummary; result: MemoPrediction };

function choose(options: Option[], risk: RiskProfileArg | 'value-any', count: number, language: Language): Pick[] {
  const best: { option: Option; selection: SelectionPrediction; rank: number }[] = [];
  for (const option of options) {
    const eligible = option.result.prediction.selections.filter((s) => s.marketOdds !== undefined && s.edge !== undefined && eligibleFor(risk, s, option));
    const rankOf = (s: SelectionPrediction) => (risk === 'safest' || risk === 'accumulator' ? s.probability : (s.edge ?? -1));
    const top = eligible.sort((x, y) => rankOf(y) - rankOf(x))[0];
    if (top) best.push({ option, selection: top, rank: rankOf(top) });
  }
  // One selection per team: a slip with the same club twice doubles the exposure to one side.
  const teams = new Set<string>();
  const chosen: Pick[] = [];
  for (const { option, selection } of best.sort((x, y) => y.rank - x.rank)) {
    if (chosen.length >= count) break;
    if (teams.has(option.match.home) || teams.has(option.match.away)) continue;
    teams.add(option.match.home).add(option.match.away);
    chosen.push(toPick(option, selection, risk, language));
  }
  return chosen;
}

function eligibleFor(risk: RiskProfileArg | 'value-any', s: SelectionPrediction, option: Option): boolean {
  const odds = s.marketOdds ?? 0;
  switch (risk) {
    case 'safest':
      return odds >= MIN_ODDS;
    case 'accumulator':
      return odds >= MIN_ODDS && odds <= MAX_ACCUMULATOR_LEG_ODDS;
    case 'value':
      return s.value;
    case 'value-any':
      return odds >= MIN_ODDS;
    case 'underdog': {
      if (s.market !== '1x2' || s.selection === 'draw' || odds < UNDERDOG_MIN_ODDS || odds > UNDERDOG_MAX_ODDS) return false;
      const other = option.result.prediction.selections.find((o) => o.market === '1x2' && o.selection === (s.selection === 'home' ? 'away' : 'home'));
      return other?.marketOdds !== undefined && other.marketOdds < odds;
    }
  }
}

function toPick(option: Option, s: SelectionPrediction, risk: RiskProfileArg | 'value-any', language: Language): Pick {
  const odds = s.marketOdds ?? 0;
  const line = s.market === 'over_under' ? 2.5 : undefined;
  const implied = impliedProbability(odds);
  const edge = s.edge ?? 0;
  const pick: Pick = {
    match: option.match,
    market: s.market,
    selection: s.selection,
    pick: selectionLabel(s.market, s.selection, s.name, line, language),
    odds,
    impliedProbability: probability(implied),
    modelProbability: s.probability,
    edge,
    reason: reasonFor(risk, s.probability, implied, odds, edge, language),
  };
  if (line !== undefined) pick.line = line;
  return pick;
}

const pct = (x: number) => (Math.round(x * 1000) / 10).toFixed(1);

function reasonFor(risk: RiskProfileArg | 'value-any', p: number, implied: number, odds: number, edge: number, language: Language): string {
  const es = language === 'es';
  switch (risk) {
    case 'safest':
    case 'accumulator':
      return es
        ? `Es el resultado más probable del partido según el modelo (${pct(p)}%, frente al ${pct(implied)}% implícito en la cuota ${odds.toFixed(2)}).`
        : `The most likely outcome of this match by the model (${pct(p)}%, against ${pct(implied)}% implied by odds of ${odds.toFixed(2)}).`;
    case 'value':
    case 'value-any':
      return es
        ? `El modelo le da un ${pct(p)}% frente al ${pct(implied)}% implícito en la cuota ${odds.toFixed(2)}: ventaja estimada del ${pct(edge)}% por unidad apostada.`
        : `The model gives ${pct(p)}% against ${pct(implied)}% implied by odds of ${odds.toFixed(2)}: an estimated edge of ${pct(edge)}% per unit staked.`;
    case 'underdog':
      return es
        ? `No favorito a cuota ${odds.toFixed(2)}; el modelo le da un ${pct(p)}% frente al ${pct(implied)}% implícito.`
        : `Outsider at odds of ${odds.toFixed(2)}; the model gives ${pct(p)}% against ${pct(implied)}% implied.`;
  }
}

/** Splits a budget by weight into cents that add up exactly to the budget. */
export function splitBudget(budget: number, weights: number[]): number[] {
  const usable = weights.some((w) => w > 0) ? weights.map((w) => Math.max(0, w)) : weights.map(() => 1);
  const total = usable.reduce((sum, w) => sum + w, 0);
  const stakes = usable.map((w) => Math.floor(((budget * w) / total) * 100) / 100);
  const remainder = roundMoney(budget - stakes.reduce((sum, s) => sum + s, 0));
  stakes[0] = roundMoney(stakes[0] + remainder);
  return stakes;
}
