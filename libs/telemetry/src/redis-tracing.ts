/**
 * A client span per Redis command, from the tracing channels node-redis publishes on
 * (`node-redis:command`, `node-redis:batch`). The channel's start event runs in the caller's async
 * context, so each command becomes a child of whatever span issued it (the session lock, the
 * conversation store, the cache).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { TRACER_NAME } from './spans.js';

/** What node-redis hands the channel: its command trace context, plus our span once started. */
interface RedisTraceContext {
  command?: string;
  batchMode?: string;
  batchSize?: number;
  database?: number;
  serverAddress?: string;
  serverPort?: number;
  error?: unknown;
  span?: Span;
}

export function traceRedisCommands(): { dispose(): void } {
  const subscriptions = [subscribe('node-redis:command'), subscribe('node-redis:batch')];
  return { dispose: () => subscriptions.forEach((unsubscribe) => unsubscribe()) };
}

function subscribe(name: string): () => void {
  const channel = tracingChannel<unknown, RedisTraceContext>(name);
  const handlers = {
    start(message: RedisTraceContext) {
      // A command of a MULTI/pipeline is already inside the batch's span; one span per batch is enough.
      if (message.command !== undefined && message.batchMode !== undefined) return;
      const operation = message.command ?? message.batchMode ?? 'BATCH';
      const span = trace.getTracer(TRACER_NAME).startSpan(
        `redis ${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'redis',
            'db.operation.name': operation,
            ...(message.database === undefined ? {} : { 'db.namespace': String(message.database) }),
            ...(message.batchSize === undefined ? {} : { 'db.operation.batch.size': message.batchSize }),
            ...(message.serverAddress === undefined ? {} : { 'server.address': message.serverAddress }),
            ...(message.serverPort === undefined ? {} : { 'server.port': message.serverPort }),
          },
        },
        context.active(),
      );
      message.span = span;
    },
    end() {},
    asyncStart() {},
    asyncEnd(message: RedisTraceContext) {
      message.span?.end();
    },
    error(message: RedisTraceContext) {
      const span = message.span;
      if (!span) return;
      const error = message.error;
      span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      // tracePromise publishes asyncEnd after a rejection too, which ends the span.
    },
  };
  channel.subscribe(handlers);
  return () => channel.unsubscribe(handlers);
}
