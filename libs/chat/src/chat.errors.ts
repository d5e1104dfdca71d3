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

/** Feedback about a message this service did not write (or wrote so long ago it is forgotten). */
export class UnknownMessageError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'MESSAGE_NOT_FOUND';

  constructor(messageId: string) {
    super(`No answer with message_id ${messageId} can be rated`);
  }
}
