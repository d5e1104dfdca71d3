import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan, startSpan, withActiveSpan } from './spans.js';
import { startTracing, type TracingHandle } from './tracing.js';

describe('spans at our seams', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  let tracing: TracingHandle;
  /** Finished spans, once exported: the SDK waits for its resource detectors before the first export. */
  const finished = async () => {
    await processor.forceFlush();
    return exporter.getFinishedSpans();
  };

  beforeAll(() => {
    const off = { enabled: false, endpoint: undefined, tracesUrl: undefined, serviceName: 'spans-spec', samplerRatio: 1 };
    tracing = startTracing(off, { spanProcessors: [processor] })!;
  });

  afterEach(() => exporter.reset());

  afterAll(() => tracing.shutdown());

  it('makes what runs inside a span its children, across awaits, and ends the span when the work settles', async () => {
    const result = await inSpan('outer', {}, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return inSpan('inner', {}, async () => 42);
    });
    expect(result).toBe(42);
    const [inner, outer] = await finished();
    expect([inner.name, outer.name]).toEqual(['inner', 'outer']);
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(outer.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records a thrown error with its type and passes it on', async () => {
    const failure = new RangeError('no such fixture');
    await expect(inSpan('failing', {}, async () => Promise.reject(failure))).rejects.toBe(failure);
    const [span] = await finished();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no such fixture' });
    expect(span.attributes['error.type']).toBe('RangeError');
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('parents work under a span started apart, without making that span end with it', async () => {
    const lock = startSpan('session_lock');
    await withActiveSpan(lock, () => inSpan('redis SET', {}, async () => undefined));
    expect((await finished()).map((s) => s.name)).toEqual(['redis SET']);
    lock.end();
    const [child, parent] = await finished();
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });
});
