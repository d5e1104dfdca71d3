import { Logger } from '@nestjs/common';
import { type RedisService, withTimeout } from '@app/redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisClientType } from 'redis';
import type { Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { closeRecoveryGaps } from './gapless-recovery.js';

export type SocketIoAdapterFactory = ReturnType<typeof createAdapter>;

/** Methods that end a connection: once it has ended, calling them again does nothing. */
const CLOSING_METHODS = new Set<PropertyKey>(['close', 'destroy', 'disconnect', 'quit', 'QUIT']);
const PUBLISHER_CLOSE_TIMEOUT_MS = 2_000;

/**
 * Socket.IO across instances: the Redis Streams adapter (every emit to a room or socket reaches it
 * on whichever instance it is connected, and connection-state recovery can resume a session on
 * another instance), on Redis connections that this class opens, owns and closes.
 *
 * - The publisher (XADD of every emit, PUBLISH, session saves) fails fast like the shared client:
 *   while Redis is away, events still reach this instance's sockets at once (without a recovery
 *   offset) instead of waiting for Redis.
 * - The adapter's stream reader (blocking XREAD) and its subscriber keep an offline queue: the
 *   adapter retries a failed XREAD at once, which without a queue would spin while Redis is away.
 * - The adapter sends some commands without waiting for them (the session saved on disconnect, its
 *   subscriptions); their failures (an outage, or the shutdown) must not end the process.
 * - Recovery through the stream has a gap and a repeat, closed by `closeRecoveryGaps`.
 * - At the end the adapters stop first (their read loop ends), then the connections close; the
 *   adapter also closes its reader and subscriber itself, so closing a closed one does nothing.
 */
export class SocketIoRedisAdapter {
  private readonly logger = new Logger(SocketIoRedisAdapter.name);
  private readonly publisher: RedisClientType;
  /** The reader and subscriber the adapter asked for (when it was created). */
  private readonly duplicates: RedisClientType[] = [];
  private closed = false;
  readonly factory: SocketIoAdapterFactory;

  constructor(redis: RedisService) {
    this.publisher = quiet(redis.raw.duplicate() as RedisClientType);
    const duplicate = () => {
      const client = quiet(redis.raw.duplicate({ disableOfflineQueue: false }) as RedisClientType);
      this.duplicates.push(client);
      return guard(client, () => this.closed);
    };
    // Keys and channels under the service's prefix, so deployments (and test runs) sharing a Redis stay apart.
    const name = `${redis.keyPrefix}socket.io`;
    const create = createAdapter(guard(this.publisher, () => this.closed, duplicate), {
      streamName: name,
      channelPrefix: name,
      sessionKeyPrefix: `${name}:session:`,
    });
    // Socket.IO calls the factory with `new`: a function, not an arrow.
    this.factory = function (namespace: unknown) {
      const adapter = create(namespace);
      skipOwnEntries(adapter);
      closeRecoveryGaps(adapter);
      return adapter;
    };
    // Not awaited: the service starts (serving this instance's sockets) while Redis is down.
    this.publisher.connect().catch((error: unknown) => this.logger.warn(`Socket.IO Redis publisher did not connect: ${String(error)}`));
  }

  /** Stops the server's adapters, then closes every connection; safe to call more than once. */
  async close(server?: Server): Promise<void> {
    if (server) {
      // Server.close() does this too, but Nest skips it when it force-closes connections.
      await Promise.allSettled([...server._nsps.values()].map(async (namespace) => namespace.adapter.close()));
    }
    if (this.closed) return;
    this.closed = true;
    // A reader may be blocked in XREAD for seconds: destroying it ends that at once.
    for (const client of this.duplicates) {
      if (client.isOpen) client.destroy();
    }
    // The publisher may still be saving the sessions of sockets closed just now: let those finish.
    const publisher = this.publisher;
    try {
      if (publisher.isReady) await withTimeout(publisher.close(), PUBLISHER_CLOSE_TIMEOUT_MS, 'Socket.IO Redis publisher close timed out');
    } catch {
      // Timed out: destroyed below.
    }
    if (publisher.isOpen) publisher.destroy();
  }
}

/**
 * The stream reader gets back every event this instance stored (each emit of every turn), and the
 * adapter parses each entry's JSON before finding it is its own and dropping it. Dropped here
 * instead, by the sender id the entry carries unparsed: the same outcome without the parse and its
 * garbage on the event loop.
 */
function skipOwnEntries(adapter: Adapter): void {
  const internals = adapter as unknown as { uid: string; onRawMessage(raw: { uid?: unknown }, offset: string): void };
  const read = internals.onRawMessage.bind(adapter);
  internals.onRawMessage = (raw, offset) => {
    if (raw.uid !== internals.uid) read(raw, offset);
  };
}

/** The shared client reports Redis outages; these connections stay silent about the same outage. */
function quiet(client: RedisClientType): RedisClientType {
  client.on('error', () => undefined);
  return client;
}

/**
 * The client as the adapter sees it: every promise it gets back counts as handled (it awaits the
 * ones that matter); once we have closed the connections, a command never settles, so the adapter's
 * read loop (which retries a failed read at once) stops instead of spinning; closing a connection
 * that is already closed does nothing; `duplicate` (how the adapter gets its reader and subscriber)
 * comes from us.
 */
function guard(client: RedisClientType, isClosed: () => boolean, duplicate?: () => RedisClientType): RedisClientType {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'duplicate' && duplicate) return duplicate;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || property === 'constructor') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (CLOSING_METHODS.has(property)) {
        return (...args: unknown[]) => (target.isOpen ? method.apply(target, args) : Promise.resolve());
      }
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        if (!(result instanceof Promise)) return result;
        result.catch(() => undefined);
        return isClosed() ? new Promise(() => undefined) : result;
      };
    },
  });
}
