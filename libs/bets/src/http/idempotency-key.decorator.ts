import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from '@app/common';
import { IdempotencyKeyError } from '../bets.errors.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Safe to use in storage keys and to echo in logs. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The request's Idempotency-Key header, required: 400 IDEMPOTENCY_KEY_REQUIRED when missing or malformed. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<HttpRequest>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.length === 0) throw new IdempotencyKeyError(false);
  if (!IDEMPOTENCY_KEY_PATTERN.test(value)) throw new IdempotencyKeyError(true);
  return value;
});
