import { DomainError } from '@app/common';

/** Where a self-excluded user is pointed to for help, in every refusal they get. */
export const GAMBLING_HELP = [
  { name: 'BeGambleAware (UK)', url: 'https://www.begambleaware.org' },
  { name: 'Jugar Bien (España)', url: 'https://www.jugarbien.es' },
] as const;

export class InsufficientFundsError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'INSUFFICIENT_FUNDS';
  override readonly details: { balance: number; requested: number; currency: 'EUR' };

  constructor(balance: number, requested: number) {
    super(`Insufficient funds: the balance is €${balance.toFixed(2)} and €${requested.toFixed(2)} was requested`);
    this.details = { balance, requested, currency: 'EUR' };
  }
}

export class DailyLimitExceededError extends DomainError {
  readonly httpStatus = 409;
  readonly code = 'DAILY_LIMIT_EXCEEDED';
  override readonly details: { limit: number; staked_today: number; remaining: number; requested: number; currency: 'EUR' };

  constructor(limit: number, stakedToday: number, requested: number) {
    const remaining = Math.max(0, round2(limit - stakedToday));
    super(`This stake would pass your daily stake limit of €${limit.toFixed(2)}: €${remaining.toFixed(2)} is left for today`);
    this.details = { limit, staked_today: stakedToday, remaining, requested, currency: 'EUR' };
  }
}

/** The user excluded themselves from betting; the refusal always says where to find support. */
export class SelfExcludedError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'SELF_EXCLUDED';
  override readonly details: { until: string | null; help: typeof GAMBLING_HELP };

  constructor(until: string | null, message?: string) {
    const period = until === null ? 'until an operator lifts it' : `until ${until}`;
    super(
      message ??
        `This account is self-excluded from betting ${period}. If gambling is causing you problems, free and confidential help is available at begambleaware.org or jugarbien.es.`,
    );
    this.details = { until, help: GAMBLING_HELP };
  }
}

export class UnknownUserError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'UNKNOWN_USER';

  constructor(userId: string) {
    super(`No account ${userId}`);
  }
}

/** Wrong username or password, or a ChatBet user_key that the upstream does not accept: never which one. */
export class InvalidCredentialsError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'INVALID_CREDENTIALS';

  constructor() {
    super('The credentials are not valid');
  }
}

/** A login style this server does not serve (username/password with the ChatBet provider, or the reverse). */
export class UnsupportedLoginError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'LOGIN_METHOD_UNSUPPORTED';

  constructor(expected: 'username and password' | 'user_id and user_key') {
    super(`This server logs users in with ${expected}`);
  }
}

/** ChatBet users: the user_key kept from the login has expired, so the upstream cannot be asked for them. */
export class LoginRequiredError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'LOGIN_REQUIRED';

  constructor() {
    super('Please log in again');
  }
}

export class InvalidAmountError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_AMOUNT';
}

/** An idempotency key or reference the ledger cannot store as given. */
export class InvalidLedgerRequestError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_LEDGER_REQUEST';
}

/** The ledger's store (Redis) cannot be reached: money is never moved on a guess, so the request is refused. */
export class AccountsUnavailableError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'ACCOUNTS_UNAVAILABLE';
  override readonly retryAfterSeconds = 5;

  constructor() {
    super('Accounts are unavailable right now; please try again shortly');
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
