import { Logger } from '@nestjs/common';
import { type ChatBetApiClient, UpstreamMalformedResponseError, UpstreamRejectedError } from '@app/sports-data';
import { InvalidCredentialsError, LoginRequiredError, UnknownUserError, UnsupportedLoginError } from '../accounts.errors.js';
import { ACCOUNT_ID_PREFIX, type AccountUser, type LoginCredentials } from '../accounts.types.js';
import type { AccountsLedger } from '../ledger/accounts-ledger.js';
import type { ChatBetCredentials, ChatBetCredentialStore } from './chatbet-credential.store.js';
import { type DirectoryBalance, UserDirectory } from './user-directory.js';

const CHATBET_PREFIX = `${ACCOUNT_ID_PREFIX}cb_`;

/**
 * ChatBet's users: `{user_id, user_key}` is checked with the upstream's validate_user, and balances
 * are read from its get_user_balance (the money lives there). The user's key is kept encrypted for
 * the life of their token, because the upstream wants it on every balance request.
 *
 * A ledger account is opened at the first login with the upstream balance, so stakes placed
 * through this service are still held to the daily limit, self-exclusion and idempotency rules.
 */
export class ChatBetUserDirectory extends UserDirectory {
  readonly provider = 'chatbet' as const;
  private readonly logger = new Logger(ChatBetUserDirectory.name);

  constructor(
    private readonly client: ChatBetApiClient,
    private readonly ledger: AccountsLedger,
    private readonly credentials: ChatBetCredentialStore,
  ) {
    super();
  }

  async authenticate(credentials: LoginCredentials): Promise<AccountUser> {
    if (credentials.kind !== 'chatbet') throw new UnsupportedLoginError('user_id and user_key');
    const { userId, userKey } = credentials;
    let answer: unknown;
    try {
      answer = await this.client.validateUser(userKey);
    } catch (error) {
      // A 4xx about the key (not a rate limit) says the key is wrong, whatever the status.
      if (error instanceof UpstreamRejectedError && error.upstreamStatus !== 429) throw new InvalidCredentialsError();
      throw error;
    }
    const validated = record(answer);
    if (validated?.status !== true || String(validated.userId) !== userId) throw new InvalidCredentialsError();
    const user = toAccountUser(userId);
    const stored = { upstreamId: userId, userKey };
    const balance = await this.upstreamBalance(stored);
    await this.credentials.save(user.id, stored);
    const { opened } = await this.ledger.openAccount(user.id, balance.available);
    if (opened) this.logger.log({ msg: 'Opened a ledger account for a ChatBet user', userId: user.id });
    return user;
  }

  async find(userId: string): Promise<AccountUser> {
    await this.stored(userId);
    return toAccountUser(userId.slice(CHATBET_PREFIX.length));
  }

  async balance(user: AccountUser): Promise<DirectoryBalance> {
    return this.upstreamBalance(await this.stored(user.id));
  }

  /** The upstream id and key of a logged-in ChatBet user, for calls (such as placing a bet) that need them. */
  async credentialsOf(userId: string): Promise<ChatBetCredentials> {
    return this.stored(userId);
  }

  private async stored(userId: string): Promise<ChatBetCredentials> {
    if (!userId.startsWith(CHATBET_PREFIX)) throw new UnknownUserError(userId);
    const found = await this.credentials.get(userId);
    if (!found) throw new LoginRequiredError();
    return found;
  }

  private async upstreamBalance(credentials: ChatBetCredentials): Promise<DirectoryBalance> {
    const answer = record(await this.client.getUserBalance(credentials.upstreamId, credentials.userKey));
    const available = money(answer?.playableBalance) ?? money(answer?.money);
    if (available === undefined) throw new UpstreamMalformedResponseError('/auth/get_user_balance');
    const bonus = money(answer?.bonusBalance);
    return { available, ...(bonus ? { bonus } : {}), source: 'chatbet', updatedAt: new Date().toISOString() };
  }
}

function toAccountUser(upstreamId: string): AccountUser {
  return { id: `${CHATBET_PREFIX}${upstreamId}`, username: upstreamId, displayName: `ChatBet user ${upstreamId}`, provider: 'chatbet' };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A non-negative amount rounded to cents, from a number or a numeric string. */
function money(value: unknown): number | undefined {
  const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  return Math.round(amount * 100) / 100;
}
