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

/** A route that needs a logged-in user was called without a token, or with an anonymous one. */
export class AuthenticationRequiredError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'AUTHENTICATION_REQUIRED';

  constructor(message = 'Log in first: send Authorization: Bearer <access_token> from POST /api/v1/auth/login') {
    super(message);
  }
}

/** A login body that is neither `{username, password}` nor `{user_id, user_key}`. */
export class InvalidLoginRequestError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_LOGIN_REQUEST';

  constructor() {
    super('Send either username and password, or user_id and user_key');
  }
}

/** A limits change that cannot be applied as sent. */
export class InvalidLimitsRequestError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_LIMITS_REQUEST';
}

/** A logged-in caller named a user_id other than their own. */
export class UserMismatchError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'USER_MISMATCH';

  constructor() {
    super('user_id does not match the logged-in user; leave it out or send your own');
  }
}
