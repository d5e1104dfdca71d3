import { DomainError } from '@app/common';

/** Which limit refused a request: requests per client address, or chat turns per user or session. */
export type HttpRateLimitScope = 'http' | 'chat';

/** A REST request over one of the limits: 429 with `Retry-After` and code RATE_LIMITED. */
export class RateLimitedError extends DomainError {
  readonly httpStatus = 429;
  readonly code = 'RATE_LIMITED';
  override readonly retryAfterSeconds: number;
  override readonly details: { scope: HttpRateLimitScope; limit: number; windowSeconds: number };

  constructor(scope: HttpRateLimitScope, limit: number, windowMs: number, retryAfterSeconds: number) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    const windowSeconds = Math.max(1, Math.round(windowMs / 1000));
    super(
      scope === 'chat'
        ? `Too many chat messages: at most ${limit} per ${windowSeconds} s. Try again in ${wait} s`
        : `Too many requests: at most ${limit} per ${windowSeconds} s. Try again in ${wait} s`,
    );
    this.retryAfterSeconds = wait;
    this.details = { scope, limit, windowSeconds };
  }
}
