/**
 * The money side of accounts: balances, an append-only list of entries per user, idempotent and
 * atomic debits (stakes) and credits, the running total staked today, and the responsible-gambling
 * limits that debits are checked against. Amounts are euros with at most two decimals; the
 * implementations keep integer cents.
 */

export interface LedgerBalance {
  userId: string;
  currency: 'EUR';
  /** Money the user can stake now. */
  available: number;
  /** Stakes debited today (UTC day). */
  stakedToday: number;
  /** ISO-8601 instant of the last movement. */
  updatedAt: string;
}

export interface DebitOptions {
  /** The same key debits once: a repeat returns the first result with `applied: false` (kept 24 h). */
  idempotencyKey: string;
  /** What the money is for, e.g. a bet id; stored on the entry. */
  reference: string;
  /** Stakes: also refuse the debit when it would pass the user's daily stake limit. */
  dailyLimitCheck?: boolean;
}

export interface CreditOptions {
  /** Like a debit's: the same key credits once (settling a bet twice must not pay twice). */
  idempotencyKey?: string;
}

export interface MovementResult {
  /** False when the idempotency key had been used: the fields are then those of the first call. */
  applied: boolean;
  entryId: string;
  amount: number;
  balanceAfter: number;
}

export interface LedgerEntry {
  id: string;
  type: 'debit' | 'credit';
  amount: number;
  balanceAfter: number;
  reference: string;
  idempotencyKey: string | null;
  /** ISO-8601 instant. */
  at: string;
}

export interface GamblingLimits {
  /** Most that may be staked per UTC day; null when the user set none. */
  dailyStakeLimit: number | null;
  selfExcluded: boolean;
  /** End of the self-exclusion; null while excluded means indefinitely. */
  selfExcludedUntil: string | null;
}

export interface LimitsChange {
  /** A number sets the limit (lower or higher, at once); null removes it; undefined leaves it. */
  dailyStakeLimit?: number | null;
  /**
   * A date or `indefinite` starts (or extends) a self-exclusion; null asks to end it, which is
   * refused while one is running. An exclusion is never shortened.
   */
  selfExcludedUntil?: Date | 'indefinite' | null;
}

/**
 * DI token of the ledger: `RedisAccountsLedger` when Redis is configured (shared by every
 * instance; each movement is one Lua script), `MemoryAccountsLedger` otherwise (one instance).
 */
export abstract class AccountsLedger {
  abstract readonly mode: 'redis' | 'memory';

  /** Creates the account with its opening balance unless it exists; `opened` says which. */
  abstract openAccount(userId: string, openingBalance: number): Promise<{ opened: boolean }>;

  /** Throws UnknownUserError for an account never opened. */
  abstract getBalance(userId: string): Promise<LedgerBalance>;

  /**
   * Takes `amount` from the balance in one atomic step: replays a used idempotency key, refuses a
   * self-excluded user (SelfExcludedError), a balance below the amount (InsufficientFundsError),
   * and with `dailyLimitCheck` a stake over the day's limit (DailyLimitExceededError); otherwise
   * debits, appends the entry, records the key and adds the amount to today's stakes.
   */
  abstract debit(userId: string, amount: number, options: DebitOptions): Promise<MovementResult>;

  /** Adds `amount` (winnings, refunds, deposits); idempotent when given a key. */
  abstract credit(userId: string, amount: number, reference: string, options?: CreditOptions): Promise<MovementResult>;

  /** The latest entries, newest first (1-500). */
  abstract entries(userId: string, limit?: number): Promise<LedgerEntry[]>;

  /** Total debited today (UTC). */
  abstract stakedToday(userId: string): Promise<number>;

  abstract getLimits(userId: string): Promise<GamblingLimits>;

  /** Applies a change atomically; throws SelfExcludedError when asked to end a running exclusion. */
  abstract setLimits(userId: string, change: LimitsChange): Promise<GamblingLimits>;
}
