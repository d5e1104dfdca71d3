import { Logger, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { RedisService } from '@app/redis';
import { ConversationKeysService } from './conversation-keys.service.js';
import { ConversationService } from './conversation.service.js';
import { ConversationStore } from './conversation.store.js';
import { MemoryConversationStore } from './memory-conversation.store.js';
import { RedisConversationStore } from './redis-conversation.store.js';
import { SessionLockService } from './session-lock.service.js';

/**
 * Conversation memory: sessions, messages, context and preferences in Redis when it is
 * configured, in process memory otherwise; and the per-session lock that orders turns.
 * Needs the global ConfigModule (ALL_CONFIGS) and RedisModule.
 */
@Module({
  providers: [
    ConversationKeysService,
    {
      provide: ConversationStore,
      inject: [RedisService, ModuleRef],
      useFactory: async (redis: RedisService, moduleRef: ModuleRef): Promise<ConversationStore> => {
        const store = redis.isConfigured ? await moduleRef.create(RedisConversationStore) : await moduleRef.create(MemoryConversationStore);
        new Logger(ConversationModule.name).log(`Conversation memory in ${store.kind === 'redis' ? 'Redis' : 'process memory (REDIS_URL unset)'}`);
        return store;
      },
    },
    ConversationService,
    SessionLockService,
  ],
  exports: [ConversationService, SessionLockService, ConversationStore],
})
export class ConversationModule {}
