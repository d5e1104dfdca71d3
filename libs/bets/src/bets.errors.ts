import { DomainError } from '@app/common';
import type { MarketCode } from '@app/sports-data';

/** A bet request that cannot be priced or placed as asked; `field` names what to change. */
export class InvalidBetError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_BET';
  override readonly details: { field: string };

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.details = { field };
  }
}

/** The selection is not one of the market's outcomes; the valid ones are listed. */
export class UnknownSelectionError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'UNKNOWN_SELECTION';
  override readonly details: { field: string; market: MarketCode; selection: string; validSelections: string[] };

  constructor(field: string, market: MarketCode, selection: string, validSelections: string[]) {
    super(`${field}: "${selection}" is not a selection of the ${market} market; valid selections: ${validSelections.join(', ')}`);
    this.details = { field, market, selection, validSelections };
  }
}

/** Every selection's fixture is finished or closed to betting. */
export class BettingClosedError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'BETTING_CLOSED';
  override readonly details: { matchIds: string[] };

  constructor(matchIds: string[]) {
    super(`Betting is closed on ${matchIds.map((id) => `match ${id}`).join(', ')}`);
    this.details = { matchIds };
  }
}

export interface MovedPrice {
  match_id: string;
  market: MarketCode;
  selection: string;
  line?: number;
  accepted_odds: number;
  current_odds: number;
}

/** A price moved further than the accepted tolerance between quote and placement; nothing was placed. */
export class OddsChangedError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'ODDS_CHANGED';
  override readonly details: { tolerance: number; changes: MovedPrice[] };

  constructor(tolerance: number, changes: MovedPrice[]) {
    super('The odds changed since they were shown; review the new prices and place the bet again');
    this.details = { tolerance, changes };
  }
}

/** The stake is outside the range this service accepts for one bet (BET_MIN_STAKE–BET_MAX_STAKE). */
export class StakeOutOfRangeError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'STAKE_OUT_OF_RANGE';
  override readonly details: { field: 'stake'; minStake: number; maxStake: number };

  constructor(stake: number, minStake: number, maxStake: number) {
    super(`stake must be from ${minStake} to ${maxStake} (got ${stake})`);
    this.details = { field: 'stake', minStake, maxStake };
  }
}

/** The stake's currency is not the one the account holds. */
export class CurrencyMismatchError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'CURRENCY_MISMATCH';
  override readonly details: { field: 'currency'; accountCurrency: string };

  constructor(currency: string, accountCurrency: string) {
    super(`currency must be the account's currency ${accountCurrency} (got ${currency})`);
    this.details = { field: 'currency', accountCurrency };
  }
}

/** The Idempotency-Key header is missing or not 1-64 safe characters. */
export class IdempotencyKeyError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'IDEMPOTENCY_KEY_REQUIRED';
  override readonly details = { header: 'Idempotency-Key' };

  constructor(given: boolean) {
    super(
      given
        ? 'Idempotency-Key must be 1-64 characters of A-Z, a-z, 0-9, _, -, . or :'
        : 'The Idempotency-Key header is required: send a unique value per bet and repeat it when retrying',
    );
  }
}

/** The idempotency key was already used for a different bet. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  override readonly details = { header: 'Idempotency-Key' };

  constructor() {
    super('This Idempotency-Key was already used for a different bet; use a new key for a new bet');
  }
}

/** An earlier request with this key is still being placed. */
export class PlacementInProgressError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'PLACEMENT_IN_PROGRESS';
  override readonly retryAfterSeconds = 2;

  constructor() {
    super('A bet with this Idempotency-Key is still being placed; retry shortly to get its result');
  }
}

/** The upstream did not say whether it took the bet: retrying blindly could place it twice. */
export class PlacementOutcomeUnknownError extends DomainError {
  readonly httpStatus = 502;
  readonly code = 'PLACEMENT_OUTCOME_UNKNOWN';

  constructor() {
    super('The bookmaker did not confirm whether this bet was placed; check your bets before placing it again with a new Idempotency-Key');
  }
}

export class BetNotFoundError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'BET_NOT_FOUND';

  constructor(betId: string) {
    super(`Unknown bet "${betId}"`);
  }
}

/** Unknown, expired, or someone else's proposal: the three are answered alike so ids cannot be probed. */
export class ProposalNotFoundError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'PROPOSAL_NOT_FOUND';

  constructor(proposalId: string) {
    super(`Unknown or expired bet proposal "${proposalId}"`);
  }
}

/** The proposal was already confirmed with another Idempotency-Key. */
export class ProposalAlreadyConfirmedError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'PROPOSAL_ALREADY_CONFIRMED';
  override readonly details: { betId?: string };

  constructor(betId: string | undefined) {
    super('This proposal has already been confirmed');
    this.details = betId === undefined ? {} : { betId };
  }
}

/** The bookmaker refused the bet (its own checks: balance, limits, closed market). Nothing was placed. */
export class BetRejectedError extends DomainError {
  readonly httpStatus = 422;
  readonly code = 'BET_REJECTED';

  constructor(message = 'The bookmaker refused the bet; nothing was placed') {
    super(message);
  }
}

/** Bets cannot be read or written right now (Redis is away); nothing was placed. */
export class BetStoreUnavailableError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'BETS_UNAVAILABLE';
  override readonly retryAfterSeconds = 5;

  constructor() {
    super('Bets are temporarily unavailable; please try again shortly');
  }
}

/** The stake was taken but the bet could not be recorded, so the stake was returned. */
export class PlacementRefundedError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'PLACEMENT_REFUNDED';

  constructor() {
    super('The bet could not be recorded and its stake was returned; place it again with a new Idempotency-Key');
  }
}
