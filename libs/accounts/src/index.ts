export { AccountsModule } from './accounts.module.js';
export { AccountsService, type AccountLimits } from './accounts.service.js';
export { AccountsBalanceReader } from './accounts-balance.reader.js';
export {
  ACCOUNT_ID_PREFIX,
  isAccountUserId,
  type AccountBalance,
  type AccountProvider,
  type AccountUser,
  type LoginCredentials,
} from './accounts.types.js';
export {
  AccountsLedger,
  type CreditOptions,
  type DebitOptions,
  type GamblingLimits,
  type LedgerBalance,
  type LedgerEntry,
  type LimitsChange,
  type MovementResult,
} from './ledger/accounts-ledger.js';
export { MemoryAccountsLedger } from './ledger/memory-accounts.ledger.js';
export { RedisAccountsLedger } from './ledger/redis-accounts.ledger.js';
export { PasswordHasher } from './users/password-hasher.js';
export type { ChatBetCredentials } from './users/chatbet-credential.store.js';
export {
  AccountsUnavailableError,
  DailyLimitExceededError,
  GAMBLING_HELP,
  InsufficientFundsError,
  InvalidAmountError,
  InvalidCredentialsError,
  InvalidLedgerRequestError,
  LoginRequiredError,
  SelfExcludedError,
  UnknownUserError,
  UnsupportedLoginError,
} from './accounts.errors.js';
