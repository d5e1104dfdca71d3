import { Injectable } from '@nestjs/common';
import { RedisUpdatesChannel } from './redis-updates.channel.js';
import type { SportsUpdate } from './sports-update.types.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';

/**
 * Where the watcher sends what it found. Alone, straight to this instance's transports; with Redis,
 * to every instance through RedisUpdatesChannel, each of which hands it to its own transports.
 */
export abstract class UpdatesFanOut {
  abstract publish(topics: string[], update: SportsUpdate): Promise<void>;
}

@Injectable()
export class LocalUpdatesFanOut extends UpdatesFanOut {
  constructor(private readonly bus: SportsUpdatesBus) {
    super();
  }

  async publish(topics: string[], update: SportsUpdate): Promise<void> {
    this.bus.publish(topics, update);
  }
}

/** Every instance, through the Redis channel. */
@Injectable()
export class RedisUpdatesFanOut extends UpdatesFanOut {
  constructor(private readonly channel: RedisUpdatesChannel) {
    super();
  }

  publish(topics: string[], update: SportsUpdate): Promise<void> {
    return this.channel.publish(topics, update);
  }
}
