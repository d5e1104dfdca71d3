/** Where users and their money live: the embedded demo accounts, or ChatBet's users. */
export type AccountProvider = 'embedded' | 'chatbet';

/**
 * Every account id starts with this prefix, which anonymous clients may not claim as a chat
 * `user_id`: a session owned by a logged-in user can then only be reached with that user's token.
 */
export const ACCOUNT_ID_PREFIX = 'acct_';

export function isAccountUserId(id: string): boolean {
  return typeof id === 'string' && id.startsWith(ACCOUNT_ID_PREFIX);
}

export interface AccountUser {
  /** The token subject: `acct_<username>` (embedded) or `acct_cb_<ChatBet user id>`. */
  id: string;
  username: string;
  displayName: string;
  provider: AccountProvider;
}

export type LoginCredentials =
  | { kind: 'password'; username: string; password: string }
  | { kind: 'chatbet'; userId: string; userKey: string };

export interface AccountBalance {
  userId: string;
  currency: 'EUR';
  available: number;
  bonus?: number;
  stakedToday: number;
  dailyStakeLimit: number | null;
  /** What may still be staked today under the limit; null without a limit. */
  remainingToday: number | null;
  /** `ledger`: this service's ledger; `chatbet`: read from ChatBet's get_user_balance. */
  source: 'ledger' | 'chatbet';
  updatedAt: string;
}
