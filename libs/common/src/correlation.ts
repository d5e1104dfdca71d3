import { AsyncLocalStorage } from 'node:async_hooks';

/** What ties a log line to the work it was written for: an HTTP request, or a chat turn on a socket. */
export interface Correlation {
  requestId?: string;
  turnId?: string;
}

const context = new AsyncLocalStorage<Correlation>();
const NONE: Correlation = Object.freeze({});

/** Runs `fn` (and everything it starts) with `correlation` added to every log line it writes. */
export function withCorrelation<T>(correlation: Correlation, fn: () => T): T {
  return context.run({ ...context.getStore(), ...correlation }, fn);
}

/**
 * The correlation of the code running now, for the logger's mixin; empty outside any. The object is
 * shared by everything the request or turn runs: read it, never write into it.
 */
export function currentCorrelation(): Readonly<Correlation> {
  return context.getStore() ?? NONE;
}

/**
 * pino's `mixinMergeStrategy`: the line's own fields over its correlation. pino's default assigns the
 * line into the mixin's object, which here is the request's shared correlation (every field of every
 * line would pile up in it, and it cost more than the rest of a request line). A line that already
 * names its correlation (the request lines) is written as it is.
 */
export function mergeCorrelation(line: object, correlation: Readonly<Correlation>): object {
  if (correlation.requestId === undefined && correlation.turnId === undefined) return line;
  const own = line as Correlation;
  if (own.requestId === correlation.requestId && (correlation.turnId === undefined || own.turnId === correlation.turnId)) return line;
  return { ...correlation, ...line };
}
