import { Injectable } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { SubscriptionService, type ActiveTopics } from './subscription.service.js';

/**
 * What subscribers follow, as far as the odds watcher is concerned: this instance's subscriptions
 * when it runs alone, those of every instance with Redis (RedisFollowedTopics).
 */
export abstract class FollowedTopics {
  /**
   * Emits whether the watcher should run: `true` also when what is followed may have changed, which
   * brings the next round forward; `false` when nothing is followed any more.
   */
  abstract get changes$(): Observable<boolean>;
  abstract current(): Promise<ActiveTopics>;
}

/** This instance's subscriptions only. */
@Injectable()
export class LocalFollowedTopics extends FollowedTopics {
  constructor(private readonly subscriptions: SubscriptionService) {
    super();
  }

  get changes$(): Observable<boolean> {
    return this.subscriptions.changes$.pipe(map((topics) => topics > 0));
  }

  async current(): Promise<ActiveTopics> {
    return this.subscriptions.activeTopics();
  }
}
