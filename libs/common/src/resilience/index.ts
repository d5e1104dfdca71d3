export { parseRetryAfterMs } from './retry-after.js';
export { fullJitterBackoff, RetryAfterBackoff, type RetryAfterBackoffOptions, type RetryAfterHint } from './retry-after.backoff.js';
export { CircuitOpenError, UpstreamCircuit, type CircuitBreakerSnapshot, type CircuitState, type UpstreamCircuitOptions } from './upstream-circuit.js';
