/**
 * Milliseconds an HTTP `Retry-After` value asks to wait: delta-seconds ("2", "0.5") or an HTTP date.
 * `undefined` when absent or unreadable; never negative. Repeated headers: the first one counts.
 */
export function parseRetryAfterMs(header: string | string[] | null | undefined, now: number = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Date.parse takes "-3" for a year; an HTTP date always names a weekday and a month.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
