/** Backoff and Retry-After arithmetic for the ChatBet client, kept pure so it can be unit-tested. */

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** No delay ceiling grows past this. */
  capMs: number;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base * 2^retry)), with `retry`
 * counted from 0. Spreading retries over the whole window avoids many clients retrying in lockstep
 * after a shared outage.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: either delta-seconds ("2", "0.5") or an HTTP date.
 * `undefined` when absent or unreadable; never negative.
 */
export function parseRetryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date names its weekday and month; bare numbers like "-3" are not dates here.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before the next attempt: what the server asked for (capped), else the jittered backoff. */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions & { maxRetryAfterMs: number },
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxRetryAfterMs);
  return backoffDelayMs(retry, options, random);
}

/** Statuses that say "try again later" rather than "this request is wrong". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
