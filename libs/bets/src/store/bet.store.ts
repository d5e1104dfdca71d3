import type { BetRecord } from '../bet.types.js';

/**
 * What an Idempotency-Key of a user stands for: the request it first came with (`fingerprint`), the
 * bet it makes (`betId`) and how far that got.
 * - `pending`: being placed now; other requests with the key wait for it.
 * - `done`: placed; the same request again gets the stored bet.
 * - `unknown`: the bookmaker did not confirm either way, so the key is not reused blindly.
 * - `refunded`: the stake was taken but the bet could not be recorded, so the stake was returned.
 */
export interface IdempotencySlot {
  state: 'pending' | 'done' | 'unknown' | 'refunded';
  fingerprint: string;
  betId: string;
}

export interface BetPage {
  bets: BetRecord[];
  total: number;
}

/** How long a pending key holds before another request may take it over (a crashed placement). */
export const PENDING_KEY_TTL_MS = 60_000;
/** How long a key is remembered once its request has an outcome. */
export const SETTLED_KEY_TTL_MS = 24 * 3600 * 1000;

/** Placed bets, indexed by user, and the idempotency keys that made them. */
export abstract class BetStore {
  abstract readonly kind: 'redis' | 'memory';

  /** Takes the key for a new request; returns the slot another request holds when it is taken. */
  abstract claimKey(userId: string, key: string, slot: IdempotencySlot): Promise<IdempotencySlot | undefined>;

  abstract readKey(userId: string, key: string): Promise<IdempotencySlot | undefined>;

  /** Records the outcome of a key whose bet will not be stored (`unknown`, `refunded`). */
  abstract settleKey(userId: string, key: string, slot: IdempotencySlot): Promise<void>;

  /** Forgets a key whose request failed before anything was taken, so it can be used again. */
  abstract releaseKey(userId: string, key: string): Promise<void>;

  /** Stores a placed bet, indexes it under its user and marks its key done, all in one step. */
  abstract saveBet(bet: BetRecord, key: string, fingerprint: string): Promise<void>;

  abstract getBet(betId: string): Promise<BetRecord | undefined>;

  /** A user's bets, most recent first. */
  abstract listBets(userId: string, offset: number, limit: number): Promise<BetPage>;
}
