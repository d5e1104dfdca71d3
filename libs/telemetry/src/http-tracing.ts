/**
 * A server span per HTTP request, made in Fastify's hooks (the Fastify auto-instrumentation needs a
 * loader hook under ES modules). A caller's `traceparent` is continued. The span is made active for
 * the route handler the same way request ids are (see `registerRequestLogging`): `done` is called
 * inside the span's context, in `onRequest` and again in `preHandler`, after body parsing.
 */
import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CHATBET } from './span-attributes.js';
import { TRACER_NAME } from './spans.js';
import { tracingStarted } from './tracing.js';

export function registerHttpTracing(server: FastifyInstance): void {
  // Without a started SDK every span would be a no-op: leave the four hooks out of every request.
  if (!tracingStarted()) return;
  const spans = new WeakMap<FastifyRequest, Span>();

  server.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const span = trace.getTracer(TRACER_NAME).startSpan(
      route === undefined ? request.method : `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?', 1)[0],
          'url.scheme': request.protocol,
          [CHATBET.REQUEST_ID]: request.id,
          ...(route === undefined ? {} : { 'http.route': route }),
        },
      },
      parent,
    );
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });

  server.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (span === undefined) return done();
    context.with(trace.setSpan(context.active(), span), done);
  });

  server.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    if (span !== undefined) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) {
        span.setAttribute('error.type', String(reply.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      spans.delete(request);
    }
    done();
  });

  server.addHook('onRequestAbort', (request, done) => {
    const span = spans.get(request);
    if (span !== undefined) {
      span.setAttribute('error.type', 'aborted');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client went away before the answer' });
      span.end();
      spans.delete(request);
    }
    done();
  });
}

/** Adds the active trace's `traceparent` (and baggage) to an outgoing request's headers. */
export function injectTraceHeaders(headers: Record<string, string | number>): void {
  propagation.inject(context.active(), headers, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
}
