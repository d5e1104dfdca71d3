import KeyvRedis from '@keyv/redis';
import { CacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import { RedisService } from '@app/redis';
import { KeyvCacheableMemory } from '@cacheable/memory';
import { type DeserializedData, type Deserialize, Keyv, type Serialize } from 'keyv';
import { AppCacheService } from './app-cache.service.js';
import { CacheKeyService } from './cache-keys.service.js';
import { ResourceCacheInterceptor } from './resource-cache.interceptor.js';

/**
 * The Redis client belongs to RedisService, which closes it after every other shutdown hook has run;
 * cache-manager disconnects its stores when its module is destroyed, which must not close the shared
 * client that early.
 */
class SharedClientKeyvRedis extends KeyvRedis<unknown> {
  override async disconnect(): Promise<void> {
    // Intentionally empty: see the class comment.
  }
}

/**
 * Cached values are plain JSON (answers of our own routes and services: no Buffers, no Dates), so
 * they are stored as JSON as they are. Keyv's default serializer escapes strings and revives every
 * value of a parse through a callback, which made reading a cached odds answer cost more than
 * answering it.
 */
const plainJson: { serialize: Serialize; deserialize: Deserialize } = {
  serialize: (data) => JSON.stringify(data),
  deserialize: <Value>(data: string) => JSON.parse(data) as DeserializedData<Value>,
};

// Bounds the in-memory store so a stream of distinct queries cannot grow it without limit.
const MEMORY_CACHE_ENTRIES = 10_000;

/**
 * cache-manager on a Keyv store: Redis (sharing the process's one connection) when configured,
 * otherwise a bounded in-memory LRU.
 */
@Global()
@Module({
  imports: [
    CacheModule.registerAsync({
      inject: [RedisService],
      useFactory: (redis: RedisService) => {
        if (!redis.isConfigured) {
          return { stores: [new Keyv({ store: new KeyvCacheableMemory({ lruSize: MEMORY_CACHE_ENTRIES }) })] };
        }
        const store = new SharedClientKeyvRedis(redis.raw, { keyPrefixSeparator: ':', throwOnConnectError: false });
        const keyv = new Keyv({ store, namespace: redis.key('cache'), useKeyPrefix: false, ...plainJson });
        // Failures are handled (and logged once per outage) by RedisService and AppCacheService.
        keyv.on('error', () => undefined);
        store.on('error', () => undefined);
        return { stores: [keyv] };
      },
    }),
  ],
  providers: [AppCacheService, CacheKeyService, ResourceCacheInterceptor],
  exports: [AppCacheService, CacheKeyService, ResourceCacheInterceptor],
})
export class AppCacheModule {}
