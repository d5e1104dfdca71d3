import { AccountsLedger, type CreditOptions, type DebitOptions, type GamblingLimits, type LedgerBalance, type LedgerEntry, type LimitsChange, type MovementResult } from './accounts-ledger.js';
import {
  applyLimitsChange,
  assertUserId,
  describeLimits,
  encodeLimitsChange,
  entriesLimit,
  entryOf,
  IDEMPOTENCY_TTL_SECONDS,
  isExcluded,
  liftRefused,
  type MovementOutcome,
  type PreparedMovement,
  prepareMovement,
  settle,
  type StoredEntry,
  type StoredLimits,
  type StoredMovement,
  toEntry,
} from './ledger-rules.js';
import { fromCents, stakeDay, toCents } from './money.js';
import { UnknownUserError } from '../accounts.errors.js';

interface Account {
  balanceCents: number;
  updatedAt: string;
  /** Newest first, like the Redis list. */
  entries: StoredEntry[];
}

const SWEEP_EVERY_MS = 60_000;

/**
 * The ledger of a single instance without Redis. Every method does its checks and changes without
 * awaiting in between, so concurrent calls cannot interleave inside one movement: the same
 * guarantees as the Redis script, for one process.
 */
export class MemoryAccountsLedger extends AccountsLedger {
  readonly mode = 'memory' as const;
  private readonly accounts = new Map<string, Account>();
  private readonly limits = new Map<string, StoredLimits>();
  /** `${userId}|${day}` → cents staked that UTC day. */
  private readonly staked = new Map<string, number>();
  /** `${userId}|${kind}|${key}` → first result, until it expires. */
  private readonly idempotency = new Map<string, { movement: StoredMovement; expiresAt: number }>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(options: { now?: () => number } = {}) {
    super();
    this.now = options.now ?? Date.now;
  }

  async openAccount(userId: string, openingBalance: number): Promise<{ opened: boolean }> {
    assertUserId(userId);
    const cents = toCents(openingBalance, 'openingBalance', { allowZero: true });
    if (this.accounts.has(userId)) return { opened: false };
    const at = new Date(this.now()).toISOString();
    const opening: StoredEntry = { id: `le_open_${userId}`, type: 'credit', amount: cents, balance_after: cents, reference: 'opening-balance', idempotency_key: null, at };
    this.accounts.set(userId, { balanceCents: cents, updatedAt: at, entries: [opening] });
    return { opened: true };
  }

  async getBalance(userId: string): Promise<LedgerBalance> {
    const account = this.account(userId);
    return { userId, currency: 'EUR', available: fromCents(account.balanceCents), stakedToday: fromCents(this.stakedCents(userId)), updatedAt: account.updatedAt };
  }

  async debit(userId: string, amount: number, options: DebitOptions): Promise<MovementResult> {
    const movement = prepareMovement(userId, amount, options.reference, options.idempotencyKey, this.now());
    return settle(userId, this.applyDebit(userId, movement, options.dailyLimitCheck === true), movement.cents);
  }

  async credit(userId: string, amount: number, reference: string, options: CreditOptions = {}): Promise<MovementResult> {
    const movement = prepareMovement(userId, amount, reference, options.idempotencyKey, this.now());
    return settle(userId, this.applyCredit(userId, movement), movement.cents);
  }

  async entries(userId: string, limit?: number): Promise<LedgerEntry[]> {
    const count = entriesLimit(limit);
    return this.account(userId).entries.slice(0, count).map(toEntry);
  }

  async stakedToday(userId: string): Promise<number> {
    assertUserId(userId);
    return fromCents(this.stakedCents(userId));
  }

  async getLimits(userId: string): Promise<GamblingLimits> {
    assertUserId(userId);
    return describeLimits(this.storedLimits(userId), this.now());
  }

  async setLimits(userId: string, change: LimitsChange): Promise<GamblingLimits> {
    assertUserId(userId);
    const encoded = encodeLimitsChange(change);
    const now = this.now();
    const next = applyLimitsChange(this.storedLimits(userId), encoded, now);
    if ('refused' in next) throw liftRefused(next.refused);
    this.limits.set(userId, next);
    return describeLimits(next, now);
  }

  // The same steps, in the same order, as the Redis DEBIT script.
  private applyDebit(userId: string, movement: PreparedMovement, checkDailyLimit: boolean): MovementOutcome {
    this.sweep(movement.now);
    const idempotencyKey = this.idempotencyKeyOf(userId, 'debit', movement);
    const replay = this.replay(idempotencyKey, movement.now);
    if (replay) return { kind: 'replayed', movement: replay };
    const account = this.accounts.get(userId);
    if (!account) return { kind: 'unknown_user' };
    const limits = this.storedLimits(userId);
    if (isExcluded(limits.excludedUntil, movement.now)) return { kind: 'self_excluded', excludedUntil: limits.excludedUntil as number | 'indefinite' };
    if (account.balanceCents < movement.cents) return { kind: 'insufficient_funds', balanceCents: account.balanceCents };
    const stakedKey = `${userId}|${stakeDay(movement.now)}`;
    const staked = this.staked.get(stakedKey) ?? 0;
    if (checkDailyLimit && limits.dailyLimitCents !== null && staked + movement.cents > limits.dailyLimitCents) {
      return { kind: 'daily_limit', limitCents: limits.dailyLimitCents, stakedCents: staked };
    }
    account.balanceCents -= movement.cents;
    return { kind: 'applied', movement: this.record(account, movement, 'debit', idempotencyKey, () => this.staked.set(stakedKey, staked + movement.cents)) };
  }

  private applyCredit(userId: string, movement: PreparedMovement): MovementOutcome {
    this.sweep(movement.now);
    const idempotencyKey = this.idempotencyKeyOf(userId, 'credit', movement);
    const replay = this.replay(idempotencyKey, movement.now);
    if (replay) return { kind: 'replayed', movement: replay };
    const account = this.accounts.get(userId);
    if (!account) return { kind: 'unknown_user' };
    account.balanceCents += movement.cents;
    return { kind: 'applied', movement: this.record(account, movement, 'credit', idempotencyKey) };
  }

  private record(account: Account, movement: PreparedMovement, type: StoredEntry['type'], idempotencyKey: string | undefined, after?: () => void): StoredMovement {
    const entry = entryOf(movement, type, account.balanceCents);
    account.entries.unshift(entry);
    account.updatedAt = entry.at;
    const stored: StoredMovement = { entry_id: entry.id, amount: entry.amount, balance_after: entry.balance_after };
    if (idempotencyKey) this.idempotency.set(idempotencyKey, { movement: stored, expiresAt: movement.now + IDEMPOTENCY_TTL_SECONDS * 1000 });
    after?.();
    return stored;
  }

  private idempotencyKeyOf(userId: string, kind: 'debit' | 'credit', movement: PreparedMovement): string | undefined {
    return movement.idempotencyKey === null ? undefined : `${userId}|${kind}|${movement.idempotencyKey}`;
  }

  private replay(key: string | undefined, now: number): StoredMovement | undefined {
    if (!key) return undefined;
    const found = this.idempotency.get(key);
    return found && found.expiresAt > now ? found.movement : undefined;
  }

  private account(userId: string): Account {
    assertUserId(userId);
    const account = this.accounts.get(userId);
    if (!account) throw new UnknownUserError(userId);
    return account;
  }

  private stakedCents(userId: string): number {
    return this.staked.get(`${userId}|${stakeDay(this.now())}`) ?? 0;
  }

  private storedLimits(userId: string): StoredLimits {
    return this.limits.get(userId) ?? { dailyLimitCents: null, excludedUntil: null };
  }

  /** Forgets expired idempotency keys and stake totals of past days, now and then. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, value] of this.idempotency) if (value.expiresAt <= now) this.idempotency.delete(key);
    const today = stakeDay(now);
    const yesterday = stakeDay(now - 24 * 3600 * 1000);
    for (const key of this.staked.keys()) {
      const day = key.slice(key.lastIndexOf('|') + 1);
      if (day !== today && day !== yesterday) this.staked.delete(key);
    }
  }
}
