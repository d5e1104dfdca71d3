import { Module } from '@nestjs/common';
import { SportsDataModule } from '@app/sports-data';
import { FixtureStateReader } from './fixture-state.reader.js';
import { OddsWatcherService } from './odds-watcher.service.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';
import { SportsUpdatesGateway } from './sports-updates.gateway.js';
import { SportsUpdatesWebSocketServer } from './sports-updates-websocket.server.js';
import { SubscriptionService } from './subscription.service.js';
import { WatchListService } from './watch-list.service.js';
import { SingleInstanceLease, WatcherLease } from './watcher-lease.js';

/**
 * Live sports updates: clients follow fixtures, teams or tournaments over Socket.IO
 * (`/sports-updates`) or a plain WebSocket (`/ws/sports-updates`), and the odds watcher pushes
 * price moves and status changes of what they follow.
 */
@Module({
  imports: [SportsDataModule],
  providers: [
    SubscriptionService,
    SportsUpdatesBus,
    WatchListService,
    FixtureStateReader,
    { provide: WatcherLease, useClass: SingleInstanceLease },
    OddsWatcherService,
    SportsUpdatesGateway,
    SportsUpdatesWebSocketServer,
  ],
  exports: [SubscriptionService, OddsWatcherService],
})
export class LiveUpdatesModule {}
