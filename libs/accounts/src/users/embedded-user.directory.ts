import { InvalidCredentialsError, UnknownUserError, UnsupportedLoginError } from '../accounts.errors.js';
import type { AccountUser, LoginCredentials } from '../accounts.types.js';
import type { AccountsLedger, LedgerBalance } from '../ledger/accounts-ledger.js';
import { DEMO_USERS, type DemoUser } from './demo-users.js';
import type { PasswordHasher } from './password-hasher.js';
import { type DirectoryBalance, UserDirectory } from './user-directory.js';

/** The demo users (username and password); their money is on this service's ledger. */
export class EmbeddedUserDirectory extends UserDirectory {
  readonly provider = 'embedded' as const;

  constructor(
    private readonly ledger: AccountsLedger,
    private readonly hasher: PasswordHasher,
    private readonly users: readonly DemoUser[] = DEMO_USERS,
  ) {
    super();
  }

  async authenticate(credentials: LoginCredentials): Promise<AccountUser> {
    if (credentials.kind !== 'password') throw new UnsupportedLoginError('username and password');
    const user = this.users.find((candidate) => candidate.username === credentials.username.trim().toLowerCase());
    if (!user) {
      await this.hasher.burn(credentials.password);
      throw new InvalidCredentialsError();
    }
    if (!(await this.hasher.verify(credentials.password, user.passwordHash))) throw new InvalidCredentialsError();
    await this.ledger.openAccount(user.id, user.openingBalance);
    return toAccountUser(user);
  }

  async find(userId: string): Promise<AccountUser> {
    return toAccountUser(this.demoUser(userId));
  }

  async balance(user: AccountUser): Promise<DirectoryBalance> {
    let balance: LedgerBalance;
    try {
      balance = await this.ledger.getBalance(user.id);
    } catch (error) {
      if (!(error instanceof UnknownUserError)) throw error;
      // The store lost the account (a flushed Redis, a restarted memory instance): open it again.
      const demo = this.demoUser(user.id);
      await this.ledger.openAccount(demo.id, demo.openingBalance);
      balance = await this.ledger.getBalance(user.id);
    }
    return { available: balance.available, source: 'ledger', updatedAt: balance.updatedAt };
  }

  private demoUser(userId: string): DemoUser {
    const user = this.users.find((candidate) => candidate.id === userId);
    if (!user) throw new UnknownUserError(userId);
    return user;
  }
}

function toAccountUser(user: DemoUser): AccountUser {
  return { id: user.id, username: user.username, displayName: user.displayName, provider: 'embedded' };
}
