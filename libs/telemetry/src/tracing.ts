/**
 * Starts OpenTelemetry for this process: the NodeSDK with an OTLP/HTTP trace exporter, W3C trace
 * context propagation, and no auto-instrumentation (it needs a loader hook under ES modules): spans
 * come from our own seams (`inSpan`), the HTTP hooks (`registerHttpTracing`) and node-redis's
 * diagnostics channel (`traceRedisCommands`). Metrics and logs stay with Prometheus and pino.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ParentBasedSampler, TraceIdRatioBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TelemetryConfig } from '@app/config';
import { traceRedisCommands } from './redis-tracing.js';

export interface TracingHandle {
  /** Sends the spans still buffered and stops; call once the application has closed. */
  shutdown(): Promise<void>;
}

export interface TracingOverrides {
  /** Where spans go instead of the OTLP exporter (tests read them from an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

/**
 * Starts tracing when the config enables it (or when span processors are given); otherwise does
 * nothing and returns undefined. Call before the first span is wanted, once per process.
 */
let started = false;

/** Whether this process records traces: without it the HTTP hooks are left out, so tracing off costs a request nothing. */
export function tracingStarted(): boolean {
  return started;
}

export function startTracing(config: TelemetryConfig, overrides: TracingOverrides = {}): TracingHandle | undefined {
  if (!config.enabled && overrides.spanProcessors === undefined) return undefined;
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    ...(overrides.spanProcessors
      ? { spanProcessors: overrides.spanProcessors }
      : { traceExporter: new OTLPTraceExporter({ url: config.tracesUrl }) }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.samplerRatio) }),
    instrumentations: [],
    // Prometheus serves the metrics and pino the logs: the SDK must not start OTLP exporters for them.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  started = true;
  const redis = traceRedisCommands();
  return {
    shutdown: async () => {
      started = false;
      redis.dispose();
      await sdk.shutdown();
    },
  };
}
