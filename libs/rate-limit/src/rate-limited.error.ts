import { DomainError } from '@app/common';

/** Which limit refused a request: requests per client address, chat turns per user or session, or failed logins per account and address. */
export type HttpRateLimitScope = 'http' | 'chat' | 'login';

const MESSAGES: Record<HttpRateLimitScope, (limit: number, windowSeconds: number, wait: number) => string> = {
  http: (limit, windowSeconds, wait) => `Too many requests: at most ${limit} per ${windowSeconds} s. Try again in ${wait} s`,
  chat: (limit, windowSeconds, wait) => `Too many chat messages: at most ${limit} per ${windowSeconds} s. Try again in ${wait} s`,
  login: (limit, windowSeconds, wait) => `Too many failed logins: at most ${limit} per ${windowSeconds} s. Try again in ${wait} s`,
};

/** A REST request over one of the limits: 429 with `Retry-After` and code RATE_LIMITED. */
export class RateLimitedError extends DomainError {
  readonly httpStatus = 429;
  readonly code = 'RATE_LIMITED';
  override readonly retryAfterSeconds: number;
  override readonly details: { scope: HttpRateLimitScope; limit: number; windowSeconds: number };

  constructor(scope: HttpRateLimitScope, limit: number, windowMs: number, retryAfterSeconds: number) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    const windowSeconds = Math.max(1, Math.round(windowMs / 1000));
    super(MESSAGES[scope](limit, windowSeconds, wait));
    this.retryAfterSeconds = wait;
    this.details = { scope, limit, windowSeconds };
  }
}
