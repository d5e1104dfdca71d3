import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { redisConfig, type RedisConfig } from '@app/config';
import { createClient, type RedisClientType } from 'redis';

export type RedisMode = 'redis' | 'memory';

/**
 * The one Redis connection of this process, or none when Redis is not configured.
 *
 * Commands fail fast while the server is away (no offline queue), so callers can fall back to
 * serving without cache instead of hanging; the client keeps reconnecting in the background and
 * is used again as soon as it is back. An outage is logged once when it starts and once when it ends.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly client?: RedisClientType;
  private outageSince?: number;
  private closing = false;

  constructor(@Inject(redisConfig.KEY) private readonly config: RedisConfig) {
    if (!config.url) return;
    this.client = createClient({
      url: config.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        // Keep trying forever, backing off to one attempt every 2 s.
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
      },
    }) as RedisClientType;
    this.client.on('error', (error: Error) => this.markDown(error));
    this.client.on('ready', () => this.markUp());
  }

  get mode(): RedisMode {
    return this.client ? 'redis' : 'memory';
  }

  get isConfigured(): boolean {
    return this.client !== undefined;
  }

  /** True when commands can be sent now. */
  get isReady(): boolean {
    return this.client?.isReady ?? false;
  }

  /** Prefix for every key this service writes. */
  get keyPrefix(): string {
    return this.config.keyPrefix;
  }

  key(...parts: string[]): string {
    return this.config.keyPrefix + parts.join(':');
  }

  /** The connected client; throws when Redis is not configured (check `isConfigured` first). */
  get raw(): RedisClientType {
    if (!this.client) throw new Error('Redis is not configured');
    return this.client;
  }

  async onModuleInit(): Promise<void> {
    if (!this.client) {
      this.logger.log('Redis not configured (REDIS_URL unset): using in-memory stores');
      return;
    }
    // Start connecting without holding up start-up for longer than a moment: the service must come
    // up (and report itself not ready) even when Redis is down.
    const connecting = this.client.connect().catch(() => undefined);
    await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, 1_500).unref())]);
    if (this.client.isReady) this.logger.log(`Connected to Redis at ${redact(this.config.url!)}`);
  }

  /** Round-trip time in ms; throws when Redis is down or not configured. */
  async ping(timeoutMs = 1_000): Promise<number> {
    const client = this.raw;
    const started = performance.now();
    await withTimeout(client.ping(), timeoutMs, 'Redis ping timed out');
    return performance.now() - started;
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.closing = true;
    try {
      // A connected client finishes its pending commands; one still (re)connecting is stopped.
      if (client.isReady) await withTimeout(client.close(), 2_000, 'Redis close timed out');
      else if (client.isOpen) client.destroy();
    } catch {
      if (client.isOpen) client.destroy();
    }
  }

  private markDown(error: Error): void {
    if (this.closing || this.outageSince !== undefined) return;
    this.outageSince = Date.now();
    this.logger.error(`Redis unavailable (${error.message}); serving without it until it is back`);
  }

  private markUp(): void {
    if (this.outageSince === undefined) return;
    this.logger.log(`Redis is back after ${Math.round((Date.now() - this.outageSince) / 1000)} s`);
    this.outageSince = undefined;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
