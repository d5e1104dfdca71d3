import { DailyLimitExceededError, InsufficientFundsError, InvalidAmountError, SelfExcludedError, UnknownUserError } from '../accounts.errors.js';
import { MemoryAccountsLedger } from './memory-accounts.ledger.js';

const DAY = 24 * 3600 * 1000;

describe('MemoryAccountsLedger', () => {
  let now: number;
  let ledger: MemoryAccountsLedger;

  beforeEach(async () => {
    now = Date.parse('2030-06-01T10:00:00Z');
    ledger = new MemoryAccountsLedger({ now: () => now });
    await ledger.openAccount('acct_u', 100);
  });

  it('opens an account once, with an opening entry, and keeps the first opening balance', async () => {
    expect(await ledger.openAccount('acct_u', 5000)).toEqual({ opened: false });
    expect(await ledger.getBalance('acct_u')).toMatchObject({ userId: 'acct_u', currency: 'EUR', available: 100, stakedToday: 0 });
    expect(await ledger.entries('acct_u')).toEqual([expect.objectContaining({ type: 'credit', amount: 100, balanceAfter: 100, reference: 'opening-balance' })]);
  });

  it('debits in cents without float drift and records each movement newest first', async () => {
    for (let i = 0; i < 10; i++) await ledger.debit('acct_u', 0.1, { idempotencyKey: `k${i}`, reference: `bet-${i}` });
    const credit = await ledger.credit('acct_u', 0.3, 'win-1');
    expect(credit).toMatchObject({ applied: true, amount: 0.3, balanceAfter: 99.3 });
    const entries = await ledger.entries('acct_u', 3);
    expect(entries.map((e) => [e.type, e.amount, e.balanceAfter, e.reference])).toEqual([
      ['credit', 0.3, 99.3, 'win-1'],
      ['debit', 0.1, 99, 'bet-9'],
      ['debit', 0.1, 99.1, 'bet-8'],
    ]);
    expect(await ledger.stakedToday('acct_u')).toBe(1);
  });

  it('debits once per idempotency key and answers repeats with the first result', async () => {
    const first = await ledger.debit('acct_u', 30, { idempotencyKey: 'same', reference: 'bet-1' });
    const again = await ledger.debit('acct_u', 30, { idempotencyKey: 'same', reference: 'bet-1' });
    expect(first).toMatchObject({ applied: true, amount: 30, balanceAfter: 70 });
    expect(again).toEqual({ ...first, applied: false });
    expect((await ledger.getBalance('acct_u')).available).toBe(70);
    // Keys are per user and per direction.
    await ledger.openAccount('acct_v', 10);
    expect((await ledger.debit('acct_v', 1, { idempotencyKey: 'same', reference: 'x' })).applied).toBe(true);
    expect((await ledger.credit('acct_u', 1, 'refund', { idempotencyKey: 'same' })).applied).toBe(true);
  });

  it('never lets concurrent debits take the balance below zero', async () => {
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => ledger.debit('acct_u', 7, { idempotencyKey: `c${i}`, reference: 'r' })));
    const applied = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(applied).toHaveLength(14);
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof InsufficientFundsError)).toBe(true);
    expect((await ledger.getBalance('acct_u')).available).toBe(2);
  });

  it('refuses a debit over the balance with the balance in the error', async () => {
    const error = await ledger.debit('acct_u', 100.01, { idempotencyKey: 'k', reference: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(error).toMatchObject({ httpStatus: 409, code: 'INSUFFICIENT_FUNDS', details: { balance: 100, requested: 100.01 } });
  });

  it('holds stakes to the daily limit when asked, counting the day in UTC', async () => {
    await ledger.setLimits('acct_u', { dailyStakeLimit: 25 });
    await ledger.debit('acct_u', 20, { idempotencyKey: 'a', reference: 'r', dailyLimitCheck: true });
    const error = await ledger.debit('acct_u', 10, { idempotencyKey: 'b', reference: 'r', dailyLimitCheck: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DailyLimitExceededError);
    expect(error).toMatchObject({ code: 'DAILY_LIMIT_EXCEEDED', details: { limit: 25, staked_today: 20, remaining: 5 } });
    // Without the check (not a stake placed by the user), the limit does not apply.
    await ledger.debit('acct_u', 10, { idempotencyKey: 'c', reference: 'adjustment' });
    now += DAY;
    expect(await ledger.stakedToday('acct_u')).toBe(0);
    await ledger.debit('acct_u', 25, { idempotencyKey: 'd', reference: 'r', dailyLimitCheck: true });
  });

  it('applies a lowered or raised limit at once, and removes it with null', async () => {
    expect(await ledger.setLimits('acct_u', { dailyStakeLimit: 50 })).toEqual({ dailyStakeLimit: 50, selfExcluded: false, selfExcludedUntil: null });
    expect((await ledger.setLimits('acct_u', { dailyStakeLimit: 0 })).dailyStakeLimit).toBe(0);
    await expect(ledger.debit('acct_u', 1, { idempotencyKey: 'a', reference: 'r', dailyLimitCheck: true })).rejects.toBeInstanceOf(DailyLimitExceededError);
    expect((await ledger.setLimits('acct_u', { dailyStakeLimit: 80 })).dailyStakeLimit).toBe(80);
    expect((await ledger.setLimits('acct_u', { dailyStakeLimit: null })).dailyStakeLimit).toBeNull();
  });

  it('refuses every debit while self-excluded, cannot be lifted or shortened early, and ends on its date', async () => {
    const until = new Date(now + 7 * DAY);
    expect(await ledger.setLimits('acct_u', { selfExcludedUntil: until })).toEqual({ dailyStakeLimit: null, selfExcluded: true, selfExcludedUntil: until.toISOString() });
    const error = await ledger.debit('acct_u', 1, { idempotencyKey: 'a', reference: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelfExcludedError);
    expect((error as SelfExcludedError).message).toMatch(/begambleaware\.org/);
    await expect(ledger.setLimits('acct_u', { selfExcludedUntil: null })).rejects.toBeInstanceOf(SelfExcludedError);
    expect((await ledger.setLimits('acct_u', { selfExcludedUntil: new Date(now + DAY) })).selfExcludedUntil).toBe(until.toISOString());
    now += 8 * DAY;
    expect((await ledger.getLimits('acct_u')).selfExcluded).toBe(false);
    expect((await ledger.debit('acct_u', 1, { idempotencyKey: 'b', reference: 'r' })).applied).toBe(true);
  });

  it('keeps an indefinite self-exclusion until an operator lifts it', async () => {
    expect(await ledger.setLimits('acct_u', { selfExcludedUntil: 'indefinite' })).toMatchObject({ selfExcluded: true, selfExcludedUntil: null });
    now += 3650 * DAY;
    await expect(ledger.debit('acct_u', 1, { idempotencyKey: 'a', reference: 'r' })).rejects.toMatchObject({ code: 'SELF_EXCLUDED', details: { until: null } });
  });

  it('refuses bad amounts, unknown accounts and unsafe keys', async () => {
    for (const amount of [0, -1, 0.001, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(ledger.debit('acct_u', amount, { idempotencyKey: 'k', reference: 'r' })).rejects.toBeInstanceOf(InvalidAmountError);
    }
    await expect(ledger.debit('acct_nobody', 1, { idempotencyKey: 'k', reference: 'r' })).rejects.toBeInstanceOf(UnknownUserError);
    await expect(ledger.getBalance('acct_nobody')).rejects.toBeInstanceOf(UnknownUserError);
    await expect(ledger.debit('acct_u', 1, { idempotencyKey: 'has space', reference: 'r' })).rejects.toMatchObject({ code: 'INVALID_LEDGER_REQUEST' });
    expect((await ledger.getBalance('acct_u')).available).toBe(100);
  });
});
