import type { AccountProvider, AccountUser, LoginCredentials } from '../accounts.types.js';

/** The money a directory reports for a user, in euros. */
export interface DirectoryBalance {
  available: number;
  bonus?: number;
  source: 'ledger' | 'chatbet';
  updatedAt: string;
}

/**
 * Who the users are and where their balance comes from: `EmbeddedUserDirectory` (demo users,
 * ledger balances) or `ChatBetUserDirectory` (ChatBet users, balances from the upstream), chosen
 * from config in AccountsModule.
 */
export abstract class UserDirectory {
  abstract readonly provider: AccountProvider;

  /** The user the credentials prove, with their ledger account opened; InvalidCredentialsError otherwise. */
  abstract authenticate(credentials: LoginCredentials): Promise<AccountUser>;

  /** UnknownUserError for an id this directory does not know (or no longer remembers). */
  abstract find(userId: string): Promise<AccountUser>;

  abstract balance(user: AccountUser): Promise<DirectoryBalance>;
}
