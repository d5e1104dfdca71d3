import { FastifyAdapter } from '@nestjs/platform-fastify';
import { resolveRequestId, REQUEST_ID_HEADER } from '@app/common';
import { appConfig } from '@app/config';
import type { IncomingMessage } from 'node:http';

/**
 * The HTTP server under Nest: Fastify. Built before the module graph, so it reads the `app`
 * config namespace directly (the same validated values the application gets).
 *
 * - request ids: the caller's safe X-Request-Id or a new UUID, kept on the Node request too so the
 *   request log line carries the same id;
 * - client addresses: X-Forwarded-For only from TRUSTED_PROXIES;
 * - body limit BODY_LIMIT_BYTES for every parser (413 above it);
 * - keep-alive longer than the usual load-balancer idle timeout (60 s), so the balancer closes first.
 */
export function createHttpAdapter(): FastifyAdapter {
  const config = appConfig();
  return new FastifyAdapter({
    // X-Forwarded-For is believed only from TRUSTED_PROXIES (none by default): any other client could rotate it to escape per-address limits.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: config.bodyLimitBytes,
    keepAliveTimeout: 65_000,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage & { id?: unknown }) => {
      const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
      req.id = id;
      return id;
    },
  });
}
