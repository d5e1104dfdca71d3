import { Logger } from '@nestjs/common';
import { isDomainError } from '@app/common';
import { RedisService, withTimeout } from '@app/redis';
import { AccountsUnavailableError, UnknownUserError } from '../accounts.errors.js';
import { AccountsLedger, type CreditOptions, type DebitOptions, type GamblingLimits, type LedgerBalance, type LedgerEntry, type LimitsChange, type MovementResult } from './accounts-ledger.js';
import {
  assertUserId,
  describeLimits,
  encodeLimitsChange,
  entriesLimit,
  entryOf,
  IDEMPOTENCY_TTL_SECONDS,
  INDEFINITE,
  liftRefused,
  type MovementOutcome,
  prepareMovement,
  settle,
  STAKED_TOTAL_TTL_SECONDS,
  type StoredEntry,
  type StoredLimits,
  type StoredMovement,
  toEntry,
} from './ledger-rules.js';
import { fromCents, stakeDay, toCents } from './money.js';

// Scripts run whole or not at all and nothing else runs meanwhile, so each movement's checks and
// writes see one consistent account. Keys of one user share the hash tag {userId}, so the scripts
// would also run on a Redis Cluster. Numbers cross as strings; balances are integer cents.

/** Opens an account with its opening balance unless it exists. KEYS: account, entries. ARGV: cents, now ISO, opening entry JSON. */
const OPEN = `
if redis.call('HSETNX', KEYS[1], 'balance', ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'opened_at', ARGV[2], 'updated_at', ARGV[2])
redis.call('LPUSH', KEYS[2], ARGV[3])
return 1
`;

/**
 * KEYS: account, idempotency, limits, today's staked total, entries.
 * ARGV: cents, entry id, reference, idempotency key, now ms, check daily limit (1/0), idempotency TTL s, staked TTL s, now ISO.
 */
const DEBIT = `
local done = redis.call('GET', KEYS[2])
if done then return {'replayed', done} end
local balance = redis.call('HGET', KEYS[1], 'balance')
if not balance then return {'unknown_user'} end
balance = tonumber(balance)
local amount = tonumber(ARGV[1])
local limits = redis.call('HMGET', KEYS[3], 'daily_limit', 'excluded_until')
local excluded = limits[2]
if excluded and (excluded == 'indefinite' or tonumber(excluded) > tonumber(ARGV[5])) then return {'self_excluded', excluded} end
if balance < amount then return {'insufficient_funds', tostring(balance)} end
local staked = tonumber(redis.call('GET', KEYS[4]) or '0')
if ARGV[6] == '1' and limits[1] and staked + amount > tonumber(limits[1]) then
  return {'daily_limit', limits[1], tostring(staked)}
end
local after = redis.call('HINCRBY', KEYS[1], 'balance', -amount)
redis.call('HSET', KEYS[1], 'updated_at', ARGV[9])
local key = cjson.null
if ARGV[4] ~= '' then key = ARGV[4] end
redis.call('LPUSH', KEYS[5], cjson.encode({id = ARGV[2], type = 'debit', amount = amount, balance_after = after, reference = ARGV[3], idempotency_key = key, at = ARGV[9]}))
local result = cjson.encode({entry_id = ARGV[2], amount = amount, balance_after = after})
redis.call('SET', KEYS[2], result, 'EX', ARGV[7])
redis.call('INCRBY', KEYS[4], amount)
redis.call('EXPIRE', KEYS[4], ARGV[8])
return {'applied', result}
`;

/** KEYS: account, idempotency, entries. ARGV: cents, entry id, reference, idempotency key ('' for none), idempotency TTL s, now ISO. */
const CREDIT = `
if ARGV[4] ~= '' then
  local done = redis.call('GET', KEYS[2])
  if done then return {'replayed', done} end
end
if redis.call('HEXISTS', KEYS[1], 'balance') == 0 then return {'unknown_user'} end
local amount = tonumber(ARGV[1])
local after = redis.call('HINCRBY', KEYS[1], 'balance', amount)
redis.call('HSET', KEYS[1], 'updated_at', ARGV[6])
local key = cjson.null
if ARGV[4] ~= '' then key = ARGV[4] end
redis.call('LPUSH', KEYS[3], cjson.encode({id = ARGV[2], type = 'credit', amount = amount, balance_after = after, reference = ARGV[3], idempotency_key = key, at = ARGV[6]}))
local result = cjson.encode({entry_id = ARGV[2], amount = amount, balance_after = after})
if ARGV[4] ~= '' then redis.call('SET', KEYS[2], result, 'EX', ARGV[5]) end
return {'applied', result}
`;

/**
 * KEYS: limits. ARGV: daily limit (keep | clear | cents), exclusion (keep | lift | indefinite | end ms), now ms.
 * A running exclusion is never lifted nor shortened (the same rules as applyLimitsChange).
 */
const SET_LIMITS = `
local now = tonumber(ARGV[3])
local current = redis.call('HGET', KEYS[1], 'excluded_until')
local running = false
if current and (current == 'indefinite' or tonumber(current) > now) then running = current end
if ARGV[2] == 'lift' then
  if running then return {'refused', running} end
  redis.call('HDEL', KEYS[1], 'excluded_until')
elseif ARGV[2] ~= 'keep' then
  local longer = running == 'indefinite' or (running and ARGV[2] ~= 'indefinite' and tonumber(ARGV[2]) <= tonumber(running))
  if not longer then redis.call('HSET', KEYS[1], 'excluded_until', ARGV[2]) end
end
if ARGV[1] == 'clear' then redis.call('HDEL', KEYS[1], 'daily_limit')
elseif ARGV[1] ~= 'keep' then redis.call('HSET', KEYS[1], 'daily_limit', ARGV[1]) end
local after = redis.call('HMGET', KEYS[1], 'daily_limit', 'excluded_until')
return {'ok', after[1] or '', after[2] or ''}
`;

const COMMAND_TIMEOUT_MS = 2_000;

/**
 * The ledger on Redis, shared by every instance. Money is never moved on a guess: when Redis cannot
 * be reached the call fails with AccountsUnavailableError (503). A debit that timed out may still
 * have been applied; repeating it with the same idempotency key is always safe.
 */
export class RedisAccountsLedger extends AccountsLedger {
  readonly mode = 'redis' as const;
  private readonly logger = new Logger(RedisAccountsLedger.name);

  constructor(
    private readonly redis: RedisService,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async openAccount(userId: string, openingBalance: number): Promise<{ opened: boolean }> {
    assertUserId(userId);
    const cents = toCents(openingBalance, 'openingBalance', { allowZero: true });
    const at = new Date(this.now()).toISOString();
    const opening: StoredEntry = { id: `le_open_${userId}`, type: 'credit', amount: cents, balance_after: cents, reference: 'opening-balance', idempotency_key: null, at };
    const opened = await this.eval(OPEN, [this.key(userId, 'account'), this.key(userId, 'entries')], [String(cents), at, JSON.stringify(opening)]);
    return { opened: Number(opened) === 1 };
  }

  async getBalance(userId: string): Promise<LedgerBalance> {
    assertUserId(userId);
    const [[balance, updatedAt], staked] = await this.command(() =>
      Promise.all([this.redis.raw.hmGet(this.key(userId, 'account'), ['balance', 'updated_at']), this.redis.raw.get(this.stakedKey(userId, this.now()))]),
    );
    if (balance === null || balance === undefined) throw new UnknownUserError(userId);
    return { userId, currency: 'EUR', available: fromCents(Number(balance)), stakedToday: fromCents(Number(staked ?? 0)), updatedAt: updatedAt ?? new Date(0).toISOString() };
  }

  async debit(userId: string, amount: number, options: DebitOptions): Promise<MovementResult> {
    const movement = prepareMovement(userId, amount, options.reference, options.idempotencyKey, this.now());
    const reply = await this.eval(
      DEBIT,
      [
        this.key(userId, 'account'),
        this.key(userId, 'idempotency', 'debit', movement.idempotencyKey ?? ''),
        this.key(userId, 'limits'),
        this.stakedKey(userId, movement.now),
        this.key(userId, 'entries'),
      ],
      [
        String(movement.cents),
        movement.entryId,
        movement.reference,
        movement.idempotencyKey ?? '',
        String(movement.now),
        options.dailyLimitCheck === true ? '1' : '0',
        String(IDEMPOTENCY_TTL_SECONDS),
        String(STAKED_TOTAL_TTL_SECONDS),
        entryOf(movement, 'debit', 0).at,
      ],
    );
    return settle(userId, outcomeOf(reply), movement.cents);
  }

  async credit(userId: string, amount: number, reference: string, options: CreditOptions = {}): Promise<MovementResult> {
    const movement = prepareMovement(userId, amount, reference, options.idempotencyKey, this.now());
    const reply = await this.eval(
      CREDIT,
      [this.key(userId, 'account'), this.key(userId, 'idempotency', 'credit', movement.idempotencyKey ?? ''), this.key(userId, 'entries')],
      [String(movement.cents), movement.entryId, movement.reference, movement.idempotencyKey ?? '', String(IDEMPOTENCY_TTL_SECONDS), entryOf(movement, 'credit', 0).at],
    );
    return settle(userId, outcomeOf(reply), movement.cents);
  }

  async entries(userId: string, limit?: number): Promise<LedgerEntry[]> {
    assertUserId(userId);
    const count = entriesLimit(limit);
    const [exists, raw] = await this.command(() =>
      Promise.all([this.redis.raw.exists(this.key(userId, 'account')), this.redis.raw.lRange(this.key(userId, 'entries'), 0, count - 1)]),
    );
    if (Number(exists) === 0) throw new UnknownUserError(userId);
    return raw.map((item) => toEntry(JSON.parse(item) as StoredEntry));
  }

  async stakedToday(userId: string): Promise<number> {
    assertUserId(userId);
    const staked = await this.command(() => this.redis.raw.get(this.stakedKey(userId, this.now())));
    return fromCents(Number(staked ?? 0));
  }

  async getLimits(userId: string): Promise<GamblingLimits> {
    assertUserId(userId);
    const [daily, excluded] = await this.command(() => this.redis.raw.hmGet(this.key(userId, 'limits'), ['daily_limit', 'excluded_until']));
    return describeLimits(storedLimits(daily ?? '', excluded ?? ''), this.now());
  }

  async setLimits(userId: string, change: LimitsChange): Promise<GamblingLimits> {
    assertUserId(userId);
    const encoded = encodeLimitsChange(change);
    const now = this.now();
    const reply = (await this.eval(SET_LIMITS, [this.key(userId, 'limits')], [String(encoded.dailyLimit), String(encoded.exclusion), String(now)])) as string[];
    if (reply[0] === 'refused') throw liftRefused(reply[1] === INDEFINITE ? INDEFINITE : Number(reply[1]));
    return describeLimits(storedLimits(reply[1], reply[2]), now);
  }

  private key(userId: string, ...parts: string[]): string {
    return this.redis.key('accounts', `{${userId}}`, ...parts);
  }

  private stakedKey(userId: string, now: number): string {
    return this.key(userId, 'staked', stakeDay(now));
  }

  private eval(script: string, keys: string[], args: string[]): Promise<unknown> {
    // EVAL rather than EVALSHA: Redis caches the compiled script by its hash either way, and the
    // few hundred bytes per call are not worth a second code path.
    return this.command(() => this.redis.raw.eval(script, { keys, arguments: args }));
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    if (!this.redis.isReady) throw new AccountsUnavailableError();
    try {
      return await withTimeout(run(), COMMAND_TIMEOUT_MS, 'Accounts ledger command timed out');
    } catch (error) {
      if (isDomainError(error)) throw error;
      this.logger.error({ msg: 'Accounts ledger command failed', err: error });
      throw new AccountsUnavailableError();
    }
  }
}

function outcomeOf(reply: unknown): MovementOutcome {
  const [kind, first, second] = reply as [string, string?, string?];
  switch (kind) {
    case 'applied':
    case 'replayed':
      return { kind, movement: JSON.parse(first ?? '{}') as StoredMovement };
    case 'unknown_user':
      return { kind };
    case 'self_excluded':
      return { kind, excludedUntil: first === INDEFINITE ? INDEFINITE : Number(first) };
    case 'insufficient_funds':
      return { kind, balanceCents: Number(first) };
    case 'daily_limit':
      return { kind, limitCents: Number(first), stakedCents: Number(second) };
    default:
      throw new Error(`Unexpected ledger script reply ${String(kind)}`);
  }
}

function storedLimits(daily: string, excluded: string): StoredLimits {
  return {
    dailyLimitCents: daily === '' ? null : Number(daily),
    excludedUntil: excluded === '' ? null : excluded === INDEFINITE ? INDEFINITE : Number(excluded),
  };
}
