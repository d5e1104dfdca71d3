import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { AccountsLedger, SelfExcludedError } from '@app/accounts';
import { betsConfig, type BetsConfig } from '@app/config';
import {
  BettingClosedError,
  CurrencyMismatchError,
  IdempotencyKeyReusedError,
  OddsChangedError,
  PlacementInProgressError,
  PlacementOutcomeUnknownError,
  PlacementRefundedError,
  StakeOutOfRangeError,
  type MovedPrice,
} from '../bets.errors.js';
import type { BetQuote, BetRecord, BetSlip } from '../bet.types.js';
import { BetPricingService } from '../pricing/bet-pricing.service.js';
import { BetStore, type IdempotencySlot } from '../store/bet.store.js';
import { BetPlacer, type PlacementOrder, type PlacementReceipt } from './bet-placer.js';

/** Relative price move accepted between the quote the user saw and placement (2%). */
export const DEFAULT_ODDS_TOLERANCE = 0.02;
/** The only currency accounts hold. */
export const ACCOUNT_CURRENCY = 'EUR';
// A request that finds its key being placed by another waits this long for the outcome.
const WAIT_FOR_PENDING_MS = 20_000;
const POLL_MS = 25;

export interface PlaceOptions {
  origin: BetRecord['origin'];
  proposalId?: string;
  /** Relative move allowed per selection; DEFAULT_ODDS_TOLERANCE when omitted. */
  oddsTolerance?: number;
  language?: 'en' | 'es';
}

export interface PlacementOutcome {
  bet: BetRecord;
  /** True when this request repeated an earlier one and got its bet back. */
  replayed: boolean;
}

/**
 * Places a bet exactly once per (user, Idempotency-Key): the key is taken atomically, the slip is
 * re-priced, each price is held against what the user accepted, the stake and the user's limits are
 * checked, the provider takes the stake and places the bet, and the bet is recorded together with
 * the key's outcome. Requests repeating a key get the first one's bet; a key reused for a different
 * slip is refused.
 */
@Injectable()
export class BetPlacementService {
  private readonly logger = new Logger(BetPlacementService.name);

  constructor(
    private readonly pricing: BetPricingService,
    private readonly placer: BetPlacer,
    private readonly store: BetStore,
    private readonly ledger: AccountsLedger,
    @Inject(betsConfig.KEY) private readonly config: BetsConfig,
  ) {}

  async place(userId: string, idempotencyKey: string, slip: BetSlip, options: PlaceOptions): Promise<PlacementOutcome> {
    const betId = betIdFor(userId, idempotencyKey);
    const fingerprint = fingerprintOf(slip);
    const earlier = await this.takeKey(userId, idempotencyKey, { state: 'pending', fingerprint, betId });
    if (earlier) return { bet: earlier, replayed: true };

    let order: PlacementOrder;
    try {
      await this.assertMayBet(userId, slip);
      const quote = await this.pricing.quote(slip);
      assertPricesHeld(slip, quote, options.oddsTolerance ?? DEFAULT_ODDS_TOLERANCE);
      order = { betId, userId, quote, language: options.language ?? 'en' };
    } catch (error) {
      await this.store.releaseKey(userId, idempotencyKey);
      throw error;
    }

    const receipt = await this.takeStake(order, idempotencyKey, fingerprint);
    if (Math.abs(receipt.amount - slip.stake) > 0.005) {
      // Only possible when a crashed attempt with this key debited another amount and its pending
      // mark has since expired: the key belongs to that other bet.
      await this.store.settleKey(userId, idempotencyKey, { state: 'unknown', fingerprint, betId });
      throw new IdempotencyKeyReusedError();
    }
    const bet = toRecord(order, receipt, this.placer.provider, options);
    try {
      await this.store.saveBet(bet, idempotencyKey, fingerprint);
    } catch (error) {
      await this.compensate(order, receipt, idempotencyKey, fingerprint, error);
    }
    this.logger.log({ msg: 'Bet placed', betId, userId, stake: bet.stake, legs: bet.legs.length, provider: bet.provider, origin: bet.origin });
    return { bet, replayed: false };
  }

  /** The bet an Idempotency-Key of the user made, once placed. */
  async findByKey(userId: string, idempotencyKey: string): Promise<BetRecord | undefined> {
    const slot = await this.store.readKey(userId, idempotencyKey);
    return slot?.state === 'done' ? this.store.getBet(slot.betId) : undefined;
  }

  /**
   * Takes the key, or waits for the request holding it. Returns the earlier bet when the key already
   * made one; undefined when this request now holds the key and must place the bet.
   */
  private async takeKey(userId: string, key: string, slot: IdempotencySlot): Promise<BetRecord | undefined> {
    const deadline = Date.now() + WAIT_FOR_PENDING_MS;
    for (;;) {
      const held = await this.store.claimKey(userId, key, slot);
      if (!held) return undefined;
      if (held.fingerprint !== slot.fingerprint) throw new IdempotencyKeyReusedError();
      if (held.state === 'done') {
        const bet = await this.store.getBet(held.betId);
        if (bet) return bet;
      }
      if (held.state === 'unknown') throw new PlacementOutcomeUnknownError();
      if (held.state === 'refunded') throw new PlacementRefundedError();
      if (Date.now() >= deadline) throw new PlacementInProgressError();
      await sleep(POLL_MS);
    }
  }

  /** Refuses a self-excluded user, a stake outside BET_MIN_STAKE–BET_MAX_STAKE and a currency the account does not hold. */
  async assertMayBet(userId: string, slip: BetSlip): Promise<void> {
    const limits = await this.ledger.getLimits(userId);
    if (limits.selfExcluded) throw new SelfExcludedError(limits.selfExcludedUntil);
    if (slip.stake < this.config.minStake || slip.stake > this.config.maxStake) {
      throw new StakeOutOfRangeError(slip.stake, this.config.minStake, this.config.maxStake);
    }
    if (slip.currency !== ACCOUNT_CURRENCY) throw new CurrencyMismatchError(slip.currency, ACCOUNT_CURRENCY);
  }

  private async takeStake(order: PlacementOrder, key: string, fingerprint: string): Promise<PlacementReceipt> {
    try {
      return await this.placer.place(order);
    } catch (error) {
      if (error instanceof PlacementOutcomeUnknownError) {
        await this.store.settleKey(order.userId, key, { state: 'unknown', fingerprint, betId: order.betId });
      } else {
        await this.store.releaseKey(order.userId, key);
      }
      throw error;
    }
  }

  /** The stake was taken but the bet could not be stored: give the stake back, and never reuse the key. */
  private async compensate(order: PlacementOrder, receipt: PlacementReceipt, key: string, fingerprint: string, cause: unknown): Promise<never> {
    const context = { betId: order.betId, userId: order.userId, amount: receipt.amount, cause: cause instanceof Error ? cause.message : String(cause) };
    let refunded = false;
    try {
      refunded = await this.placer.refund(order, receipt);
    } catch (error) {
      this.logger.error({ msg: 'Refund after a failed bet record failed; the stake needs reconciling', ...context, err: error });
    }
    if (!refunded) this.logger.error({ msg: 'A placed bet could not be recorded', ...context });
    else this.logger.warn({ msg: 'A bet could not be recorded; its stake was returned', ...context });
    await this.store
      .settleKey(order.userId, key, { state: refunded ? 'refunded' : 'unknown', fingerprint, betId: order.betId })
      .catch(() => undefined);
    throw refunded ? new PlacementRefundedError() : new PlacementOutcomeUnknownError();
  }
}

/** Every price must be within the tolerance of the one the user accepted, in either direction. */
function assertPricesHeld(slip: BetSlip, quote: BetQuote, tolerance: number): void {
  if (quote.voidLegs.length > 0) throw new BettingClosedError(quote.voidLegs.map((leg) => leg.matchId));
  const changes: MovedPrice[] = [];
  slip.selections.forEach((selection) => {
    const leg = quote.legs.find((l) => l.matchId === selection.matchId);
    const accepted = selection.acceptedOdds;
    if (!leg || accepted === undefined) return;
    if (Math.abs(leg.odds - accepted) / accepted > tolerance + 1e-9) {
      changes.push({
        match_id: leg.matchId,
        market: leg.market,
        selection: leg.selection,
        ...(leg.line !== undefined ? { line: leg.line } : {}),
        accepted_odds: accepted,
        current_odds: leg.odds,
      });
    }
  });
  if (changes.length > 0) throw new OddsChangedError(tolerance, changes);
}

function toRecord(order: PlacementOrder, receipt: PlacementReceipt, provider: BetRecord['provider'], options: PlaceOptions): BetRecord {
  const { quote } = order;
  const bet: BetRecord = {
    id: order.betId,
    userId: order.userId,
    status: 'accepted',
    type: quote.type,
    stake: quote.stake,
    currency: quote.currency,
    combinedOdds: quote.combinedOdds,
    potentialReturn: receipt.confirmedReturn ?? quote.potentialReturn,
    legs: quote.legs,
    placedAt: new Date().toISOString(),
    provider,
    origin: options.origin,
  };
  if (receipt.balanceAfter !== undefined) bet.balanceAfter = receipt.balanceAfter;
  if (receipt.providerBetId !== undefined) bet.providerBetId = receipt.providerBetId;
  if (receipt.ledgerEntryId !== undefined) bet.ledgerEntryId = receipt.ledgerEntryId;
  if (options.proposalId !== undefined) bet.proposalId = options.proposalId;
  return bet;
}

/**
 * The bet id follows from the user and the key, so every attempt with one key names the same bet
 * (and the same ledger debit), even one that starts after a crashed attempt's mark expired.
 */
export function betIdFor(userId: string, idempotencyKey: string): string {
  return `bet_${createHash('sha256').update(`${userId}\u0000${idempotencyKey}`).digest('base64url').slice(0, 24)}`;
}

/** What makes two requests "the same bet": stake, currency and selections with their accepted prices. */
function fingerprintOf(slip: BetSlip): string {
  const canonical = {
    stake: slip.stake,
    currency: slip.currency,
    selections: slip.selections.map((s) => [s.matchId, s.market, s.selection, s.line ?? null, s.acceptedOdds ?? null]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
