import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsService } from './metrics.service.js';

/** Route label of a request that no route answered (unknown paths, pre-flights answered by a hook). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request the server answers, from its arrival to the last byte handed to the
 * socket, answers given by a hook (a refused Host, 413, 503 while closing) and the error filter's
 * 4xx/5xx included. Requests whose client went away before the answer are not counted.
 */
export function registerHttpMetrics(server: FastifyInstance, metrics: MetricsService): void {
  server.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttpRequest(request.method, routeLabel(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/**
 * The pattern of the route that answered (`/api/v1/sports/teams/:team`), never the raw URL: ids and
 * query strings would give every request its own series. Requests that matched no route (Fastify's
 * not-found handler answered them) are `unmatched`.
 */
export function routeLabel(request: Pick<FastifyRequest, 'routeOptions' | 'is404'>): string {
  const pattern = request.routeOptions.url;
  return request.is404 || pattern === undefined || pattern.length === 0 ? UNMATCHED_ROUTE : pattern;
}
