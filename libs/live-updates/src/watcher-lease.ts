import { Injectable } from '@nestjs/common';
import { NEVER, type Observable } from 'rxjs';

/**
 * Whether this instance should run the odds watcher now. One instance is enough to poll: alone it
 * always may; with Redis the instances elect one through a lease (see RedisWatcherLease).
 */
export abstract class WatcherLease {
  /** True while this instance leads; read right before acting, since a lease can lapse at any moment. */
  abstract get leading(): boolean;
  /** Emits the new state on every change of leadership. */
  abstract get changes$(): Observable<boolean>;

  holds(): Promise<boolean> {
    return Promise.resolve(this.leading);
  }
}

/** A single instance always holds the lease. */
@Injectable()
export class SingleInstanceLease extends WatcherLease {
  get leading(): boolean {
    return true;
  }

  get changes$(): Observable<boolean> {
    return NEVER;
  }
}
