import { AsyncLocalStorage } from 'node:async_hooks';

/** What ties a log line to the work it was written for: an HTTP request, or a chat turn on a socket. */
export interface Correlation {
  requestId?: string;
  turnId?: string;
}

const context = new AsyncLocalStorage<Correlation>();

/** Runs `fn` (and everything it starts) with `correlation` added to every log line it writes. */
export function withCorrelation<T>(correlation: Correlation, fn: () => T): T {
  return context.run({ ...context.getStore(), ...correlation }, fn);
}

/** The correlation of the code running now, for the logger's mixin; empty outside any. */
export function currentCorrelation(): Correlation {
  return context.getStore() ?? {};
}
