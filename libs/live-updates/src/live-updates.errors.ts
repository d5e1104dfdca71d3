import type { Logger } from '@nestjs/common';
import { isDomainError, DomainError } from '@app/common';
import { SportsDataNotFoundError } from '@app/sports-data';
import type { UpdatesErrorPayload } from './sports-update.types.js';

/** A socket message that does not have the documented shape. */
export class InvalidMessageFormatError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_MESSAGE_FORMAT';
}

/** A plain WebSocket frame that is not JSON text. */
export class InvalidJsonError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_JSON';

  constructor() {
    super('Messages must be JSON text, e.g. {"type":"ping"}');
  }
}

/** A plain WebSocket frame larger than a request can be; the connection stays open. */
export class MessageTooLongError extends DomainError {
  readonly httpStatus = 413;
  readonly code = 'MESSAGE_TOO_LONG';
  override readonly details: { max_bytes: number };

  constructor(maxBytes: number) {
    super(`Messages are limited to ${maxBytes} bytes`);
    this.details = { max_bytes: maxBytes };
  }
}

/** One subscriber may follow only so many topics, so a single client cannot make the watcher poll everything. */
/** An address over WS_MAX_CONNECTIONS_PER_IP open sports-update sockets (counted across instances). */
export class TooManySocketsError extends DomainError {
  readonly httpStatus = 429;
  readonly code = 'RATE_LIMITED';

  constructor(max: number) {
    super(`Too many open connections from this address (at most ${max})`);
  }
}

export class SubscriptionLimitError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'TOO_MANY_SUBSCRIPTIONS';
  override readonly details: { limit: number };

  constructor(readonly limit: number) {
    super(`A connection can follow at most ${limit} fixtures, teams and tournaments in total; unsubscribe from some first`);
    this.details = { limit };
  }
}

/**
 * The one place where errors become socket answers, for both transports: domain errors keep their
 * code and message (and suggestions for unknown names); anything else is logged and answered
 * without internals.
 */
export function toErrorPayload(error: unknown, logger: Logger): UpdatesErrorPayload {
  if (error instanceof SportsDataNotFoundError) {
    return { error_code: error.code, content: error.message, suggestions: error.suggestions };
  }
  if (isDomainError(error)) return { error_code: error.code, content: error.message };
  logger.error({ msg: 'Live updates request failed', err: error });
  return { error_code: 'INTERNAL_ERROR', content: 'The request could not be handled; please try again' };
}
