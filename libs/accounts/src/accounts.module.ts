import { Global, Logger, Module } from '@nestjs/common';
import { chatbetConfig, type ChatBetConfig } from '@app/config';
import { AccountBalanceReader } from '@app/llm';
import { RedisService } from '@app/redis';
import { ChatBetApiClient, SportsDataModule } from '@app/sports-data';
import { AccountsBalanceReader } from './accounts-balance.reader.js';
import { AccountsService } from './accounts.service.js';
import { AccountsLedger } from './ledger/accounts-ledger.js';
import { MemoryAccountsLedger } from './ledger/memory-accounts.ledger.js';
import { RedisAccountsLedger } from './ledger/redis-accounts.ledger.js';
import { ChatBetCredentialStore } from './users/chatbet-credential.store.js';
import { ChatBetUserDirectory } from './users/chatbet-user.directory.js';
import { EmbeddedUserDirectory } from './users/embedded-user.directory.js';
import { PasswordHasher } from './users/password-hasher.js';
import { UserDirectory } from './users/user-directory.js';

/**
 * Users, their money and their limits. The ledger is on Redis when it is configured (shared by
 * every instance) and in memory otherwise; users are the demo accounts with the embedded sports
 * provider and ChatBet's users with the ChatBet one.
 *
 * Global so that its AccountBalanceReader reaches LlmModule, which takes one when present: the
 * chat tools then answer balance questions from here without the llm lib knowing this one.
 */
@Global()
@Module({
  imports: [SportsDataModule],
  providers: [
    PasswordHasher,
    ChatBetCredentialStore,
    {
      provide: AccountsLedger,
      inject: [RedisService],
      useFactory: (redis: RedisService): AccountsLedger => (redis.isConfigured ? new RedisAccountsLedger(redis) : new MemoryAccountsLedger()),
    },
    {
      provide: UserDirectory,
      inject: [chatbetConfig.KEY, AccountsLedger, PasswordHasher, ChatBetApiClient, ChatBetCredentialStore],
      useFactory: (config: ChatBetConfig, ledger: AccountsLedger, hasher: PasswordHasher, client: ChatBetApiClient, credentials: ChatBetCredentialStore): UserDirectory => {
        const users = config.enabled ? new ChatBetUserDirectory(client, ledger, credentials) : new EmbeddedUserDirectory(ledger, hasher);
        new Logger('AccountsModule').log(`Accounts: ${config.enabled ? 'ChatBet users' : 'demo users'} on the ${ledger.mode} ledger`);
        return users;
      },
    },
    AccountsService,
    AccountsBalanceReader,
    { provide: AccountBalanceReader, useExisting: AccountsBalanceReader },
  ],
  exports: [AccountsService, AccountsLedger, AccountBalanceReader, PasswordHasher],
})
export class AccountsModule {}
