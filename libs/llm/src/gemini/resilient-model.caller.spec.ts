import { Logger } from '@nestjs/common';
import { AIMessageChunk } from '@langchain/core/messages';
import { DEFAULT_GEMINI_CALL_LIMITS, GeminiCallPolicy, type GeminiCallLimits } from './gemini-call.policy.js';
import { GeminiUnavailableError } from './gemini-unavailable.error.js';
import { ResilientModelCaller, type ModelAttemptContext, type RetryTimer } from './resilient-model.caller.js';

/** Time that only moves when the caller sleeps, so backoff is checked exactly and costs nothing. */
class FakeTimer implements RetryTimer {
  time = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
  }
}

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

/** An attempt function that plays one step per attempt and records what it was given. */
function scripted(...steps: Step[]) {
  const seen: ModelAttemptContext[] = [];
  const attempt = async (context: ModelAttemptContext): Promise<AIMessageChunk> => {
    seen.push(context);
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
  return { attempt, seen };
}

function caller(limits: Partial<GeminiCallLimits> = {}, random = () => 0) {
  const timer = new FakeTimer();
  const policy = new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 30_000, ...limits }, random);
  return { caller: new ResilientModelCaller(policy, timer), timer };
}

async function failure(promise: Promise<unknown>): Promise<GeminiUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeminiUnavailableError);
  return error as GeminiUnavailableError;
}

describe('ResilientModelCaller', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('returns the first good response without waiting', async () => {
    const { caller: c, timer } = caller();
    const { attempt, seen } = scripted(text('Hi'));
    await expect(c.call(attempt)).resolves.toMatchObject({ content: 'Hi' });
    expect(seen.map((s) => s.attempt)).toEqual([1]);
    expect(timer.sleeps).toEqual([]);
  });

  it('retries a 429 after the exponential backoff and then succeeds', async () => {
    const { caller: c, timer } = caller();
    const { attempt, seen } = scripted(httpError(429), text('ok'));
    await expect(c.call(attempt)).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(2);
    expect(timer.sleeps).toEqual([DEFAULT_GEMINI_CALL_LIMITS.baseDelayMs / 2]);
  });

  it('honours the RetryInfo delay of a 429, capped at maxRetryAfterMs', async () => {
    const { caller: c, timer } = caller({ maxRetryAfterMs: 5_000 });
    const { attempt } = scripted(httpError(429, '3s'), httpError(429, '120s'), text('ok'));
    await c.call(attempt);
    expect(timer.sleeps).toEqual([3_000, 5_000]);
  });

  it('retries 500 twice, then gives up with the status: three requests in all', async () => {
    const { caller: c, timer } = caller();
    const { attempt, seen } = scripted(httpError(500), httpError(500), httpError(500), text('never'));
    const error = await failure(c.call(attempt));
    expect(error).toMatchObject({ reason: 'server-error', status: 500, attempts: 3 });
    expect(seen).toHaveLength(3);
    expect(timer.sleeps).toEqual([200, 400]);
  });

  it('succeeds on the third request after two 503s', async () => {
    const { caller: c } = caller();
    const { attempt, seen } = scripted(httpError(503), httpError(503), text('ok'));
    await expect(c.call(attempt)).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(3);
  });

  it('retries a MALFORMED_FUNCTION_CALL, and an empty response, from their own budget of two', async () => {
    const { caller: c } = caller();
    const recovered = scripted(malformed(), empty(), text('ok'));
    await expect(c.call(recovered.attempt)).resolves.toMatchObject({ content: 'ok' });

    const exhausted = scripted(malformed(), malformed(), malformed(), text('never'));
    expect(await failure(c.call(exhausted.attempt))).toMatchObject({ reason: 'malformed', attempts: 3 });
  });

  it('keeps the HTTP and malformed budgets apart', async () => {
    const { caller: c } = caller();
    const { attempt, seen } = scripted(httpError(500), malformed(), httpError(503), malformed(), text('ok'));
    await expect(c.call(attempt)).resolves.toMatchObject({ content: 'ok' });
    expect(seen).toHaveLength(5);
  });

  it.each([400, 401, 403, 404])('does not retry a %d: the request itself was refused', async (status) => {
    const { caller: c, timer } = caller();
    const { attempt, seen } = scripted(httpError(status), text('never'));
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'rejected', status, attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(timer.sleeps).toEqual([]);
  });

  it('retries a dropped connection', async () => {
    const { caller: c } = caller();
    const { attempt, seen } = scripted(new Error('[GoogleGenerativeAI Error]: Error fetching from http://x: fetch failed'), text('ok'));
    await expect(c.call(attempt)).resolves.toMatchObject({ content: 'ok' });
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
    const { caller: c, timer } = caller({ timeoutMs: 2_000 });
    const { attempt, seen } = scripted(httpError(429, '5s'), text('never'));
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'rate-limited', attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(timer.sleeps).toEqual([]);
  });

  it('aborts a hanging attempt at the deadline and reports a timeout', async () => {
    const policy = new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 60 });
    const c = new ResilientModelCaller(policy);
    const { attempt, seen } = scripted('hang');
    const started = Date.now();
    expect(await failure(c.call(attempt))).toMatchObject({ reason: 'timeout', attempts: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(Date.now() - started).toBeLessThan(1_000);
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

  it('builds the production caller from the gemini config: GEMINI_TIMEOUT and two retries each', () => {
    const c = ResilientModelCaller.fromConfig({ timeoutMs: 7_000 });
    expect(c.policy.limits).toMatchObject({ timeoutMs: 7_000, maxHttpRetries: 2, maxMalformedRetries: 2 });
  });
});
