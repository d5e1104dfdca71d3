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
