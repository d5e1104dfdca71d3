import type { BetQuote, BetRecord, PricedLeg, VoidLeg } from './bet.types.js';

/** The JSON shapes of the bets API (snake_case, as the rest of the API). */

export interface LegView {
  match_id: string;
  fixture: { home: string; away: string; competition: string; kickoff: string; status: string };
  market: string;
  line?: number;
  selection: string;
  name: string;
  odds: number;
  implied_probability: number;
}

export interface VoidLegView {
  match_id: string;
  match: string;
  market: string;
  selection: string;
  reason: VoidLeg['reason'];
}

export interface QuoteView {
  type: BetQuote['type'];
  stake: number;
  currency: string;
  legs: LegView[];
  void_legs: VoidLegView[];
  combined_odds: number;
  potential_return: number;
  profit: number;
  implied_probability: number;
  notes: string[];
  source: string;
  stale: boolean;
  priced_at: string;
}

export interface BetView {
  bet_id: string;
  status: BetRecord['status'];
  type: BetRecord['type'];
  stake: number;
  currency: string;
  combined_odds: number;
  potential_return: number;
  legs: LegView[];
  placed_at: string;
  /** Null when the bookmaker does not report it (ChatBet upstream). */
  balance_after: number | null;
  provider: BetRecord['provider'];
  provider_bet_id?: string;
  origin: BetRecord['origin'];
  proposal_id?: string;
}

export function legView(leg: PricedLeg): LegView {
  const view: LegView = {
    match_id: leg.matchId,
    fixture: { home: leg.fixture.home, away: leg.fixture.away, competition: leg.fixture.tournament.name, kickoff: leg.fixture.startTime, status: leg.fixture.status },
    market: leg.market,
    selection: leg.selection,
    name: leg.name,
    odds: leg.odds,
    implied_probability: leg.impliedProbability,
  };
  if (leg.line !== undefined) view.line = leg.line;
  return view;
}

export function quoteView(quote: BetQuote, notes: string[]): QuoteView {
  return {
    type: quote.type,
    stake: quote.stake,
    currency: quote.currency,
    legs: quote.legs.map(legView),
    void_legs: quote.voidLegs.map((leg) => ({ match_id: leg.matchId, match: leg.match, market: leg.market, selection: leg.selection, reason: leg.reason })),
    combined_odds: quote.combinedOdds,
    potential_return: quote.potentialReturn,
    profit: quote.profit,
    implied_probability: quote.impliedProbability,
    notes,
    source: quote.source,
    stale: quote.stale,
    priced_at: quote.pricedAt,
  };
}

export function betView(bet: BetRecord): BetView {
  const view: BetView = {
    bet_id: bet.id,
    status: bet.status,
    type: bet.type,
    stake: bet.stake,
    currency: bet.currency,
    combined_odds: bet.combinedOdds,
    potential_return: bet.potentialReturn,
    legs: bet.legs.map(legView),
    placed_at: bet.placedAt,
    balance_after: bet.balanceAfter ?? null,
    provider: bet.provider,
    origin: bet.origin,
  };
  if (bet.providerBetId !== undefined) view.provider_bet_id = bet.providerBetId;
  if (bet.proposalId !== undefined) view.proposal_id = bet.proposalId;
  return view;
}
