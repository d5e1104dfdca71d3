import { Logger, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { RateLimitModule } from '@app/rate-limit';
import { RedisService } from '@app/redis';
import { SportsDataModule } from '@app/sports-data';
import { FixtureStateReader } from './fixture-state.reader.js';
import { FollowedTopics, LocalFollowedTopics } from './followed-topics.js';
import { OddsWatcherService } from './odds-watcher.service.js';
import { RedisFollowedTopics } from './redis-followed-topics.js';
import { RedisUpdatesChannel } from './redis-updates.channel.js';
import { RedisWatcherLease } from './redis-watcher-lease.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';
import { SportsUpdatesGateway } from './sports-updates.gateway.js';
import { SportsUpdatesWebSocketServer } from './sports-updates-websocket.server.js';
import { SubscriptionService } from './subscription.service.js';
import { LocalUpdatesFanOut, RedisUpdatesFanOut, UpdatesFanOut } from './updates-fan-out.js';
import { WatchListService } from './watch-list.service.js';
import { SingleInstanceLease, WatcherLease } from './watcher-lease.js';

/**
 * Live sports updates: clients follow fixtures, teams or tournaments over Socket.IO
 * (`/sports-updates`) or a plain WebSocket (`/ws/sports-updates`), and the odds watcher pushes
 * price moves and status changes of what they follow.
 *
 * Without Redis this instance watches its own subscriptions and delivers to its own clients. With
 * Redis the instances share their subscriptions, one of them (the lease holder) polls, and its
 * updates reach every instance's clients through a Redis channel.
 */
@Module({
  imports: [SportsDataModule, RateLimitModule],
  providers: [
    SubscriptionService,
    SportsUpdatesBus,
    RedisUpdatesChannel,
    {
      provide: WatcherLease,
      inject: [RedisService, ModuleRef],
      useFactory: async (redis: RedisService, moduleRef: ModuleRef): Promise<WatcherLease> => {
        if (!redis.isConfigured) return new SingleInstanceLease();
        new Logger('LiveUpdatesModule').log('Odds watcher runs on the instance holding its Redis lease; updates reach every instance through Redis');
        return moduleRef.create(RedisWatcherLease);
      },
    },
    {
      provide: FollowedTopics,
      inject: [RedisService, ModuleRef],
      useFactory: (redis: RedisService, moduleRef: ModuleRef): Promise<FollowedTopics> =>
        redis.isConfigured ? moduleRef.create(RedisFollowedTopics) : moduleRef.create(LocalFollowedTopics),
    },
    {
      provide: UpdatesFanOut,
      inject: [RedisService, ModuleRef],
      useFactory: (redis: RedisService, moduleRef: ModuleRef): Promise<UpdatesFanOut> =>
        redis.isConfigured ? moduleRef.create(RedisUpdatesFanOut) : moduleRef.create(LocalUpdatesFanOut),
    },
    WatchListService,
    FixtureStateReader,
    OddsWatcherService,
    SportsUpdatesGateway,
    SportsUpdatesWebSocketServer,
  ],
  exports: [SubscriptionService, OddsWatcherService, WatcherLease],
})
export class LiveUpdatesModule {}
