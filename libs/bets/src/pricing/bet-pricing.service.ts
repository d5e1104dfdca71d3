import { Injectable } from '@nestjs/common';
import { accumulatorReturn, impliedProbability, singleReturn } from '@app/betting';
import {
  InvalidMarketError,
  SportsDataService,
  type Fixture,
  type FixtureOdds,
  type MarketOdds,
  type Sourced,
} from '@app/sports-data';
import { BettingClosedError, InvalidBetError, UnknownSelectionError } from '../bets.errors.js';
import type { BetQuote, BetSlip, LegFixture, PricedLeg, SlipSelection, VoidLeg } from '../bet.types.js';

const MAIN_GOAL_LINE = 2.5;
const PROBABILITY_DIGITS = 6;

type LegOutcome = { priced: PricedLeg } | { void: VoidLeg };

/**
 * Prices a bet slip at the current odds: every selection is looked up in its fixture's market as
 * quoted now (the same cached snapshot REST, chat and live updates quote), selections on finished
 * or closed fixtures are set aside as void, and the rest make a single or an accumulator.
 */
@Injectable()
export class BetPricingService {
  constructor(private readonly sportsData: SportsDataService) {}

  async quote(slip: BetSlip): Promise<BetQuote> {
    assertDistinctMatches(slip.selections);
    const sourced: Array<Sourced<unknown>> = [];
    const outcomes = await Promise.all(
      slip.selections.map(async (selection, index) => {
        const [fixture, odds] = await Promise.all([this.sportsData.getFixture(selection.matchId), this.sportsData.getOdds(selection.matchId)]);
        sourced.push(fixture, odds);
        return priceSelection(selection, index, fixture.data, odds.data);
      }),
    );
    const legs = outcomes.flatMap((o) => ('priced' in o ? [o.priced] : []));
    const voidLegs = outcomes.flatMap((o) => ('void' in o ? [o.void] : []));
    if (legs.length === 0) throw new BettingClosedError(voidLegs.map((leg) => leg.matchId));

    const stale = sourced.some((s) => s.stale);
    const base = { stake: slip.stake, currency: slip.currency, legs, voidLegs, source: this.sportsData.source, stale, pricedAt: new Date().toISOString() };
    if (legs.length === 1) {
      const single = singleReturn(slip.stake, legs[0].odds);
      return { ...base, type: 'single', combinedOdds: legs[0].odds, potentialReturn: single.potentialReturn, profit: single.profit, impliedProbability: legs[0].impliedProbability };
    }
    const slipReturn = accumulatorReturn(slip.stake, legs.map((leg) => ({ odds: leg.odds })));
    return {
      ...base,
      type: 'accumulator',
      combinedOdds: round(slipReturn.combinedOdds, 2),
      potentialReturn: slipReturn.potentialReturn,
      profit: slipReturn.profit,
      impliedProbability: round(slipReturn.impliedProbability, PROBABILITY_DIGITS),
    };
  }
}

function assertDistinctMatches(selections: SlipSelection[]): void {
  const seen = new Set<string>();
  selections.forEach((selection, index) => {
    if (seen.has(selection.matchId)) {
      throw new InvalidBetError(`selections[${index}].match_id`, `selections[${index}].match_id: a bet cannot combine two selections of the same match`);
    }
    seen.add(selection.matchId);
  });
}

function priceSelection(selection: SlipSelection, index: number, fixture: Fixture, odds: FixtureOdds): LegOutcome {
  const field = `selections[${index}]`;
  if (fixture.status === 'finished' || odds.status !== 'active') {
    return {
      void: { matchId: fixture.id, match: `${fixture.home.name} vs ${fixture.away.name}`, market: selection.market, selection: selection.selection, reason: fixture.status === 'finished' ? 'finished' : 'betting_closed' },
    };
  }
  const books = odds.markets.filter((m) => m.market === selection.market);
  if (books.length === 0) throw new InvalidMarketError(selection.market, [...new Set(odds.markets.map((m) => m.market))]);
  const book = pickBook(books, selection.line, `${field}.line`);
  const quoted = book.selections.find((s) => s.key === selection.selection);
  if (!quoted) {
    throw new UnknownSelectionError(`${field}.selection`, selection.market, selection.selection, book.selections.map((s) => s.key));
  }
  const leg: PricedLeg = {
    matchId: fixture.id,
    market: selection.market,
    selection: quoted.key,
    name: quoted.name,
    odds: quoted.odds,
    betId: quoted.betId,
    impliedProbability: round(impliedProbability(quoted.odds), PROBABILITY_DIGITS),
    fixture: legFixture(fixture),
  };
  if (book.line !== undefined) leg.line = book.line;
  return { priced: leg };
}

/** The book of the asked line; without one, 2.5 goals when offered, else the first quoted line. */
function pickBook(books: MarketOdds[], line: number | undefined, field: string): MarketOdds {
  if (line !== undefined) {
    const book = books.find((b) => b.line === line);
    if (!book) {
      const offered = books.map((b) => b.line).filter((l): l is number => l !== undefined);
      throw new InvalidBetError(field, `${field}: line ${line} is not offered${offered.length > 0 ? `; offered lines: ${offered.join(', ')}` : ''}`);
    }
    return book;
  }
  return books.find((b) => b.line === MAIN_GOAL_LINE) ?? books[0];
}

function legFixture(fixture: Fixture): LegFixture {
  return {
    id: fixture.id,
    sportId: fixture.sportId,
    tournament: { id: fixture.tournament.id, name: fixture.tournament.name },
    home: fixture.home.name,
    away: fixture.away.name,
    startTime: fixture.startTime,
    status: fixture.status,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
