import { ConstantBackoff, type IRetryBackoffContext } from 'cockatiel';
import { parseRetryAfterMs } from './retry-after.js';
import { fullJitterBackoff, RetryAfterBackoff } from './retry-after.backoff.js';

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
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-3', now)).toBeUndefined();
    expect(parseRetryAfterMs(['1', '9'], now)).toBe(1_000);
  });
});

class Throttled extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('throttled');
  }
}

const failed = (attempt: number, error: Error): IRetryBackoffContext<unknown> => ({ attempt, result: { error }, signal: new AbortController().signal });
const hint = (error: unknown) => (error instanceof Throttled ? error.retryAfterMs : undefined);

describe('RetryAfterBackoff', () => {
  const backoff = new RetryAfterBackoff({ hint, maxRetryAfterMs: 10_000, fallback: new ConstantBackoff(250) });

  it('waits what the server asked for, capped', () => {
    expect(backoff.next(failed(1, new Throttled(1_500))).duration).toBe(1_500);
    expect(backoff.next(failed(1, new Throttled(60_000))).duration).toBe(10_000);
  });

  it('falls back to its own backoff when the server said nothing, at every step', () => {
    const first = backoff.next(failed(1, new Throttled()));
    expect(first.duration).toBe(250);
    expect(first.next(failed(2, new Throttled(3_000))).duration).toBe(3_000);
    expect(first.next(failed(2, new Error('reset'))).duration).toBe(250);
  });
});

describe('fullJitterBackoff', () => {
  it('stays within [0, min(cap, base * 2^retry)) and doubles its ceiling with each retry', () => {
    const ceilings = [200, 400, 800, 1_600, 3_200, 5_000, 5_000];
    for (let round = 0; round < 50; round++) {
      let step = fullJitterBackoff(200, 5_000).next(failed(1, new Error('x')));
      for (const ceiling of ceilings) {
        expect(step.duration).toBeGreaterThanOrEqual(0);
        expect(step.duration).toBeLessThan(ceiling);
        step = step.next(failed(2, new Error('x')));
      }
    }
  });
});
