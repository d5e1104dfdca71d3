import { Injectable } from '@nestjs/common';
import { UnknownUserError } from './accounts.errors.js';
import { type AccountBalance, type AccountProvider, type AccountUser, isAccountUserId, type LoginCredentials } from './accounts.types.js';
import { AccountsLedger, type GamblingLimits, type LimitsChange } from './ledger/accounts-ledger.js';
import type { ChatBetCredentials } from './users/chatbet-credential.store.js';
import { ChatBetUserDirectory } from './users/chatbet-user.directory.js';
import { UserDirectory } from './users/user-directory.js';

export interface AccountLimits extends GamblingLimits {
  stakedToday: number;
  /** What may still be staked today; null without a daily limit. */
  remainingToday: number | null;
}

/**
 * Accounts as the rest of the service sees them: logging a user in, who a token's subject is,
 * their balance, and their responsible-gambling limits. Money moves through AccountsLedger.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UserDirectory,
    private readonly ledger: AccountsLedger,
  ) {}

  get provider(): AccountProvider {
    return this.users.provider;
  }

  /** The user the credentials prove (InvalidCredentialsError otherwise); their ledger account is open afterwards. */
  authenticate(credentials: LoginCredentials): Promise<AccountUser> {
    return this.users.authenticate(credentials);
  }

  getUser(userId: string): Promise<AccountUser> {
    if (!isAccountUserId(userId)) return Promise.reject(new UnknownUserError(userId));
    return this.users.find(userId);
  }

  async getBalance(userId: string): Promise<AccountBalance> {
    const user = await this.getUser(userId);
    const [balance, limits] = await Promise.all([this.users.balance(user), this.getLimits(userId)]);
    return {
      userId,
      currency: 'EUR',
      available: balance.available,
      ...(balance.bonus !== undefined ? { bonus: balance.bonus } : {}),
      stakedToday: limits.stakedToday,
      dailyStakeLimit: limits.dailyStakeLimit,
      remainingToday: limits.remainingToday,
      source: balance.source,
      updatedAt: balance.updatedAt,
    };
  }

  async getLimits(userId: string): Promise<AccountLimits> {
    await this.getUser(userId);
    const [limits, stakedToday] = await Promise.all([this.ledger.getLimits(userId), this.ledger.stakedToday(userId)]);
    return withToday(limits, stakedToday);
  }

  /** Lower or higher limits apply at once; a running self-exclusion cannot be ended or shortened (SelfExcludedError). */
  async setLimits(userId: string, change: LimitsChange): Promise<AccountLimits> {
    await this.getUser(userId);
    const limits = await this.ledger.setLimits(userId, change);
    return withToday(limits, await this.ledger.stakedToday(userId));
  }

  /** A logged-in ChatBet user's upstream id and key (to place bets upstream); undefined with the embedded provider. */
  async chatbetCredentials(userId: string): Promise<ChatBetCredentials | undefined> {
    if (!(this.users instanceof ChatBetUserDirectory)) return undefined;
    return this.users.credentialsOf(userId);
  }
}

function withToday(limits: GamblingLimits, stakedToday: number): AccountLimits {
  const remainingToday = limits.dailyStakeLimit === null ? null : Math.max(0, Math.round((limits.dailyStakeLimit - stakedToday) * 100) / 100);
  return { ...limits, stakedToday, remainingToday };
}
