import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { rateLimitConfig, type RateLimitConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { type HttpReply, type HttpRequest, pathOf } from '@app/common';
import { addressKey } from './address-key.js';
import { CHAT_THROTTLER, ChatTurnTracker, isChatTurn } from './chat-turn.throttler.js';
import { type HttpRateLimitScope, RateLimitedError } from './rate-limited.error.js';
import type { ThrottlerStorageRecord } from './memory-throttler.storage.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/** One named limit: `limit` hits per `ttlMs` for each tracker, on the requests it applies to. */
interface HttpThrottler {
  name: string;
  scope: HttpRateLimitScope;
  limit: number;
  ttlMs: number;
  appliesTo(req: HttpRequest): boolean;
  trackerOf(req: HttpRequest): string | Promise<string>;
  headers: { limit: string; remaining: string; reset: string };
  limitText: string;
}

// Probes and scrapes come from the platform, often many per second from one address.
const UNTHROTTLED_PATH = /^\/(health|metrics)(\/|$)/;

/**
 * The global REST rate-limit guard, with `@nestjs/throttler`'s semantics and headers: every named
 * throttler that applies counts the request in the shared `ThrottlerStorage` (Redis); over a limit
 * the key is blocked for one window. Two throttlers:
 * - `default`: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW seconds per client address, all routes but
 *   health and metrics (sockets have their own limits in the realtime service);
 * - `chat`: CHAT_RATE_LIMIT_PER_MINUTE turns per user, session or address on the chat turn routes.
 *
 * Allowed answers carry `X-RateLimit-Limit`, `-Remaining` and `-Reset` (suffixed `-chat` for the chat
 * limit); a refused one is the standard error body with code RATE_LIMITED, status 429 and
 * `Retry-After`, counted in `chatbet_rate_limited_total{scope}`.
 *
 * Why not `ThrottlerGuard` and `ThrottlerModule` themselves: `@nestjs/throttler` 6 is CommonJS and
 * `require`s `@nestjs/common`, which Nest 12 ships as ES modules only. Node 20.19+ allows that, but
 * Jest's module loader only does so on Node 24.9+, so importing the package at run time would stop
 * every e2e suite from loading the app. Its storage interface is kept (type-only import), so moving to
 * the package's guard is a change of this file and the module once it loads under the test runner.
 */
@Injectable()
export class HttpThrottlerGuard implements CanActivate {
  private readonly throttlers: HttpThrottler[];

  constructor(
    @Inject(rateLimitConfig.KEY) limits: RateLimitConfig,
    private readonly storage: RedisThrottlerStorage,
    chat: ChatTurnTracker,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.throttlers = [
      {
        name: 'default',
        scope: 'http',
        limit: limits.requests,
        ttlMs: limits.windowSeconds * 1000,
        appliesTo: () => true,
        trackerOf: (req) => addressKey(req.ip),
        headers: headersOf('default'),
        limitText: String(limits.requests),
      },
      {
        name: CHAT_THROTTLER,
        scope: 'chat',
        limit: limits.chatTurnsPerMinute,
        ttlMs: 60_000,
        appliesTo: isChatTurn,
        trackerOf: (req) => chat.trackerOf(req),
        headers: headersOf(CHAT_THROTTLER),
        limitText: String(limits.chatTurnsPerMinute),
      },
    ];
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    if (UNTHROTTLED_PATH.test(pathOf(req.url))) return true;
    const applicable = this.throttlers.filter((throttler) => throttler.appliesTo(req));
    const trackers = applicable.map((throttler) => throttler.trackerOf(req));
    // Counted without a promise while every answer is at hand (in-memory counts, trackers that need
    // no token check); otherwise awaited, every limit's count going to Redis in one round trip.
    if (trackers.every((tracker) => typeof tracker === 'string')) {
      const records = applicable.map((throttler, i) => this.storage.incrementLocally(keyOf(throttler, trackers[i] as string), throttler.ttlMs, throttler.limit, throttler.ttlMs, throttler.name));
      if (records.every((record) => record !== undefined)) {
        applicable.forEach((throttler, i) => this.apply(throttler, records[i] as ThrottlerStorageRecord, reply));
        return true;
      }
    }
    return this.countAll(applicable, trackers, reply);
  }

  private async countAll(applicable: HttpThrottler[], trackers: Array<string | Promise<string>>, reply: HttpReply): Promise<boolean> {
    const keys = await Promise.all(trackers);
    const records = await Promise.all(applicable.map((throttler, i) => this.storage.increment(keyOf(throttler, keys[i]), throttler.ttlMs, throttler.limit, throttler.ttlMs, throttler.name)));
    applicable.forEach((throttler, i) => this.apply(throttler, records[i], reply));
    return true;
  }

  /** Refuses a request over the limit (429), else adds the limit's headers to its answer. */
  private apply(throttler: HttpThrottler, record: ThrottlerStorageRecord, reply: HttpReply): void {
    if (record.isBlocked) {
      this.metrics?.rateLimited(throttler.scope);
      throw new RateLimitedError(throttler.scope, throttler.limit, throttler.ttlMs, record.timeToBlockExpire);
    }
    reply.header(throttler.headers.limit, throttler.limitText);
    reply.header(throttler.headers.remaining, String(Math.max(0, throttler.limit - record.totalHits)));
    reply.header(throttler.headers.reset, String(record.timeToExpire));
  }
}

/** The throttler's name is part of the key: one count per client across all routes. */
function keyOf(throttler: HttpThrottler, tracker: string): string {
  return `${throttler.name}:${tracker}`;
}

function headersOf(name: string): HttpThrottler['headers'] {
  const suffix = name === 'default' ? '' : `-${name}`;
  return { limit: `X-RateLimit-Limit${suffix}`, remaining: `X-RateLimit-Remaining${suffix}`, reset: `X-RateLimit-Reset${suffix}` };
}
