import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';

export interface UserBalance {
  /** ISO 4217 code. */
  currency: string;
  /** Money the user can stake now. */
  available: number;
  /** Stakes on bets not yet settled. */
  pending?: number;
  bonus?: number;
  /** ISO-8601 instant of the figures. */
  updatedAt?: string;
}

export class BalanceUnavailableError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'BALANCE_UNAVAILABLE';

  constructor(message = 'Account balances are not available on this server') {
    super(message);
  }
}

/**
 * Reads a user's wallet. The DI token is this abstract class so that the accounts module can
 * provide the real reader without the chat tools knowing where balances live.
 */
export abstract class BalanceReader {
  /** Throws `BalanceUnavailableError` when the balance cannot be read. */
  abstract getBalance(userId: string): Promise<UserBalance>;
}

/**
 * What an accounts module provides (from a global module) to answer balance questions: LlmModule
 * uses it when present and UnavailableBalanceReader otherwise, so this lib never depends on accounts.
 */
export abstract class AccountBalanceReader extends BalanceReader {}

/** Used until an accounts backend is wired in: every request answers that balances are unavailable. */
@Injectable()
export class UnavailableBalanceReader extends BalanceReader {
  async getBalance(): Promise<UserBalance> {
    throw new BalanceUnavailableError();
  }
}
