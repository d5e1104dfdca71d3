import { AIMessageChunk } from '@langchain/core/messages';
import { parseRetryAfterMs } from '@app/common';
import {
  DEFAULT_GEMINI_CALL_LIMITS,
  GeminiCallPolicy,
  parseRetryDelay,
  retryAfterOf,
  type GeminiFailure,
} from './gemini-call.policy.js';

const LIMITS = { ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 30_000, baseDelayMs: 400, maxDelayMs: 4_000, maxRetryAfterMs: 10_000 };

/** An error shaped like @google/generative-ai's GoogleGenerativeAIFetchError. */
function fetchError(status: number, details?: unknown[]): Error {
  const text = status === 429 ? 'Too Many Requests' : status === 503 ? 'Service Unavailable' : 'Error';
  return Object.assign(new Error(`[GoogleGenerativeAI Error]: Error fetching from http://x/v1beta/models/m:streamGenerateContent?alt=sse: [${status} ${text}] boom`), {
    status,
    statusText: text,
    errorDetails: details,
  });
}

describe('Retry-After parsing', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');

  it.each([
    ['2', 2_000],
    ['0', 0],
    ['0.5', 500],
    [' 10 ', 10_000],
  ])('reads delta-seconds %j as %d ms', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });

  it('reads an HTTP date as the time left until then, never negative', () => {
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 12:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
  });

  it.each([undefined, null, '', '  ', 'soon', '-3'])('ignores an absent or unreadable value %j', (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });

  it.each([
    ['37s', 37_000],
    ['1.5s', 1_500],
    ['0.250s', 250],
  ])('reads a RetryInfo retryDelay %j as %d ms', (value, expected) => {
    expect(parseRetryDelay(value)).toBe(expected);
  });

  it.each(['37', '1m', 37, null])('ignores a retryDelay that is not a protobuf duration: %j', (value) => {
    expect(parseRetryDelay(value)).toBeUndefined();
  });

  it('finds the wait in a RetryInfo detail, as Gemini sends it', () => {
    const error = fetchError(429, [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' },
    ]);
    expect(retryAfterOf(error)).toBe(3_000);
  });

  it('finds the wait in a Retry-After header when the error keeps headers', () => {
    expect(retryAfterOf({ status: 429, headers: { 'retry-after': '4' } })).toBe(4_000);
    expect(retryAfterOf({ status: 429, response: { status: 429, headers: new Headers({ 'Retry-After': '1.5' }) } })).toBe(1_500);
    expect(retryAfterOf(fetchError(429))).toBeUndefined();
  });
});

describe('GeminiCallPolicy', () => {
  const policy = new GeminiCallPolicy(LIMITS);

  describe('classifying errors', () => {
    it.each([
      [429, 'rate-limited'],
      [500, 'server-error'],
      [502, 'server-error'],
      [503, 'server-error'],
      [504, 'server-error'],
      [400, 'rejected'],
      [401, 'rejected'],
      [403, 'rejected'],
      [404, 'rejected'],
    ])('status %d is %s', (status, kind) => {
      expect(policy.classifyError(fetchError(status))).toMatchObject({ kind, status });
    });

    it('reads the status from the message when the error has no status field', () => {
      const error = new Error('[GoogleGenerativeAI Error]: Error fetching from http://x: [503 Service Unavailable] overloaded');
      expect(policy.classifyError(error)).toMatchObject({ kind: 'server-error', status: 503 });
    });

    it('treats a failed or broken connection as retryable network trouble', () => {
      const refused = Object.assign(new Error('[GoogleGenerativeAI Error]: Error fetching from http://x: fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
      expect(policy.classifyError(refused).kind).toBe('network');
      expect(policy.classifyError(new Error('[GoogleGenerativeAI Error]: Error reading from the stream')).kind).toBe('network');
    });

    it('treats anything else as a rejected request, which retrying cannot fix', () => {
      expect(policy.classifyError(new TypeError('Cannot read properties of undefined')).kind).toBe('rejected');
      expect(policy.classifyError('weird').kind).toBe('rejected');
    });

    it('keeps the server-requested wait of a 429', () => {
      const failure = policy.classifyError(fetchError(429, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' }]));
      expect(failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2_000 });
    });
  });

  describe('classifying responses', () => {
    it('accepts text, and accepts a tool call without text', () => {
      expect(policy.classifyResult(new AIMessageChunk({ content: 'Barcelona play on Sunday.' }))).toBeUndefined();
      const call = new AIMessageChunk({ content: '', tool_call_chunks: [{ type: 'tool_call_chunk', name: 'get_odds', args: '{}', id: '1', index: 0 }] });
      expect(policy.classifyResult(call)).toBeUndefined();
    });

    it('flags finishReason MALFORMED_FUNCTION_CALL', () => {
      const message = new AIMessageChunk({ content: '', response_metadata: { finishReason: 'MALFORMED_FUNCTION_CALL' } });
      expect(policy.classifyResult(message)?.kind).toBe('malformed');
    });

    it('flags a response with neither text nor tool call (a malformed call after streaming)', () => {
      expect(policy.classifyResult(new AIMessageChunk({ content: '' }))?.kind).toBe('empty');
      expect(policy.classifyResult(new AIMessageChunk({ content: '  \n' }))?.kind).toBe('empty');
      expect(policy.classifyResult(undefined)?.kind).toBe('empty');
    });
  });

  describe('retry budgets', () => {
    const failure = (kind: GeminiFailure['kind']): GeminiFailure => ({ kind, message: kind });

    it('gives 429, 5xx and network failures two retries between them', () => {
      for (const kind of ['rate-limited', 'server-error', 'network'] as const) {
        expect(policy.shouldRetry(failure(kind), { http: 0, malformed: 0 })).toBe(true);
        expect(policy.shouldRetry(failure(kind), { http: 1, malformed: 2 })).toBe(true);
        expect(policy.shouldRetry(failure(kind), { http: 2, malformed: 0 })).toBe(false);
      }
    });

    it('gives malformed and empty responses their own two retries', () => {
      for (const kind of ['malformed', 'empty'] as const) {
        expect(policy.shouldRetry(failure(kind), { http: 2, malformed: 1 })).toBe(true);
        expect(policy.shouldRetry(failure(kind), { http: 0, malformed: 2 })).toBe(false);
      }
    });

    it('never retries a rejected request or a timeout', () => {
      expect(policy.shouldRetry(failure('rejected'), { http: 0, malformed: 0 })).toBe(false);
      expect(policy.shouldRetry(failure('timeout'), { http: 0, malformed: 0 })).toBe(false);
    });
  });

  describe('backoff', () => {
    const serverError: GeminiFailure = { kind: 'server-error', status: 503, message: '' };

    it('doubles the window on each retry, with jitter inside [ceiling/2, ceiling)', () => {
      const low = new GeminiCallPolicy(LIMITS, () => 0);
      const high = new GeminiCallPolicy(LIMITS, () => 0.999_999);
      expect([0, 1, 2].map((retry) => low.retryDelayMs(serverError, retry))).toEqual([200, 400, 800]);
      expect([0, 1, 2].map((retry) => high.retryDelayMs(serverError, retry))).toEqual([399, 799, 1599]);
    });

    it('stays within bounds for any random draw', () => {
      for (let i = 0; i < 200; i++) {
        const retry = i % 6;
        const delay = policy.retryDelayMs(serverError, retry);
        const ceiling = Math.min(LIMITS.maxDelayMs, LIMITS.baseDelayMs * 2 ** retry);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThan(ceiling);
      }
    });

    it('never grows past maxDelayMs', () => {
      const high = new GeminiCallPolicy(LIMITS, () => 0.999_999);
      expect(high.retryDelayMs(serverError, 20)).toBeLessThan(LIMITS.maxDelayMs);
      expect(high.retryDelayMs(serverError, 20)).toBeGreaterThanOrEqual(LIMITS.maxDelayMs / 2);
    });

    it('waits what the server asked for, capped at maxRetryAfterMs', () => {
      expect(policy.retryDelayMs({ ...serverError, kind: 'rate-limited', retryAfterMs: 1_500 }, 0)).toBe(1_500);
      expect(policy.retryDelayMs({ ...serverError, kind: 'rate-limited', retryAfterMs: 0 }, 1)).toBe(0);
      expect(policy.retryDelayMs({ ...serverError, kind: 'rate-limited', retryAfterMs: 3_600_000 }, 0)).toBe(LIMITS.maxRetryAfterMs);
    });

    it('retries a malformed response after a shorter pause than a server error', () => {
      const low = new GeminiCallPolicy(LIMITS, () => 0);
      expect(low.retryDelayMs({ kind: 'malformed', message: '' }, 0)).toBe(50);
      expect(low.retryDelayMs({ kind: 'malformed', message: '' }, 0)).toBeLessThan(low.retryDelayMs(serverError, 0));
    });
  });
});
