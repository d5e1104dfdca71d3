import { Injectable } from '@nestjs/common';

/**
 * Whether this instance should run the odds watcher now. One instance is enough to poll, so with
 * several instances a Redis lease (SET NX PX, renewed each round) would go behind this class;
 * the leader would then also need every instance's subscriptions and a cross-instance fan-out
 * (a Socket.IO Redis adapter, Redis pub/sub for plain WebSocket clients).
 */
export abstract class WatcherLease {
  abstract holds(): Promise<boolean>;
}

/** A single instance always holds the lease. */
@Injectable()
export class SingleInstanceLease extends WatcherLease {
  async holds(): Promise<boolean> {
    return true;
  }
}
