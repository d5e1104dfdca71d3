import { jest } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import { Test } from '@nestjs/testing';
import { httpMetricsMiddleware, routeLabel, UNMATCHED_ROUTE } from './http-metrics.middleware.js';
import { MetricsService } from './metrics.service.js';

type RouteLike = { path: unknown; methods: Record<string, boolean> };

function requestWith(route?: RouteLike): Pick<Request, 'route'> {
  return { route } as Pick<Request, 'route'>;
}

describe('routeLabel', () => {
  it('is the pattern of the controller route that answered', () => {
    expect(routeLabel(requestWith({ path: '/api/v1/sports/teams/:team', methods: { get: true } }))).toBe('/api/v1/sports/teams/:team');
  });

  it('is "unmatched" when no route answered', () => {
    expect(routeLabel(requestWith())).toBe(UNMATCHED_ROUTE);
  });

  it('is "unmatched" when the last route matched was catch-all middleware mounted for every method', () => {
    const everyMethod = Object.fromEntries(['get', 'post', 'put', 'delete', 'patch', 'options', 'head'].map((m) => [m, true]));
    expect(routeLabel(requestWith({ path: '{/*splat}', methods: everyMethod }))).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(requestWith({ path: '{/*splat}', methods: { _all: true } }))).toBe(UNMATCHED_ROUTE);
  });

  it('is "unmatched" for a route whose path is not a string (a RegExp route)', () => {
    expect(routeLabel(requestWith({ path: /^\/x/, methods: { get: true } }))).toBe(UNMATCHED_ROUTE);
  });
});

describe('httpMetricsMiddleware', () => {
  it('observes the method, route pattern, status and a positive duration once the answer is finished', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [MetricsService] }).compile();
    const metrics = moduleRef.get(MetricsService);
    const observe = jest.spyOn(metrics, 'observeHttpRequest');
    const req = { method: 'GET', route: undefined } as unknown as Request;
    const res = Object.assign(new EventEmitter(), { statusCode: 200 }) as unknown as Response;
    let nextCalls = 0;
    const next: NextFunction = () => {
      nextCalls++;
    };

    httpMetricsMiddleware(metrics)(req, res, next);
    expect(nextCalls).toBe(1);
    expect(observe).not.toHaveBeenCalled();

    // Express sets the route while routing, after this middleware has run.
    (req as { route: RouteLike }).route = { path: '/api/v1/sports/odds', methods: { get: true } };
    res.statusCode = 503;
    res.emit('finish');
    expect(observe).toHaveBeenCalledWith('GET', '/api/v1/sports/odds', 503, expect.any(Number));
    expect(observe.mock.calls[0][3]).toBeGreaterThan(0);
    metrics.onModuleDestroy();
  });
});
