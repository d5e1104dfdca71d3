import { DomainError } from '@app/common';

/** A session or owner id that could not safely become part of a storage key. */
export class InvalidIdError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_ID';
  override readonly details: { field: string };

  constructor(readonly field: string) {
    super(`${field} must be 1-64 characters of A-Z a-z 0-9 _ -`);
    this.details = { field };
  }
}

export class InvalidPreferencesError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_PREFERENCES';
}

export class SessionNotFoundError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'SESSION_NOT_FOUND';

  constructor(readonly sessionId: string) {
    super(`Conversation session "${sessionId}" does not exist or has expired`);
  }
}

/** The session exists but belongs to someone else. */
export class SessionAccessDeniedError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'SESSION_ACCESS_DENIED';

  constructor(readonly sessionId: string) {
    super(`Conversation session "${sessionId}" belongs to another user`);
  }
}

/** Another turn of the session held the lock for longer than the caller was willing to wait. */
export class SessionBusyError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'SESSION_BUSY';
  override readonly retryAfterSeconds = 1;

  constructor(readonly sessionId: string) {
    super(`Conversation session "${sessionId}" is busy with another message; try again shortly`);
  }
}

/** Redis is configured but cannot be reached: conversations cannot be read or saved right now. */
export class ConversationStoreUnavailableError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'CONVERSATION_STORE_UNAVAILABLE';
  override readonly retryAfterSeconds = 5;

  constructor(reason: string) {
    super(`Conversation storage is unavailable (${reason})`);
  }
}
