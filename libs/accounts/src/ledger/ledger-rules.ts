/**
 * What both ledger implementations share: input checks, the stored shapes, and turning the outcome
 * of a movement into a result or a typed error. The Redis Lua scripts and the memory ledger make the
 * same decisions in the same order; these functions are the one place that reads them.
 */
import { randomUUID } from 'node:crypto';
import {
  DailyLimitExceededError,
  InsufficientFundsError,
  InvalidLedgerRequestError,
  SelfExcludedError,
  UnknownUserError,
} from '../accounts.errors.js';
import type { GamblingLimits, LedgerEntry, LimitsChange, MovementResult } from './accounts-ledger.js';
import { assertKey, fromCents, toCents } from './money.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A day's stake total outlives its day by one, so a late read of yesterday still works. */
export const STAKED_TOTAL_TTL_SECONDS = 2 * 24 * 3600;
export const MAX_ENTRIES = 500;
export const INDEFINITE = 'indefinite';

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An entry as stored: cents, snake_case (the Redis script writes the same JSON). */
export interface StoredEntry {
  id: string;
  type: 'debit' | 'credit';
  amount: number;
  balance_after: number;
  reference: string;
  idempotency_key: string | null;
  at: string;
}

/** What a movement remembers under its idempotency key. */
export interface StoredMovement {
  entry_id: string;
  amount: number;
  balance_after: number;
}

/** Limits as stored: cents, and the end of a self-exclusion in epoch ms (or indefinite). */
export interface StoredLimits {
  dailyLimitCents: number | null;
  excludedUntil: number | typeof INDEFINITE | null;
}

export type MovementOutcome =
  | { kind: 'applied' | 'replayed'; movement: StoredMovement }
  | { kind: 'unknown_user' }
  | { kind: 'self_excluded'; excludedUntil: number | typeof INDEFINITE }
  | { kind: 'insufficient_funds'; balanceCents: number }
  | { kind: 'daily_limit'; limitCents: number; stakedCents: number };

export interface PreparedMovement {
  cents: number;
  entryId: string;
  reference: string;
  idempotencyKey: string | null;
  now: number;
}

export function assertUserId(userId: string): void {
  if (typeof userId !== 'string' || !USER_ID.test(userId)) throw new InvalidLedgerRequestError('userId must be 1-64 characters of A-Z, a-z, 0-9, _ or -');
}

export function prepareMovement(userId: string, amount: number, reference: string, idempotencyKey: string | undefined, now: number): PreparedMovement {
  assertUserId(userId);
  const cents = toCents(amount);
  assertKey(reference, 'reference');
  if (idempotencyKey !== undefined) assertKey(idempotencyKey, 'idempotencyKey');
  return { cents, entryId: `le_${randomUUID()}`, reference, idempotencyKey: idempotencyKey ?? null, now };
}

export function entryOf(movement: PreparedMovement, type: StoredEntry['type'], balanceAfterCents: number): StoredEntry {
  return {
    id: movement.entryId,
    type,
    amount: movement.cents,
    balance_after: balanceAfterCents,
    reference: movement.reference,
    idempotency_key: movement.idempotencyKey,
    at: new Date(movement.now).toISOString(),
  };
}

/** The result of a movement, or the typed error that explains why it was refused. */
export function settle(userId: string, outcome: MovementOutcome, requestedCents: number): MovementResult {
  switch (outcome.kind) {
    case 'applied':
    case 'replayed':
      return {
        applied: outcome.kind === 'applied',
        entryId: outcome.movement.entry_id,
        amount: fromCents(outcome.movement.amount),
        balanceAfter: fromCents(outcome.movement.balance_after),
      };
    case 'unknown_user':
      throw new UnknownUserError(userId);
    case 'self_excluded':
      throw new SelfExcludedError(exclusionEnd(outcome.excludedUntil));
    case 'insufficient_funds':
      throw new InsufficientFundsError(fromCents(outcome.balanceCents), fromCents(requestedCents));
    case 'daily_limit':
      throw new DailyLimitExceededError(fromCents(outcome.limitCents), fromCents(outcome.stakedCents), fromCents(requestedCents));
  }
}

export function toEntry(stored: StoredEntry): LedgerEntry {
  return {
    id: stored.id,
    type: stored.type,
    amount: fromCents(stored.amount),
    balanceAfter: fromCents(stored.balance_after),
    reference: stored.reference,
    idempotencyKey: stored.idempotency_key ?? null,
    at: stored.at,
  };
}

export function entriesLimit(limit: number | undefined): number {
  if (limit === undefined) return 50;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidLedgerRequestError(`limit must be an integer from 1 to ${MAX_ENTRIES}`);
  return Math.min(limit, MAX_ENTRIES);
}

export function isExcluded(excludedUntil: StoredLimits['excludedUntil'], now: number): boolean {
  return excludedUntil === INDEFINITE || (typeof excludedUntil === 'number' && excludedUntil > now);
}

export function exclusionEnd(excludedUntil: number | typeof INDEFINITE): string | null {
  return excludedUntil === INDEFINITE ? null : new Date(excludedUntil).toISOString();
}

export function describeLimits(stored: StoredLimits, now: number): GamblingLimits {
  const excluded = isExcluded(stored.excludedUntil, now);
  return {
    dailyStakeLimit: stored.dailyLimitCents === null ? null : fromCents(stored.dailyLimitCents),
    selfExcluded: excluded,
    selfExcludedUntil: excluded && stored.excludedUntil !== INDEFINITE && stored.excludedUntil !== null ? new Date(stored.excludedUntil).toISOString() : null,
  };
}

/** A change in the stored units: `keep` leaves a field alone. */
export interface EncodedLimitsChange {
  dailyLimit: 'keep' | 'clear' | number;
  exclusion: 'keep' | 'lift' | typeof INDEFINITE | number;
}

export function encodeLimitsChange(change: LimitsChange): EncodedLimitsChange {
  let dailyLimit: EncodedLimitsChange['dailyLimit'] = 'keep';
  if (change.dailyStakeLimit === null) dailyLimit = 'clear';
  else if (change.dailyStakeLimit !== undefined) dailyLimit = toCents(change.dailyStakeLimit, 'dailyStakeLimit', { allowZero: true });
  let exclusion: EncodedLimitsChange['exclusion'] = 'keep';
  if (change.selfExcludedUntil === null) exclusion = 'lift';
  else if (change.selfExcludedUntil === INDEFINITE) exclusion = INDEFINITE;
  else if (change.selfExcludedUntil instanceof Date) {
    const until = change.selfExcludedUntil.getTime();
    if (!Number.isFinite(until)) throw new InvalidLedgerRequestError('selfExcludedUntil must be a valid date');
    exclusion = until;
  }
  return { dailyLimit, exclusion };
}

/**
 * The limits after a change, or the refusal: a running exclusion cannot be lifted, and a new end
 * never shortens it. Used by the memory ledger; the Redis script applies the same rules.
 */
export function applyLimitsChange(current: StoredLimits, change: EncodedLimitsChange, now: number): StoredLimits | { refused: number | typeof INDEFINITE } {
  const next: StoredLimits = { ...current };
  const running = isExcluded(current.excludedUntil, now) ? (current.excludedUntil as number | typeof INDEFINITE) : null;
  if (change.exclusion === 'lift') {
    if (running !== null) return { refused: running };
    next.excludedUntil = null;
  } else if (change.exclusion !== 'keep') {
    const longer = running === INDEFINITE || (running !== null && change.exclusion !== INDEFINITE && change.exclusion <= running);
    if (!longer) next.excludedUntil = change.exclusion;
  }
  if (change.dailyLimit === 'clear') next.dailyLimitCents = null;
  else if (change.dailyLimit !== 'keep') next.dailyLimitCents = change.dailyLimit;
  return next;
}

/** Refusal to end a running self-exclusion early. */
export function liftRefused(excludedUntil: number | typeof INDEFINITE): SelfExcludedError {
  const until = exclusionEnd(excludedUntil);
  return new SelfExcludedError(
    until,
    `A self-exclusion cannot be ended early: it runs ${until === null ? 'until an operator lifts it' : `until ${until}`}. Free and confidential help is available at begambleaware.org or jugarbien.es.`,
  );
}
