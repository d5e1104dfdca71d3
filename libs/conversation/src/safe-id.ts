import { InvalidIdError } from './conversation.errors.js';

/** Session, owner and user ids end up inside Redis keys: only this alphabet is accepted. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value);
}

/** Throws InvalidIdError (400) naming `field` unless `value` matches SAFE_ID. */
export function assertSafeId(value: unknown, field: string): asserts value is string {
  if (!isSafeId(value)) throw new InvalidIdError(field);
}
