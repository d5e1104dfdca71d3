import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { AIMessageChunk } from '@langchain/core/messages';
import { DEFAULT_GEMINI_CALL_LIMITS, GeminiCallPolicy, type GeminiCallLimits } from './gemini-call.policy.js';
import { GeminiUnavailableError } from './gemini-unavailable.error.js';
import { ResilientModelCaller, type ModelAttemptContext } from './resilient-model.caller.js';

function httpError(status: number, retryDelay?: string): Error {
  return Object.assign(new Error(`[GoogleGenerativeAI Error]: Error fetching from http://fake: [${status} X] scripted`), {
    status,
    errorDetails: retryDelay ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }] : undefined,
  });
}

const text = (value: string) => new AIMessageChunk({ content: value });
const malformed = () => new AIMessageChunk({ content: '', response_metadata: { finishReason: 'MALFORMED_FUNCTION_CALL' } });
const empty = () => new AIMessageChunk({ content: '' });

type Step = AIMessageChunk | Error | 'hang';

/** An attempt function that plays one step per attempt and records what it was given, and when. */
function scripted(...steps: Step[]) {
  const seen: ModelAttemptContext[] = [];
  const startedAt: number[] = [];
  const attempt = async (context: ModelAttemptContext): Promise<AIMessageChunk> => {
    seen.push(context);
    startedAt.push(Date.now());
    const step = steps.shift();
    if (step === undefined) throw new Error('test: no step left');
    if (step === 'hang') {
      return new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(new Error('aborted by signal')), { once: true });
      });
    }
    if (step instanceof Error) throw step;
    return step;
  };
  /** The waits between attempts, on the fake clock. */
  const waits = () => startedAt.slice(1).map((at, i) => at - startedAt[i]);
  return { attempt, seen, waits };
}

function caller(limits: Partial<GeminiCallLimits> = {}, random = () => 0) {
  const policy = new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 30_000, ...limits }, random);
  return { caller: new ResilientModelCaller(policy) };
}

/** Lets fake time run until the call settles: backoff waits and deadlines pass at once. */
async function settled<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await jest.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}

async function failure(promise: Promise<unknown>): Promise<GeminiUnavailableError> {
  const error = await settled(promise).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeminiUnavailableError);
  return error as GeminiUnavailableError;
}

describe('ResilientModelCaller', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns the first good response without waiting', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(text('Hi'));
    await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'Hi' });
    expect(seen.map((s) => s.attempt)).toEqual([1]);
    expect(waits()).toEqual([]);
  });

  it('retries a 429 after the exponential backoff and then succeeds', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(httpError(429), text('ok'));
    await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(2);
    expect(waits()).toEqual([DEFAULT_GEMINI_CALL_LIMITS.baseDelayMs / 2]);
  });

  it('honours the RetryInfo delay of a 429, capped at maxRetryAfterMs', async () => {
    const { caller: c } = caller({ maxRetryAfterMs: 5_000 });
    const { attempt, waits } = scripted(httpError(429, '3s'), httpError(429, '120s'), text('ok'));
    await settled(c.call(attempt));
    expect(waits()).toEqual([3_000, 5_000]);
  });

  it('retries 500 twice, then gives up with the status: three requests in all', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(httpError(500), httpError(500), httpError(500), text('never'));
    const error = await failure(c.call(attempt));
    expect(error).toMatchObject({ reason: 'server-error', status: 500, attempts: 3 });
    expect(seen).toHaveLength(3);
    expect(waits()).toEqual([200, 400]);
  });

  it('succeeds on the third request after two 503s', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(httpError(503), httpError(503), text('ok'));
    await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(3);
  });

  it('retries a MALFORMED_FUNCTION_CALL, and an empty response, from their own budget of two', async () => {
    const { caller: c } = caller();
    const recovered = scripted(malformed(), empty(), text('ok'));
    await expect(settled(c.call(recovered.attempt))).resolves.toMatchObject({ content: 'ok' });

    const exhausted = scripted(malformed(), malformed(), malformed(), text('never'));
    expect(await failure(c.call(exhausted.attempt))).toMatchObject({ reason: 'malformed', attempts: 3 });
  });

  it('keeps the HTTP and malformed budgets apart', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(httpError(500), malformed(), httpError(503), malformed(), text('ok'));
    await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(5);
  });

  it.each([400, 401, 403, 404])('does not retry a %d: the request itself was refused', async (status) => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(httpError(status), text('never'));
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'rejected', status, attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(waits()).toEqual([]);
  });

  it('retries a dropped connection', async () => {
    const { caller: c } = caller();
    const { attempt, seen, waits } = scripted(new Error('[GoogleGenerativeAI Error]: Error fetching from http://x: fetch failed'), text('ok'));
    await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(2);
  });

  it('does not retry once output has reached the user, so nothing is shown twice', async () => {
    const { caller: c } = caller();
    let attempts = 0;
    const error = await failure(
      c.call(async (context) => {
        attempts++;
        context.markOutputSent();
        throw httpError(503);
      }),
    );
    expect(error).toMatchObject({ reason: 'server-error', attempts: 1 });
    expect(attempts).toBe(1);
  });

  it('gives up at once when the requested wait would pass the deadline', async () => {
    const { caller: c } = caller({ timeoutMs: 2_000 });
    const { attempt, seen, waits } = scripted(httpError(429, '5s'), text('never'));
    const started = Date.now();
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'rate-limited', attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(Date.now() - started).toBe(0);
  });

  it('aborts a hanging attempt at the deadline and reports a timeout', async () => {
    const policy = new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 60 });
    const c = new ResilientModelCaller(policy);
    const { attempt, seen, waits } = scripted('hang');
    const started = Date.now();
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'timeout', attempts: 1 });
    // Fake time: the call ended when the 60 ms deadline passed, not later.
    expect(Date.now() - started).toBe(60);
    expect(seen[0].signal.aborted).toBe(true);
  });

  it('reports a timeout when a stream cut by the deadline ends quietly', async () => {
    const policy = new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 40 });
    const c = new ResilientModelCaller(policy);
    const error = await failure(
      c.call(
        (context) =>
          new Promise((resolve) => {
            context.signal.addEventListener('abort', () => resolve(text('half an ans')), { once: true });
          }),
      ),
    );
    expect(error.reason).toBe('timeout');
  });

  it("passes the caller's cancellation through untouched, without retrying", async () => {
    const { caller: c } = caller();
    const turn = new AbortController();
    const cancelled = new Error('user cancelled');
    let attempts = 0;
    const promise = c.call(
      async (context) => {
        attempts++;
        expect(context.signal.aborted).toBe(false);
        turn.abort();
        expect(context.signal.aborted).toBe(true);
        throw cancelled;
      },
      { signal: turn.signal },
    );
    await expect(promise).rejects.toBe(cancelled);
    expect(attempts).toBe(1);
  });

  it("ends a backoff wait at once when the caller cancels, with the cancellation's reason", async () => {
    const { caller: c } = caller();
    const turn = new AbortController();
    const { attempt, seen } = scripted(httpError(429, '8s'), text('never'));
    const promise = c.call(attempt, { signal: turn.signal });
    const outcome = promise.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await jest.advanceTimersByTimeAsync(1_000);
    turn.abort(new Error('socket closed'));
    expect(await outcome).toMatchObject({ message: 'socket closed' });
    expect(seen).toHaveLength(1);
  });

  it('builds the production caller from the gemini config: GEMINI_TIMEOUT, two retries each, and a closed circuit', () => {
    const c = ResilientModelCaller.fromConfig({ timeoutMs: 7_000, circuitFailureThreshold: 5, circuitResetMs: 30_000 });
    expect(c.policy.limits).toMatchObject({ timeoutMs: 7_000, maxHttpRetries: 2, maxMalformedRetries: 2 });
    expect(c.circuitSnapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  describe('behind the circuit breaker', () => {
    const breakerCaller = () => ResilientModelCaller.fromConfig({ timeoutMs: 30_000, circuitFailureThreshold: 2, circuitResetMs: 30_000 });

    it('sends nothing once Gemini has failed the threshold of calls in a row, until the reset interval has passed', async () => {
      const c = breakerCaller();
      const { attempt, seen } = scripted(...Array.from({ length: 6 }, () => httpError(503)), text('back'));
      for (let i = 0; i < 2; i++) expect(await failure(c.call(attempt))).toMatchObject({ reason: 'server-error', attempts: 3 });
      expect(seen).toHaveLength(6);

      expect(await failure(c.call(attempt))).toMatchObject({ reason: 'circuit-open', attempts: 0 });
      expect(seen).toHaveLength(6);
      expect(c.circuitSnapshot()).toMatchObject({ state: 'open', timesOpened: 1, totalRejected: 1 });

      jest.advanceTimersByTime(30_000);
      await expect(settled(c.call(attempt))).resolves.toMatchObject({ content: 'back' });
      expect(c.circuitSnapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    });

    it('does not count a refused request, a malformed answer or a cancelled turn against Gemini', async () => {
      const c = breakerCaller();
      const { attempt } = scripted(httpError(400), httpError(400), httpError(400), malformed(), malformed(), malformed());
      for (let i = 0; i < 3; i++) await failure(c.call(attempt));
      expect(await failure(c.call(attempt))).toMatchObject({ reason: 'malformed' });
      const turn = new AbortController();
      turn.abort();
      await expect(c.call(async () => Promise.reject(new Error('cancelled')), { signal: turn.signal })).rejects.toThrow();
      expect(c.circuitSnapshot()).toMatchObject({ state: 'closed', totalFailures: 0 });
    });
  });
});
