export { startTracing, type TracingHandle, type TracingOverrides } from './tracing.js';
export { registerHttpTracing, injectTraceHeaders } from './http-tracing.js';
export { traceRedisCommands } from './redis-tracing.js';
export { activeSpan, inSpan, recordFailure, setDefined, startSpan, TRACER_NAME, withActiveSpan } from './spans.js';
export { CHATBET, GEN_AI } from './span-attributes.js';
