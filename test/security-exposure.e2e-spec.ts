import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

/** What production shows besides the API (issue #12, point 7). */
const PRODUCTION = { ENVIRONMENT: 'production', SECRET_KEY: 'security-exposure-secret-0123456789abcdef' };
const OPS_TOKEN = 'ops-token-for-the-scraper-0123456789abcdef';
const OPERATOR_PATHS = ['/metrics', '/ws/status', '/health/detailed'];

async function statuses(t: TestApp, paths: string[], headers: Record<string, string> = {}): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const path of paths) result[path] = (await request(t.app.getHttpServer()).get(path).set(headers)).status;
  return result;
}

describe('Security: operator endpoints in production', () => {
  it('by default shows no docs, and metrics, /ws/status and /health/detailed only to OPS_TOKEN holders', async () => {
    const t = await createTestApp({ env: { ...PRODUCTION, OPS_TOKEN } });
    try {
      expect(await statuses(t, ['/docs', '/docs-json'])).toEqual({ '/docs': 404, '/docs-json': 404 });
      expect(await statuses(t, OPERATOR_PATHS)).toEqual({ '/metrics': 401, '/ws/status': 401, '/health/detailed': 401 });
      expect(await statuses(t, OPERATOR_PATHS, { Authorization: 'Bearer wrong-token-0123456789abcdef0123456789' })).toEqual({ '/metrics': 401, '/ws/status': 401, '/health/detailed': 401 });
      expect(await statuses(t, OPERATOR_PATHS, { Authorization: `Bearer ${OPS_TOKEN}` })).toEqual({ '/metrics': 200, '/ws/status': 200, '/health/detailed': 200 });
      const detailed = await request(t.app.getHttpServer()).get('/health/detailed');
      expect(JSON.stringify(detailed.body)).not.toMatch(/pid|node_version|heap/i);
      // Probes stay open.
      expect(await statuses(t, ['/health/live', '/health'])).toEqual({ '/health/live': 200, '/health': 200 });
    } finally {
      await t.close();
    }
  });

  it('keeps them closed (404) when no OPS_TOKEN is set', async () => {
    const t = await createTestApp({ env: { ...PRODUCTION, OPS_TOKEN: undefined } });
    try {
      expect(await statuses(t, OPERATOR_PATHS, { Authorization: 'Bearer anything-at-all' })).toEqual({ '/metrics': 404, '/ws/status': 404, '/health/detailed': 404 });
    } finally {
      await t.close();
    }
  });

  it('opens each one only when told: DOCS_ENABLED, METRICS_ACCESS=public, DIAGNOSTICS_ACCESS=off', async () => {
    const t = await createTestApp({ env: { ...PRODUCTION, OPS_TOKEN, DOCS_ENABLED: 'true', METRICS_ACCESS: 'public', DIAGNOSTICS_ACCESS: 'off' } });
    try {
      expect(await statuses(t, ['/docs-json', ...OPERATOR_PATHS], { Authorization: `Bearer ${OPS_TOKEN}` })).toEqual({
        '/docs-json': 200,
        '/metrics': 200,
        '/ws/status': 404,
        '/health/detailed': 404,
      });
    } finally {
      await t.close();
    }
  });

  it('refuses an OPS_TOKEN shorter than 32 characters at start-up', async () => {
    await expect(createTestApp({ env: { ...PRODUCTION, OPS_TOKEN: 'short' } })).rejects.toThrow('OPS_TOKEN must be at least 32 characters');
  });

  it('leaves everything open in development', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'development', OPS_TOKEN: undefined } });
    try {
      expect(await statuses(t, ['/docs-json', ...OPERATOR_PATHS])).toEqual({ '/docs-json': 200, '/metrics': 200, '/ws/status': 200, '/health/detailed': 200 });
    } finally {
      await t.close();
    }
  });
});
