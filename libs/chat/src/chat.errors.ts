import { DomainError } from '@app/common';

export class MessageTooLongError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'MESSAGE_TOO_LONG';
  override readonly details: { maxLength: number; length: number };

  constructor(maxLength: number, length: number) {
    super(`message must be 1-${maxLength} characters long (got ${length})`);
    this.details = { maxLength, length };
  }
}

/** A logged-in caller named a user_id other than their own. */
export class UserMismatchError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'USER_MISMATCH';

  constructor() {
    super('user_id does not match the logged-in user; leave it out or send your own');
  }
}
