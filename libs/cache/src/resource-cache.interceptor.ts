import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CacheResourceName } from '@app/config';
import { type HttpReply, type HttpRequest, pathOf } from '@app/common';
import { MetricsService } from '@app/metrics';
import { from, mergeMap, type Observable, of, tap } from 'rxjs';
import { AppCacheService } from './app-cache.service.js';
import { CacheKeyService } from './cache-keys.service.js';
import { CACHE_RESOURCE_KEY } from './cache-resource.metadata.js';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const KEY_MEMO_SIZE = 1_000;

/**
 * Serves GET routes marked with @CacheResource from the cache and stores their 2xx answers with
 * the resource's TTL, as JSON text. Answers carry `X-Cache: HIT` or `MISS`. Bound to those routes
 * by the decorator; an answer held in this process is sent without waiting on anything.
 */
@Injectable()
export class ResourceCacheInterceptor implements NestInterceptor {
  // The resource of each route handler, read from its metadata once.
  private readonly resources = new WeakMap<object, CacheResourceName | null>();
  // The cache key of each recent URL (the key depends on the resource and the URL only).
  private readonly keysByUrl = new Map<string, string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly cache: AppCacheService,
    private readonly keys: CacheKeyService,
    // Absent when the cache module is built without the app's metrics in tests.
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const resource = this.resourceOf(context);
    const req = context.switchToHttp().getRequest<HttpRequest>();
    if (!resource || req.method !== 'GET') return next.handle();
    const reply = context.switchToHttp().getResponse<HttpReply>();
    const key = this.keyOf(resource, req);
    const local = this.cache.peekTextBytes(key);
    if (local !== undefined) return of(this.hit(reply, resource, local));
    return from(this.cache.getTextBytes(key)).pipe(
      mergeMap((cached) => {
        if (cached !== undefined) return of(this.hit(reply, resource, cached));
        this.metrics?.cacheMiss('http', resource);
        reply.header('X-Cache', 'MISS');
        return next.handle().pipe(
          tap((body) => {
            // A stale answer (served from the last good copy while the source is down) must not be
            // pinned for a whole TTL: the next request should try the source again.
            if (reply.statusCode >= 200 && reply.statusCode < 300 && body !== undefined && !isStale(body)) {
              // An answer built from data fetched earlier lives only for what is left of that data's
              // TTL, so the HTTP copy never outlives (and never disagrees with) the data under it.
              const ttlMs = this.cache.ttlMs(resource) - ageMs(body);
              if (ttlMs > 0) void this.cache.setText(key, JSON.stringify(body), ttlMs);
            }
          }),
        );
      }),
    );
  }

  /** The answer's JSON, sent as the bytes stored: no parse, re-serialisation or encoding per hit. */
  private hit(reply: HttpReply, resource: CacheResourceName, bytes: Buffer): Buffer {
    this.metrics?.cacheHit('http', resource);
    reply.header('X-Cache', 'HIT');
    reply.type(JSON_CONTENT_TYPE);
    return bytes;
  }

  private keyOf(resource: CacheResourceName, req: HttpRequest): string {
    const memo = `${resource} ${req.url}`;
    let key = this.keysByUrl.get(memo);
    if (key === undefined) {
      key = this.keys.httpKey(resource, pathOf(req.url), req.query as Record<string, unknown>);
      // Dropped all at once when full: cheaper than an LRU, and refilled by the next requests.
      if (this.keysByUrl.size >= KEY_MEMO_SIZE) this.keysByUrl.clear();
      this.keysByUrl.set(memo, key);
    }
    return key;
  }

  private resourceOf(context: ExecutionContext): CacheResourceName | undefined {
    const handler = context.getHandler();
    let resource = this.resources.get(handler);
    if (resource === undefined) {
      resource = this.reflector.getAllAndOverride<CacheResourceName | undefined>(CACHE_RESOURCE_KEY, [handler, context.getClass()]) ?? null;
      this.resources.set(handler, resource);
    }
    return resource ?? undefined;
  }
}

/** Age of the data in an answer that says when it was fetched (`fetchedAt`), else 0. */
function ageMs(body: unknown): number {
  const fetchedAt = typeof body === 'object' && body !== null ? (body as { fetchedAt?: unknown }).fetchedAt : undefined;
  const at = typeof fetchedAt === 'string' ? Date.parse(fetchedAt) : Number.NaN;
  return Number.isNaN(at) ? 0 : Math.max(0, Date.now() - at);
}

function isStale(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stale?: unknown }).stale === true;
}
