import { Inject, Injectable } from '@nestjs/common';
import { betsConfig, type BetsConfig } from '@app/config';
import { BetNotFoundError } from './bets.errors.js';
import { betView, quoteView, type BetView, type QuoteView } from './bet-views.js';
import type { BetQuote, BetSlip } from './bet.types.js';
import { toSlipSelections, type PlaceBetDto, type SimulateBetDto } from './http/dto/bet-slip.dto.js';
import { BetPlacementService, DEFAULT_ODDS_TOLERANCE } from './placement/bet-placement.service.js';
import { BetPricingService } from './pricing/bet-pricing.service.js';
import { BetStore } from './store/bet.store.js';

export const DEFAULT_CURRENCY = 'EUR';

export interface PlacedBetView {
  bet: BetView;
  replayed: boolean;
}

export interface BetListView {
  bets: BetView[];
  total: number;
  limit: number;
  offset: number;
}

/** The bets API: simulate a slip, place it, and read a user's own bets. */
@Injectable()
export class BetsService {
  constructor(
    private readonly pricing: BetPricingService,
    private readonly placement: BetPlacementService,
    private readonly store: BetStore,
    @Inject(betsConfig.KEY) private readonly config: BetsConfig,
  ) {}

  async simulate(body: SimulateBetDto): Promise<QuoteView> {
    const quote = await this.pricing.quote(slipOf(body));
    return quoteView(quote, this.notes(quote));
  }

  async place(userId: string, idempotencyKey: string, body: PlaceBetDto, language: 'en' | 'es' = 'en'): Promise<PlacedBetView> {
    const { bet, replayed } = await this.placement.place(userId, idempotencyKey, slipOf(body), {
      origin: 'api',
      oddsTolerance: body.odds_tolerance ?? DEFAULT_ODDS_TOLERANCE,
      language,
    });
    return { bet: betView(bet), replayed };
  }

  async list(userId: string, limit = 20, offset = 0): Promise<BetListView> {
    const page = await this.store.listBets(userId, offset, limit);
    return { bets: page.bets.map(betView), total: page.total, limit, offset };
  }

  /** Someone else's bet is answered like an unknown one, so bet ids cannot be probed. */
  async get(userId: string, betId: string): Promise<BetView> {
    const bet = await this.store.getBet(betId);
    if (!bet || bet.userId !== userId) throw new BetNotFoundError(betId);
    return betView(bet);
  }

  private notes(quote: BetQuote): string[] {
    const notes: string[] = [];
    for (const leg of quote.voidLegs) {
      const why = leg.reason === 'finished' ? 'the match has finished' : 'betting on the match is closed';
      notes.push(`The selection on ${leg.match} (match ${leg.matchId}) was dropped as void: ${why}. The figures cover the other selections.`);
    }
    if (quote.stake < this.config.minStake || quote.stake > this.config.maxStake) {
      notes.push(`Bets can be placed with stakes from ${this.config.minStake} to ${this.config.maxStake} ${DEFAULT_CURRENCY}.`);
    }
    notes.push(
      quote.type === 'accumulator'
        ? 'Current prices; they can change before the bet is placed. Every selection must win for an accumulator to pay.'
        : 'Current price; it can change before the bet is placed.',
    );
    return notes;
  }
}

function slipOf(body: SimulateBetDto | PlaceBetDto): BetSlip {
  return { stake: body.stake, currency: body.currency ?? DEFAULT_CURRENCY, selections: toSlipSelections(body.selections) };
}
