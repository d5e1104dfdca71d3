import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('HTTP errors, correlation ids and API docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 in the documented error shape', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/does-not-exist').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringContaining('/api/v1/does-not-exist'),
      requestId: expect.any(String),
    });
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });

  it('echoes a caller-supplied X-Request-Id in the header and the error body', async () => {
    const res = await request(t.app.getHttpServer()).get('/missing').set('X-Request-Id', 'trace-abc_123').expect(404);
    expect(res.headers['x-request-id']).toBe('trace-abc_123');
    expect(res.body.requestId).toBe('trace-abc_123');
  });

  it('replaces an unsafe X-Request-Id with a generated one', async () => {
    const res = await request(t.app.getHttpServer()).get('/missing').set('X-Request-Id', 'bad id\twith spaces').expect(404);
    expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a JSON body over the limit with 413 in the error shape', async () => {
    const big = { text: 'x'.repeat(70 * 1024) };
    const res = await request(t.app.getHttpServer()).post('/api/v1/anything').send(big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', requestId: expect.any(String) });
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'Request body is not valid JSON', requestId: expect.any(String) });
  });

  it('describes itself at the root, linking the chat page, the docs and health', async () => {
    const res = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(res.body).toEqual({ service: 'chatbet-backend', version: expect.stringMatching(/^\d+\.\d+\.\d+/), chat_page: '/ws/test', docs: '/docs', health: '/health' });
    const page = await request(t.app.getHttpServer()).get(res.body.chat_page).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await request(t.app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(t.app.getHttpServer()).get('/docs-json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/', '/health', '/health/live', '/health/ready', '/health/detailed']));
  });

  it('sends security headers', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
