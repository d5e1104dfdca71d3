import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { accumulatorReturn, impliedProbability, roundMoney, singleReturn } from '@app/betting';
import {
  MARKET_CODES,
  normalizeName,
  type Fixture,
  type FixtureOdds,
  type MarketCode,
  type MarketOdds,
  type SelectionKey,
  type Sourced,
} from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';
import { marketForSport } from './match-reference.js';
import { checkCurrency } from './recommend-bets.tool.js';
import { marketLabel, selectionLabel } from './selection-labels.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, freshness, probability, round, runTool, summariseMatch, toolError, type Freshness, type MatchSummary } from './tool-results.js';

export const SIMULATE_BET = 'simulate_bet';

const MAX_LEGS = 10;
const MAX_STAKE = 1_000_000;

const SELECTION_WORDS: Record<string, SelectionKey> = {
  home: 'home',
  '1': 'home',
  local: 'home',
  draw: 'draw',
  x: 'draw',
  tie: 'draw',
  empate: 'draw',
  away: 'away',
  '2': 'away',
  visitor: 'away',
  visitante: 'away',
  over: 'over',
  mas: 'over',
  under: 'under',
  menos: 'under',
  yes: 'yes',
  si: 'yes',
  no: 'no',
  '1x': 'home_or_draw',
  'home or draw': 'home_or_draw',
  x2: 'away_or_draw',
  'away or draw': 'away_or_draw',
  '12': 'home_or_away',
  'home or away': 'home_or_away',
};

export const legSchema = z.object({
  match_id: z.string().max(40).optional().describe('Id from search_fixtures.'),
  team_a: z.string().max(80).optional().describe('A team of the match.'),
  team_b: z.string().max(80).optional(),
  selection: z
    .string()
    .min(1)
    .max(80)
    .describe('Team, home, draw, away, over, under, yes, no, 1X, X2, 12 or opponent (of team_a).'),
  market: z
    .enum(MARKET_CODES as [MarketCode, ...MarketCode[]])
    .optional()
    .describe('Inferred when omitted.'),
  line: z.number().optional().describe('over_under line, default 2.5.'),
});

const schema = z.object({
  selections: z.array(legSchema).describe('Several for an accumulator.'),
  stake: z.number(),
  currency: z.string().max(3).optional().describe('ISO 4217, default EUR.'),
});

type Leg = z.infer<typeof legSchema>;

export interface PricedLeg {
  match: MatchSummary;
  market: MarketCode;
  marketName: string;
  line?: number;
  selection: SelectionKey;
  pick: string;
  odds: number;
  impliedProbability: number;
}

/** A leg that could not be priced (unknown team, no upcoming match, market not offered…). */
export interface FailedLeg {
  /** Position in the request, from 0. */
  index: number;
  /** What the request named: the selection and the team(s) given. */
  requested: string;
  error: string;
  message: string;
  suggestions?: string[];
  /** For SAME_MATCH: the leg (from 0) already taken from that match, and the match. */
  sameMatchAs?: number;
  match?: string;
}

interface SimulationBase extends Freshness {
  stake: number;
  currency: string;
  legs: PricedLeg[];
  /** Legs of the request that could not be priced; the figures cover the priced legs only. */
  failedLegs?: FailedLeg[];
  /** How many legs were asked for. */
  requestedLegs: number;
  potentialReturn: number;
  profit: number;
  impliedProbability: number;
  note: string;
}

export type SimulationResult = (SimulationBase & { type: 'single'; odds: number }) | (SimulationBase & { type: 'accumulator'; combinedOdds: number });

export function createSimulateBetTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(SIMULATE_BET, deps.logger, async (): Promise<SimulationResult> => {
        const { timeZone, language } = toolContextOf(config);
        if (args.selections.length === 0) throw new ToolRequestError('INVALID_ARGUMENT', 'Give at least one selection.');
        if (args.selections.length > MAX_LEGS) throw new ToolRequestError('INVALID_ARGUMENT', `An accumulator may have at most ${MAX_LEGS} selections.`);
        if (!Number.isFinite(args.stake) || args.stake <= 0) throw new ToolRequestError('INVALID_ARGUMENT', 'stake must be a positive amount.');
        if (args.stake > MAX_STAKE) throw new ToolRequestError('INVALID_ARGUMENT', `stake must be at most ${MAX_STAKE}.`);
        const currency = checkCurrency(args.currency);
        const stake = roundMoney(args.stake);

        // Each leg is priced on its own, so one unknown team does not hide the others' prices.
        const settled = await Promise.allSettled(args.selections.map((leg) => priceLeg(deps, leg, timeZone, language)));
        const priced: Awaited<ReturnType<typeof priceLeg>>[] = [];
        const failedLegs: FailedLeg[] = [];
        // The leg already kept for each match: a second selection of the same match is left out, with why.
        const legOfMatch = new Map<string, number>();
        settled.forEach((s, index) => {
          if (s.status === 'rejected') {
            // A single leg's failure is the answer itself, as for any other tool.
            if (args.selections.length === 1) throw s.reason;
            failedLegs.push({ index, requested: describeLeg(args.selections[index]), ...toolError(s.reason, deps.logger, SIMULATE_BET) });
            return;
          }
          const match = s.value.leg.match;
          const first = legOfMatch.get(match.id);
          if (first !== undefined) {
            failedLegs.push({
              index,
              requested: describeLeg(args.selections[index]),
              error: 'SAME_MATCH',
              message: `It is in the same match as leg ${first + 1} (${match.home} vs ${match.away}): selections of one match depend on each other, so an accumulator cannot combine them. Each can be priced as a single.`,
              sameMatchAs: first,
              match: `${match.home} vs ${match.away}`,
            });
            return;
          }
          legOfMatch.set(match.id, index);
          priced.push(s.value);
        });
        if (priced.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
        failedLegs.sort((a, b) => a.index - b.index);
        const legs = priced.map((p) => p.leg);
        const partial = failedLegs.length > 0 ? { failedLegs } : {};
        const requestedLegs = args.selections.length;
        const sources = priced.flatMap((p) => [p.fixture, p.odds]);
        if (legs.length === 1) {
          const single = singleReturn(stake, legs[0].odds);
          return {
            type: 'single',
            stake,
            currency,
            legs,
            requestedLegs,
            ...partial,
            odds: legs[0].odds,
            potentialReturn: single.potentialReturn,
            profit: single.profit,
            impliedProbability: legs[0].impliedProbability,
            note: 'Prices re-read from the current market; they can change before the bet is placed.',
            ...freshness(...sources),
          };
        }
        const slip = accumulatorReturn(stake, legs.map((l) => ({ odds: l.odds })));
        return {
          type: 'accumulator',
          stake,
          currency,
          legs,
          requestedLegs,
          ...partial,
          combinedOdds: round(slip.combinedOdds, 2),
          potentialReturn: slip.potentialReturn,
          profit: slip.profit,
          impliedProbability: probability(slip.impliedProbability),
          note: 'Prices re-read from the current market; every selection must win for the accumulator to pay.',
          ...freshness(...sources),
        };
      }),
    {
      name: SIMULATE_BET,
      description:
        'Return and profit of a stake on one selection or an accumulator at the CURRENT odds, which it reads itself: do not pass odds.',
      schema,
    },
  );
}

function describeLeg(leg: Leg): string {
  const teams = [leg.team_a, leg.team_b].filter((t): t is string => typeof t === 'string' && t.length > 0);
  return teams.length > 0 && !teams.includes(leg.selection) ? `${leg.selection} (${teams.join(' vs ')})` : leg.selection;
}

/** Finds a leg's match and selection and reads its current price (shared with propose_bet). */
export async function priceLeg(
  deps: ToolDeps,
  leg: Leg,
  timeZone: string,
  language: Language,
): Promise<{ leg: PricedLeg; fixture: Sourced<Fixture>; odds: Sourced<FixtureOdds> }> {
  const fixture = await findLegMatch(deps, leg);
  const odds = await deps.sportsData.getOdds(fixture.data.id);
  if (odds.data.status !== 'active' || odds.data.markets.length === 0) {
    throw new ToolRequestError('BETTING_CLOSED', `Betting on ${fixture.data.home.name} vs ${fixture.data.away.name} is closed.`);
  }
  const wanted = parseSelection(leg.selection);
  const market = marketForSport(leg.market ?? wanted.market ?? '1x2', fixture.data.sportId) ?? '1x2';
  const book = pickBook(odds.data.markets, market, leg.line ?? wanted.line);
  if (!book) {
    const offered = [...new Set(odds.data.markets.map((m) => m.market))];
    throw new ToolRequestError('INVALID_MARKET', `Market "${market}" is not offered for this match.`, offered);
  }
  const key = wanted.key ?? (await teamSelection(deps, leg.selection, fixture.data, leg.team_a));
  const selection = book.selections.find((s) => s.key === key);
  if (!selection) {
    throw new ToolRequestError(
      'UNKNOWN_SELECTION',
      `"${leg.selection}" is not a selection of the ${market} market for ${fixture.data.home.name} vs ${fixture.data.away.name}.`,
      book.selections.map((s) => s.name),
    );
  }
  const match = summariseMatch(fixture.data, timeZone);
  const priced: PricedLeg = {
    match,
    market,
    marketName: marketLabel(market, book.line, language),
    selection: selection.key,
    pick: selectionLabel(market, selection.key, selection.name, book.line, language, match.sport),
    odds: selection.odds,
    impliedProbability: probability(impliedProbability(selection.odds)),
  };
  if (book.line !== undefined) priced.line = book.line;
  return { leg: priced, fixture, odds };
}

async function findLegMatch(deps: ToolDeps, leg: Leg): Promise<Sourced<Fixture>> {
  if (leg.match_id || leg.team_a || leg.team_b) {
    return deps.matches.find({ matchId: leg.match_id, teamA: leg.team_a ?? leg.team_b, teamB: leg.team_a ? leg.team_b : undefined });
  }
  // Only a team was named as the selection ("€50 on Chelsea"): its next match.
  if (parseSelection(leg.selection).key === undefined) {
    return deps.matches.find({ teamA: leg.selection });
  }
  throw new ToolRequestError('MISSING_MATCH', `Say which match "${leg.selection}" is for (match_id or team_a/team_b).`);
}

/** A selection word ("draw", "X", "over 2.5", "1X"…) as its key, market and line; empty for a team name. */
export function parseSelection(text: string): { key?: SelectionKey; market?: MarketCode; line?: number } {
  const raw = text.trim();
  const lineMatch = /\d+[.,]\d+/.exec(raw);
  const line = lineMatch ? Number(lineMatch[0].replace(',', '.')) : undefined;
  const words = normalizeName(lineMatch ? raw.replace(lineMatch[0], ' ') : raw)
    .replace(/\b(goals?|goles|points|puntos|de|than)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const key = SELECTION_WORDS[words];
  if (!key) return {};
  const market: MarketCode | undefined =
    key === 'over' || key === 'under' ? 'over_under' : key === 'yes' || key === 'no' ? 'btts' : key.includes('_or_') ? 'double_chance' : undefined;
  return { key, market, ...(line !== undefined ? { line } : {}) };
}

function pickBook(markets: MarketOdds[], market: MarketCode, line: number | undefined): MarketOdds | undefined {
  const books = markets.filter((m) => m.market === market);
  if (line !== undefined) return books.find((m) => m.line === line);
  return books.find((m) => m.line === 2.5) ?? books[0];
}

// "Chelsea to lose": the selection is whoever plays team_a.
const OPPONENT_WORDS = new Set(['opponent', 'opponents', 'rival', 'the other team', 'other team', 'the other side']);

/** The side of `fixture` a team name (or alias) means, or the opponent of `reference`. */
export async function teamSelection(deps: ToolDeps, text: string, fixture: Fixture, reference?: string): Promise<SelectionKey | undefined> {
  const wanted = normalizeName(text);
  if (OPPONENT_WORDS.has(wanted) && reference) {
    const side = await teamSelection(deps, reference, fixture);
    return side === 'home' ? 'away' : side === 'away' ? 'home' : undefined;
  }
  if (wanted === normalizeName(fixture.home.name)) return 'home';
  if (wanted === normalizeName(fixture.away.name)) return 'away';
  const team = await deps.sportsData.resolveTeam(text).catch(() => undefined);
  if (team?.id === fixture.home.id) return 'home';
  if (team?.id === fixture.away.id) return 'away';
  return undefined;
}
