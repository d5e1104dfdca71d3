import { DomainError } from '@app/common';

/** Every `error_code` a chat client can receive, on either transport. */
export const CHAT_ERROR_CODES = [
  'INVALID_JSON',
  'INVALID_MESSAGE_FORMAT',
  'MESSAGE_TOO_LONG',
  'RATE_LIMITED',
  'SERVER_BUSY',
  'DUPLICATE_IN_PROGRESS',
  'SESSION_FORBIDDEN',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'INVALID_ID',
  'PROCESSING_ERROR',
  'SERVER_SHUTTING_DOWN',
  'HOST_NOT_ALLOWED',
  'ORIGIN_NOT_ALLOWED',
] as const;
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];

/** A message that is not valid JSON (plain WebSocket only). */
export class InvalidJsonError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_JSON';

  constructor() {
    super('The message is not valid JSON');
  }
}

/** A client message of the wrong shape: not an object, wrong types, unknown fields. */
export class InvalidMessageFormatError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_MESSAGE_FORMAT';
}

/** A socket message larger than the transport accepts. */
export class PayloadTooLargeError extends DomainError {
  readonly httpStatus = 413;
  // Said as MESSAGE_TOO_LONG: to the client both mean "send less", and that is the code it knows.
  readonly code = 'MESSAGE_TOO_LONG';
  override readonly details: { max_bytes: number };

  constructor(maxBytes: number) {
    super(`Socket messages are limited to ${maxBytes} bytes`);
    this.details = { max_bytes: maxBytes };
  }
}

export class ChatRateLimitedError extends DomainError {
  readonly httpStatus = 429;
  readonly code = 'RATE_LIMITED';
  override readonly retryAfterSeconds: number;
  override readonly details: { retry_after_ms: number; limit: number };

  constructor(limit: number, retryAfterMs: number) {
    super(`Too many messages: at most ${limit} per minute. Try again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    this.details = { retry_after_ms: retryAfterMs, limit };
  }
}

/** This instance is answering as many turns as it may at once: the client sends the message again later. */
export class ServerBusyError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'SERVER_BUSY';
  override readonly retryAfterSeconds: number;
  override readonly details: { retry_after_ms: number; limit: number };

  constructor(limit: number, retryAfterMs: number) {
    super(`The server is answering too many messages right now; please send it again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    this.details = { retry_after_ms: retryAfterMs, limit };
  }
}

export class TooManyConnectionsError extends DomainError {
  readonly httpStatus = 429;
  readonly code = 'RATE_LIMITED';
  override readonly details: { max_connections: number };

  constructor(max: number) {
    super(`Too many open connections from this address (at most ${max})`);
    this.details = { max_connections: max };
  }
}

/** The same text arrived again while the first copy is still within its short duplicate window. */
export class DuplicateInProgressError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'DUPLICATE_IN_PROGRESS';

  constructor() {
    super('The same message was just sent and is already being answered');
  }
}

/** A message naming a session (or user) other than the one the connection was opened for. */
export class SessionMismatchError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'SESSION_FORBIDDEN';

  constructor(field: 'session_id' | 'user_id') {
    super(`${field} does not match this connection; open a connection for that ${field === 'session_id' ? 'session' : 'user'}`);
  }
}

/** The token a connection was opened with has expired: the connection is closed, the client connects again with a fresh one. */
export class TokenExpiredError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'TOKEN_EXPIRED';

  constructor() {
    super('The access token of this connection has expired; connect again with a new token');
  }
}

/**
 * A connection or message arriving while this instance is stopping: the client reconnects (to
 * another instance) after `retry_after_ms` and sends it again there.
 */
export class ServerShuttingDownError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'SERVER_SHUTTING_DOWN';
  override readonly retryAfterSeconds: number;
  override readonly details: { retry_after_ms: number };

  constructor(retryAfterMs: number) {
    super('The server is restarting; reconnect and send the message again in a moment');
    this.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    this.details = { retry_after_ms: retryAfterMs };
  }
}
