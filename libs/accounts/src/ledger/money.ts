import { InvalidAmountError, InvalidLedgerRequestError } from '../accounts.errors.js';

/** The ledger keeps integer cents so sums never drift; the API speaks euros with at most two decimals. */
export const MAX_AMOUNT = 1_000_000_000;

/** Euros to cents, refusing anything that is not a positive amount with at most two decimals. */
export function toCents(amount: number, field = 'amount', { allowZero = false } = {}): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new InvalidAmountError(`${field} must be a number`);
  const cents = Math.round(amount * 100);
  if (Math.abs(amount * 100 - cents) > 1e-6) throw new InvalidAmountError(`${field} must have at most two decimals`);
  if (cents < 0 || (cents === 0 && !allowZero)) throw new InvalidAmountError(`${field} must be ${allowZero ? 'zero or more' : 'more than zero'}`);
  if (amount > MAX_AMOUNT) throw new InvalidAmountError(`${field} must be at most ${MAX_AMOUNT}`);
  return cents;
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** The UTC calendar day a stake counts towards. */
export function stakeDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Idempotency keys and references are stored and echoed: printable, bounded. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export function assertKey(value: string, field: string): void {
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new InvalidLedgerRequestError(`${field} must be 1-128 characters of A-Z, a-z, 0-9, _, ., : or -`);
  }
}
