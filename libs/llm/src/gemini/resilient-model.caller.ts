/**
 * Runs one Gemini model call (one streamed response of the agent loop) with the resilience the
 * Gemini path needs, in one place: cockatiel's retry (429/5xx/dropped connections, and
 * MALFORMED_FUNCTION_CALL from its own budget) inside cockatiel's timeout (the call's deadline,
 * which also cuts a backoff wait short), behind a circuit breaker (the same `UpstreamCircuit` as the
 * ChatBet client) so that while Gemini is down, turns go to the offline engine at once instead of
 * each spending its retries and deadline first.
 * `GeminiCallPolicy` decides which failures get another attempt and how long to wait, honouring the
 * server's RetryInfo/Retry-After. When Gemini cannot answer it throws `GeminiUnavailableError`, and
 * the agent answers the turn with the offline engine.
 *
 * The client's own retry layer must be off (`maxRetries: 0`, see `prepareGeminiChatModel`),
 * otherwise every attempt here would hide up to seven requests.
 */
import { Logger } from '@nestjs/common';
import type { AIMessageChunk } from '@langchain/core/messages';
import { DelegateBackoff, handleWhen, retry, TaskCancelledError, timeout, TimeoutStrategy } from 'cockatiel';
import type { GeminiConfig } from '@app/config';
import { activeSpan } from '@app/telemetry';
import { CircuitOpenError, UpstreamCircuit, type CircuitBreakerSnapshot } from '@app/common';
import { DEFAULT_GEMINI_CALL_LIMITS, GeminiCallPolicy, type GeminiFailure, type RetryCounts } from './gemini-call.policy.js';
import { GeminiUnavailableError } from './gemini-unavailable.error.js';

export interface ModelAttemptContext {
  /** Aborted when the call's deadline passes or the caller's own signal aborts; pass it to the model. */
  signal: AbortSignal;
  /** 1-based. */
  attempt: number;
  /**
   * Call once output of this attempt has reached the user. A failure after that is not retried,
   * because a retry would show the same text twice.
   */
  markOutputSent(): void;
}

/** One attempt: stream the model's response and return it aggregated. */
export type ModelAttempt = (context: ModelAttemptContext) => Promise<AIMessageChunk>;

export interface ModelCallOptions {
  /** The turn's own signal (the user cancelled, the socket closed): aborting it is not a Gemini failure. */
  signal?: AbortSignal;
  /** Names the call in logs. */
  label?: string;
}

/** One failed attempt, classified; what the retry policy looks at. */
class FailedAttempt extends Error {
  constructor(readonly failure: GeminiFailure) {
    super(failure.message);
    this.name = FailedAttempt.name;
  }
}

/** Counters of the Gemini calls, read by metrics at scrape time. */
export interface ModelCallerStats {
  /** Attempts sent to Gemini, retries included. */
  requests: number;
  retries: number;
  circuit?: CircuitBreakerSnapshot;
}

export class ResilientModelCaller {
  private readonly logger = new Logger(ResilientModelCaller.name);
  private requests = 0;
  private retries = 0;

  constructor(
    readonly policy: GeminiCallPolicy,
    /** Absent: every call is tried (unit tests of the retry rules). */
    private readonly circuit?: UpstreamCircuit,
  ) {}

  /** The production caller: default limits, deadline from GEMINI_TIMEOUT, breaker from GEMINI_CIRCUIT_*. */
  static fromConfig(config: Pick<GeminiConfig, 'timeoutMs' | 'circuitFailureThreshold' | 'circuitResetMs'>): ResilientModelCaller {
    const logger = new Logger(ResilientModelCaller.name);
    const circuit = new UpstreamCircuit({
      failureThreshold: config.circuitFailureThreshold,
      resetMs: config.circuitResetMs,
      isFailure: countsAgainstGemini,
      onStateChange: (from, to) => logger.warn(`Gemini circuit ${from} -> ${to}`),
    });
    return new ResilientModelCaller(new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: config.timeoutMs }), circuit);
  }

  /** The breaker's counters, for health and tests; undefined without a breaker. */
  circuitSnapshot(): CircuitBreakerSnapshot | undefined {
    return this.circuit?.snapshot();
  }

  stats(): ModelCallerStats {
    return { requests: this.requests, retries: this.retries, ...(this.circuit ? { circuit: this.circuit.snapshot() } : {}) };
  }

  async call(attempt: ModelAttempt, options: ModelCallOptions = {}): Promise<AIMessageChunk> {
    if (!this.circuit) return this.callWithRetries(attempt, options);
    try {
      return await this.circuit.execute(() => this.callWithRetries(attempt, options));
    } catch (error) {
      if (!(error instanceof CircuitOpenError)) throw error;
      const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
      throw new GeminiUnavailableError('circuit-open', 0, `Gemini failed the last calls in a row; trying it again in ${seconds} s`);
    }
  }

  private async callWithRetries(attempt: ModelAttempt, options: ModelCallOptions): Promise<AIMessageChunk> {
    const { timeoutMs } = this.policy.limits;
    const label = options.label ?? 'gemini';
    const startedAt = Date.now();
    const used: RetryCounts = { http: 0, malformed: 0 };
    let attempts = 0;
    let outputSent = false;
    let plannedDelayMs = 0;
    /** True between attempts (a backoff wait), when no attempt is there to notice a cancellation. */
    let waiting = false;

    const timedOut = () => new GeminiUnavailableError('timeout', attempts, `no answer within ${timeoutMs} ms (GEMINI_TIMEOUT)`);

    /** Whether a failure gets another attempt; plans the wait, which must end before the deadline. */
    const retryable = (error: Error): boolean => {
      if (!(error instanceof FailedAttempt) || outputSent || !this.policy.shouldRetry(error.failure, used)) return false;
      const { failure } = error;
      const malformed = failure.kind === 'malformed' || failure.kind === 'empty';
      // `retry` counts from 0: the number of retries of this kind already made.
      const delayMs = this.policy.retryDelayMs(failure, malformed ? used.malformed : used.http);
      // Waiting past the deadline would only delay the offline answer.
      if (delayMs >= timeoutMs - (Date.now() - startedAt)) return false;
      if (malformed) used.malformed++;
      else used.http++;
      plannedDelayMs = delayMs;
      return true;
    };
    const retries = retry(handleWhen(retryable), { maxAttempts: Number.MAX_SAFE_INTEGER, backoff: new DelegateBackoff(() => plannedDelayMs) });
    retries.onRetry((event) => {
      waiting = true;
      this.retries++;
      const failure = 'error' in event && event.error instanceof FailedAttempt ? event.error.failure : undefined;
      // The model call's span shows each failed attempt and the wait before the next.
      activeSpan()?.addEvent('gen_ai.retry', {
        attempt: attempts,
        'error.type': failure?.kind ?? 'unknown',
        ...(failure?.status === undefined ? {} : { 'http.response.status_code': failure.status }),
        'retry.delay_ms': event.delay,
      });
      this.logger.warn({
        msg: `${label}: attempt ${attempts} failed (${failure ? describe(failure) : 'unknown'}); retrying in ${event.delay} ms`,
        kind: failure?.kind,
        status: failure?.status,
        attempt: attempts,
        delayMs: event.delay,
      });
    });
    // Aggressive: the call ends at the deadline even in the middle of a backoff wait; the attempt's
    // signal aborts too, so a model stream stops itself.
    const deadline = timeout(timeoutMs, TimeoutStrategy.Aggressive);

    const once = async (deadlineSignal: AbortSignal): Promise<AIMessageChunk> => {
      waiting = false;
      const signal = options.signal ? AbortSignal.any([options.signal, deadlineSignal]) : deadlineSignal;
      if (signal.aborted) throw options.signal?.aborted ? options.signal.reason : timedOut();
      attempts++;
      this.requests++;
      outputSent = false;
      let message: AIMessageChunk;
      try {
        message = await attempt({ signal, attempt: attempts, markOutputSent: () => (outputSent = true) });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (error instanceof GeminiUnavailableError) throw error;
        if (signal.aborted) throw timedOut();
        throw new FailedAttempt(this.policy.classifyError(error, Date.now()));
      }
      // A stream that was cut by the deadline may end quietly instead of throwing.
      if (signal.aborted && !options.signal?.aborted) throw timedOut();
      const bad = this.policy.classifyResult(message);
      if (bad) throw new FailedAttempt(bad);
      return message;
    };

    const cancelledWhileWaiting = rejectOnAbort(options.signal, () => waiting);
    try {
      return await Promise.race([deadline.execute(({ signal }) => retries.execute(() => once(signal))), cancelledWhileWaiting.promise]);
    } catch (error) {
      if (error instanceof FailedAttempt) throw unavailable(error.failure, attempts);
      if (error instanceof TaskCancelledError) throw timedOut();
      throw error;
    } finally {
      cancelledWhileWaiting.dispose();
    }
  }
}

/**
 * Rejects with the signal's reason when it aborts while `idle()` is true. An attempt sees the
 * caller's signal itself and ends with its own error; between attempts nobody would.
 */
function rejectOnAbort(signal: AbortSignal | undefined, idle: () => boolean): { promise: Promise<never>; dispose(): void } {
  if (signal === undefined) return { promise: new Promise<never>(() => undefined), dispose: () => undefined };
  let listener = () => undefined as void;
  const promise = new Promise<never>((_resolve, reject) => {
    listener = () => {
      if (idle()) reject(signal.reason);
    };
    signal.addEventListener('abort', listener, { once: true });
  });
  // The race may lose; a rejection nobody awaits must not surface as unhandled.
  promise.catch(() => undefined);
  return { promise, dispose: () => signal.removeEventListener('abort', listener) };
}

/**
 * Failures that say Gemini is unwell: throttling, server errors, dropped connections, no answer in
 * time. A refused request or a malformed answer came from a working Gemini, and a cancelled turn
 * says nothing about it.
 */
function countsAgainstGemini(error: unknown): boolean {
  if (!(error instanceof GeminiUnavailableError)) return false;
  return error.reason === 'rate-limited' || error.reason === 'server-error' || error.reason === 'network' || error.reason === 'timeout';
}

/** The error that ends a call; whoever catches it logs it, with everything in its message. */
function unavailable(failure: GeminiFailure, attempts: number): GeminiUnavailableError {
  return new GeminiUnavailableError(failure.kind, attempts, failure.message, failure.status);
}

function describe(failure: GeminiFailure): string {
  return failure.status === undefined ? failure.kind : `${failure.kind} ${failure.status}`;
}
