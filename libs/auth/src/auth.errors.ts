import { DomainError } from '@app/common';

/** `invalid`: forged, unsigned, wrong algorithm or missing claims; the client cannot fix any of them but by getting a new token. */
export type InvalidTokenReason = 'expired' | 'malformed' | 'invalid';

/** An access token that is not one this service issued, or no longer valid. */
export class InvalidTokenError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'INVALID_TOKEN';
  override readonly details: { reason: InvalidTokenReason };

  constructor(readonly reason: InvalidTokenReason) {
    super(reason === 'expired' ? 'The access token has expired' : 'The access token is not valid');
    this.details = { reason };
  }
}
