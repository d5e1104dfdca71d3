import Fastify, { type FastifyInstance } from 'fastify';
import { Test } from '@nestjs/testing';
import { registerHttpMetrics, UNMATCHED_ROUTE } from './http-metrics.hook.js';
import { MetricsService } from './metrics.service.js';

/** Sample lines of `chatbet_http_request_duration_seconds_count` from the registry's text. */
async function requestCounts(metrics: MetricsService): Promise<Map<string, number>> {
  const text = await metrics.render();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^chatbet_http_request_duration_seconds_count\{(.*)\} (\d+)$/.exec(line);
    if (match) counts.set(match[1], Number(match[2]));
  }
  return counts;
}

describe('registerHttpMetrics', () => {
  let server: FastifyInstance;
  let metrics: MetricsService;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ providers: [MetricsService] }).compile();
    metrics = moduleRef.get(MetricsService);
    server = Fastify();
    registerHttpMetrics(server, metrics);
    server.get('/api/v1/sports/teams/:team', async () => ({ ok: true }));
    server.get('/fails', async (_request, reply) => reply.code(503).send({ down: true }));
    await server.ready();
  });

  afterEach(async () => {
    await server.close();
    metrics.onModuleDestroy();
  });

  it('labels a request with the route pattern, never the raw URL, and counts each answer once', async () => {
    await server.inject({ method: 'GET', url: '/api/v1/sports/teams/barcelona?x=1' });
    await server.inject({ method: 'GET', url: '/api/v1/sports/teams/chelsea' });
    const counts = await requestCounts(metrics);
    expect(counts.get('method="GET",route="/api/v1/sports/teams/:team",status_code="200"')).toBe(2);
    expect([...counts.keys()].some((labels) => labels.includes('barcelona'))).toBe(false);
  });

  it('records the status the client got and an unknown path as unmatched', async () => {
    await server.inject({ method: 'GET', url: '/fails' });
    await server.inject({ method: 'GET', url: '/no/such/path/123' });
    const counts = await requestCounts(metrics);
    expect(counts.get('method="GET",route="/fails",status_code="503"')).toBe(1);
    expect(counts.get(`method="GET",route="${UNMATCHED_ROUTE}",status_code="404"`)).toBe(1);
  });
});
