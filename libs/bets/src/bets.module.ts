import { Global, Logger, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AccountsModule } from '@app/accounts';
import { AuthModule } from '@app/auth';
import { chatbetConfig, type ChatBetConfig } from '@app/config';
import { BetProposer, SelfExclusionReader } from '@app/llm';
import { RedisService } from '@app/redis';
import { SportsDataModule } from '@app/sports-data';
import { BetsService } from './bets.service.js';
import { ChatBetProposer } from './chat/chat-bet-proposer.js';
import { LedgerSelfExclusionReader } from './chat/ledger-self-exclusion.reader.js';
import { BetProposalsController } from './http/bet-proposals.controller.js';
import { BetsController } from './http/bets.controller.js';
import { BetPlacer } from './placement/bet-placer.js';
import { BetPlacementService } from './placement/bet-placement.service.js';
import { ChatBetBetPlacer } from './placement/chatbet-bet.placer.js';
import { LedgerBetPlacer } from './placement/ledger-bet.placer.js';
import { BetPricingService } from './pricing/bet-pricing.service.js';
import { BetProposalService } from './proposals/bet-proposal.service.js';
import { MemoryProposalStore } from './proposals/memory-proposal.store.js';
import { ProposalStore } from './proposals/proposal.store.js';
import { RedisProposalStore } from './proposals/redis-proposal.store.js';
import { BetStore } from './store/bet.store.js';
import { MemoryBetStore } from './store/memory-bet.store.js';
import { RedisBetStore } from './store/redis-bet.store.js';

/**
 * Simulating, placing and listing bets, and the bets the chat proposes. Bets are placed on the
 * embedded ledger, or with the ChatBet upstream when CHATBET_API_BASE_URL is set; they and the
 * proposals are kept in Redis when it is configured, in process memory otherwise.
 *
 * Global so that its BetProposer and SelfExclusionReader reach LlmModule's chat tools, which take
 * them when present, without the llm lib depending on this one (as AccountsModule does for balances).
 */
@Global()
@Module({
  imports: [SportsDataModule, AccountsModule, AuthModule],
  // Proposals first: `GET /api/v1/bets/proposals` must not be read as a bet id.
  controllers: [BetProposalsController, BetsController],
  providers: [
    {
      provide: BetStore,
      inject: [RedisService, ModuleRef],
      useFactory: (redis: RedisService, moduleRef: ModuleRef): Promise<BetStore> =>
        redis.isConfigured ? moduleRef.create(RedisBetStore) : moduleRef.create(MemoryBetStore),
    },
    {
      provide: ProposalStore,
      inject: [RedisService, ModuleRef],
      useFactory: (redis: RedisService, moduleRef: ModuleRef): Promise<ProposalStore> =>
        redis.isConfigured ? moduleRef.create(RedisProposalStore) : moduleRef.create(MemoryProposalStore),
    },
    {
      provide: BetPlacer,
      inject: [chatbetConfig.KEY, ModuleRef],
      useFactory: async (config: ChatBetConfig, moduleRef: ModuleRef): Promise<BetPlacer> => {
        const placer = config.enabled ? await moduleRef.create(ChatBetBetPlacer) : await moduleRef.create(LedgerBetPlacer);
        new Logger('BetsModule').log(`Bets placed ${placer.provider === 'chatbet' ? 'with the ChatBet upstream' : 'on the embedded ledger'}`);
        return placer;
      },
    },
    BetPricingService,
    BetPlacementService,
    BetProposalService,
    BetsService,
    ChatBetProposer,
    LedgerSelfExclusionReader,
    { provide: BetProposer, useExisting: ChatBetProposer },
    { provide: SelfExclusionReader, useExisting: LedgerSelfExclusionReader },
  ],
  exports: [BetsService, BetProposalService, BetProposer, SelfExclusionReader],
})
export class BetsModule {}
