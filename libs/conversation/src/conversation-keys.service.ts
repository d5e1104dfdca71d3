import { Injectable } from '@nestjs/common';
import { RedisService } from '@app/redis';

/**
 * Every Redis key of the conversation store is built here (all under the configured prefix).
 * Ids are validated against SAFE_ID before they reach these builders. A session's own keys carry
 * the hash tag {<sessionId>}, so a script touching them stays in one slot of a Redis Cluster.
 */
@Injectable()
export class ConversationKeysService {
  constructor(private readonly redis: RedisService) {}

  session(sessionId: string): string {
    return this.redis.key('conversation', 'session', `{${sessionId}}`);
  }

  messages(sessionId: string): string {
    return this.redis.key('conversation', 'messages', `{${sessionId}}`);
  }

  owner(ownerId: string): string {
    return this.redis.key('conversation', 'owner', ownerId);
  }

  preferences(subject: string): string {
    return this.redis.key('conversation', 'prefs', subject);
  }

  lock(sessionId: string): string {
    return this.redis.key('conversation', 'lock', `{${sessionId}}`);
  }
}
