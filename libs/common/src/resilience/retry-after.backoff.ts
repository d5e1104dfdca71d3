/**
 * A cockatiel backoff that waits what the server asked for (Retry-After, RetryInfo), capped, and
 * otherwise what the wrapped backoff says. The upstream knows its own recovery better than any
 * formula, so its hint wins; the cap keeps one hostile or broken hint from stalling a call.
 */
import { ExponentialBackoff, fullJitterGenerator, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';

/** Reads the server's requested wait from a failed attempt, when it carries one. */
export type RetryAfterHint = (error: unknown) => number | undefined;

export interface RetryAfterBackoffOptions {
  /** Reads the requested wait from an error. */
  hint: RetryAfterHint;
  /** A requested wait is honoured up to this. */
  maxRetryAfterMs: number;
  /** Used when the server said nothing. */
  fallback: IBackoffFactory<IRetryBackoffContext<unknown>>;
}

export class RetryAfterBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(private readonly options: RetryAfterBackoffOptions) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    return this.step(this.options.fallback.next(context), context);
  }

  private step(fallback: IBackoff<IRetryBackoffContext<unknown>>, context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const asked = 'error' in context.result ? this.options.hint(context.result.error) : undefined;
    return {
      duration: asked === undefined ? fallback.duration : Math.min(asked, this.options.maxRetryAfterMs),
      next: (nextContext) => this.step(fallback.next(nextContext), nextContext),
    };
  }
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base * 2^retry)). Spreading
 * retries over the whole window keeps many clients from retrying in lockstep after a shared outage.
 */
export function fullJitterBackoff(baseMs: number, capMs: number): IBackoffFactory<unknown> {
  return new ExponentialBackoff({ initialDelay: baseMs, maxDelay: capMs, generator: fullJitterGenerator });
}
