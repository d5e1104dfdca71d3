import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RedisService, withTimeout } from '@app/redis';
import type { RedisClientType } from 'redis';
import { type Observable, Subject } from 'rxjs';
import type { SportsUpdate } from './sports-update.types.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';

/** What instances tell each other over the channel. */
export type ChannelEvent =
  | { kind: 'update'; topics: string[]; update: SportsUpdate }
  /** Some instance's subscriptions changed: the watcher should look again soon. */
  | { kind: 'follows' }
  /** The watcher's leader stepped down cleanly: another instance may take over at once. */
  | { kind: 'lease_released' };

// Long enough for a loaded server, short enough that a watcher round never waits on a dead one.
const PUBLISH_TIMEOUT_MS = 1_000;
// How long start-up waits for the subscription before going on without it (it is made once Redis answers).
const SUBSCRIBE_WAIT_MS = 1_500;

/**
 * One Redis pub/sub channel shared by every instance (`<prefix>live-updates:events`): the watcher's
 * leader publishes each update once, and every instance, the leader included, hands the updates it
 * receives to its own transports through the local bus, so a subscriber anywhere hears of a change
 * found anywhere. Updates are not stored: an instance that is disconnected from Redis misses them.
 *
 * Receiving needs a connection of its own (a subscribed Redis connection can send nothing else), so
 * this opens a duplicate of the shared client; it does nothing when Redis is not configured.
 */
@Injectable()
export class RedisUpdatesChannel implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisUpdatesChannel.name);
  private readonly events = new Subject<ChannelEvent>();
  private subscriber?: RedisClientType;
  readonly channel: string;

  constructor(
    private readonly redis: RedisService,
    private readonly bus: SportsUpdatesBus,
  ) {
    this.channel = redis.key('live-updates', 'events');
  }

  /** Every event received from the channel (this instance's own included). */
  get events$(): Observable<ChannelEvent> {
    return this.events.asObservable();
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis.isConfigured) return;
    const subscriber = this.redis.raw.duplicate();
    this.subscriber = subscriber;
    // The shared client already reports outages; this one reconnects (and resubscribes) on its own.
    subscriber.on('error', (error: Error) => this.logger.debug(`Update channel connection: ${error.message}`));
    const subscribed = subscriber
      .connect()
      .then(() => subscriber.subscribe(this.channel, (message) => this.receive(message)))
      .catch((error: unknown) => {
        if (subscriber.isOpen) this.logger.warn({ msg: 'Could not subscribe to the live updates channel', reason: String(error) });
      });
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
  }

  onModuleDestroy(): void {
    this.events.complete();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber?.isOpen) subscriber.destroy();
  }

  async publish(topics: string[], update: SportsUpdate): Promise<void> {
    await this.send({ kind: 'update', topics, update });
  }

  async send(event: ChannelEvent): Promise<void> {
    await withTimeout(this.redis.raw.publish(this.channel, JSON.stringify(event)), PUBLISH_TIMEOUT_MS, 'Redis publish timed out');
  }

  private receive(message: string): void {
    const event = parseEvent(message);
    if (event === undefined) {
      this.logger.warn({ msg: 'Ignored a malformed message on the live updates channel', length: message.length });
      return;
    }
    if (event.kind === 'update') this.bus.publish(event.topics, event.update);
    this.events.next(event);
  }
}

function parseEvent(message: string): ChannelEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Partial<Record<string, unknown>>;
  if (event.kind === 'follows' || event.kind === 'lease_released') return { kind: event.kind };
  if (event.kind !== 'update') return undefined;
  const { topics, update } = event;
  if (!Array.isArray(topics) || !topics.every((topic) => typeof topic === 'string')) return undefined;
  if (typeof update !== 'object' || update === null || typeof (update as { type?: unknown }).type !== 'string') return undefined;
  return { kind: 'update', topics, update: update as SportsUpdate };
}
