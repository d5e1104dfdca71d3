import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry-policy.js';

const options = { baseMs: 200, capMs: 5_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each retry and never passes the cap', () => {
    const ceiling = (retry: number) => backoffDelayMs(retry, options, () => 0.999_999_9) + 1;
    expect([0, 1, 2, 3, 4, 5, 10].map(ceiling)).toEqual([200, 400, 800, 1_600, 3_200, 5_000, 5_000]);
  });

  it('spreads delays over the whole window (full jitter), down to zero', () => {
    expect(backoffDelayMs(2, options, () => 0)).toBe(0);
    expect(backoffDelayMs(2, options, () => 0.5)).toBe(400);
  });

  it('stays within [0, ceiling) for random draws', () => {
    for (let retry = 0; retry < 8; retry++) {
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelayMs(retry, options);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(5_000, 200 * 2 ** retry));
      }
    }
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads delta-seconds, including fractions', () => {
    expect(parseRetryAfterMs('2', now)).toBe(2_000);
    expect(parseRetryAfterMs(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfterMs('0', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:00:03 GMT', now)).toBe(3_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header and uses the first of repeated ones', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-3', now)).toBeUndefined();
    expect(parseRetryAfterMs(['1', '9'], now)).toBe(1_000);
  });
});

describe('retryDelayMs', () => {
  const policy = { ...options, maxRetryAfterMs: 10_000 };

  it('waits what the server asked for, capped', () => {
    expect(retryDelayMs(0, 1_500, policy, () => 0)).toBe(1_500);
    expect(retryDelayMs(0, 60_000, policy, () => 0)).toBe(10_000);
  });

  it('falls back to jittered backoff without a Retry-After', () => {
    expect(retryDelayMs(1, undefined, policy, () => 0.5)).toBe(200);
  });
});

describe('isRetryableStatus', () => {
  it('retries throttling and server errors only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});
