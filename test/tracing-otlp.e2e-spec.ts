import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { telemetryConfig } from '@app/config';
import { inSpan, startTracing } from '@app/telemetry';
import { patchEnv } from './support/env.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in OTLP/HTTP collector that records what it is sent. */
async function startCollector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('Tracing over OTLP, as main.ts starts it', () => {
  it('sends the spans to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces under OTEL_SERVICE_NAME, flushed at shutdown', async () => {
    const collector = await startCollector();
    const restore = patchEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'chatbet-otlp-test', OTEL_TRACES_SAMPLER_RATIO: undefined });
    try {
      const tracing = startTracing(telemetryConfig());
      expect(tracing).toBeDefined();
      await inSpan('invoke_agent chatbet', { attributes: { 'gen_ai.operation.name': 'invoke_agent' } }, async () => undefined);
      await tracing!.shutdown();
    } finally {
      restore();
      await new Promise((resolve) => collector.server.close(resolve));
    }
    const traces = collector.received.filter((r) => r.path === '/v1/traces');
    expect(traces).toHaveLength(1);
    expect(traces[0].body).toContain('invoke_agent chatbet');
    expect(traces[0].body).toContain('chatbet-otlp-test');
    // Nothing else is exported: metrics and logs stay with Prometheus and pino.
    expect(collector.received.map((r) => r.path)).toEqual(['/v1/traces']);
  });

  it('starts nothing while the endpoint is unset', () => {
    const restore = patchEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: undefined });
    try {
      expect(startTracing(telemetryConfig())).toBeUndefined();
    } finally {
      restore();
    }
  });
});
