import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { rateLimitConfig, type RateLimitConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { type HttpReply, type HttpRequest, pathOf } from '@app/common';
import { addressKey } from './address-key.js';
import { CHAT_THROTTLER, ChatTurnTracker, isChatTurn } from './chat-turn.throttler.js';
import { type HttpRateLimitScope, RateLimitedError } from './rate-limited.error.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/** One named limit: `limit` hits per `ttlMs` for each tracker, on the requests it applies to. */
interface HttpThrottler {
  name: string;
  scope: HttpRateLimitScope;
  limit: number;
  ttlMs: number;
  appliesTo(req: HttpRequest): boolean;
  trackerOf(req: HttpRequest): string | Promise<string>;
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
      },
      {
        name: CHAT_THROTTLER,
        scope: 'chat',
        limit: limits.chatTurnsPerMinute,
        ttlMs: 60_000,
        appliesTo: isChatTurn,
        trackerOf: (req) => chat.trackerOf(req),
      },
    ];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    if (UNTHROTTLED_PATH.test(pathOf(req.url))) return true;
    const applicable = this.throttlers.filter((throttler) => throttler.appliesTo(req));
    const trackers = await Promise.all(applicable.map((throttler) => throttler.trackerOf(req)));
    // Counted together, so the counts of every limit go to Redis in one round trip.
    const records = await Promise.all(
      applicable.map((throttler, i) =>
        // The throttler's name is part of the key: one count per client across all routes.
        this.storage.increment(`${throttler.name}:${trackers[i]}`, throttler.ttlMs, throttler.limit, throttler.ttlMs, throttler.name),
      ),
    );
    applicable.forEach((throttler, i) => {
      const record = records[i];
      if (record.isBlocked) {
        this.metrics?.rateLimited(throttler.scope);
        throw new RateLimitedError(throttler.scope, throttler.limit, throttler.ttlMs, record.timeToBlockExpire);
      }
      const suffix = throttler.name === 'default' ? '' : `-${throttler.name}`;
      reply.header(`X-RateLimit-Limit${suffix}`, String(throttler.limit));
      reply.header(`X-RateLimit-Remaining${suffix}`, String(Math.max(0, throttler.limit - record.totalHits)));
      reply.header(`X-RateLimit-Reset${suffix}`, String(record.timeToExpire));
    });
    return true;
  }
}
