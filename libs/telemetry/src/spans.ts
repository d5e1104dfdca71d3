/**
 * Spans at our own seams, through @opentelemetry/api only: with tracing off (no SDK started) every
 * call here is the API's no-op and costs next to nothing.
 */
import { context, type Attributes, type Span, type SpanOptions, SpanStatusCode, trace } from '@opentelemetry/api';

export const TRACER_NAME = 'chatbet';

/**
 * Runs `fn` inside a new active span (everything it starts, Redis commands and upstream calls
 * included, becomes a child), records a thrown error on it, and ends it when `fn` settles.
 */
export function inSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, options, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that is not made active; the caller ends it (see `SessionLockService`). */
export function startSpan(name: string, options: SpanOptions = {}): Span {
  return trace.getTracer(TRACER_NAME).startSpan(name, options);
}

/** Runs `fn` with `span` as the active span, so what it starts becomes the span's children. */
export function withActiveSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

/** Marks the span failed with the error's type, as the semantic conventions' `error.type`. */
export function recordFailure(span: Span, error: unknown, type?: string): void {
  const name = type ?? (error instanceof Error ? error.name : 'Error');
  span.setAttribute('error.type', name);
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300) });
}

/** Sets the attributes whose value is known, leaving out the undefined ones. */
export function setDefined(span: Span, attributes: Record<string, Attributes[string] | undefined>): void {
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) span.setAttribute(key, value);
}

/** The active span, for adding events or attributes where a seam has no span of its own. */
export function activeSpan(): Span | undefined {
  return trace.getActiveSpan();
}
