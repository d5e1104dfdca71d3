import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from './metrics.service.js';

/** Route label of a request that no route answered (unknown paths, static files, pre-flights, body-parser rejections). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request. Mounted ahead of the Host check and the body parsers, so it also sees
 * answers given before routing (a refused Host, 413) as well as the error filter's 4xx/5xx. The duration is taken when the last
 * byte is handed to the socket; requests whose client went away before that are not counted.
 */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttpRequest(req.method, routeLabel(req), res.statusCode, seconds);
    });
    next();
  };
}

interface ExpressRoute {
  path?: unknown;
  methods?: Record<string, boolean | undefined>;
}

/**
 * The pattern of the route that answered (`/api/v1/sports/teams/:team`), never the raw URL: ids and
 * query strings would give every request its own series. Nest registers each route with its full
 * path on the application's router, so the route's own path is the whole pattern.
 *
 * Nest mounts module middleware (pino-http's request logger among them) as catch-all routes for every
 * HTTP method, and Express leaves the last route that matched in `req.route` even when none of them
 * answered, so an unknown path would carry the middleware's `{/*splat}`. Controller routes are
 * registered for exactly one method each (`@Get`, `@Post`...), so only such a route is taken as the
 * one that answered; an `@All()` route would be counted as unmatched (none exists here).
 */
export function routeLabel(req: Pick<Request, 'route'>): string {
  const route = req.route as ExpressRoute | undefined;
  if (route === undefined || typeof route.path !== 'string' || route.path.length === 0) return UNMATCHED_ROUTE;
  const methods = Object.entries(route.methods ?? {}).filter(([, handled]) => handled === true);
  return methods.length === 1 && methods[0][0] !== '_all' ? route.path : UNMATCHED_ROUTE;
}
