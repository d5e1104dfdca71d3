/**
 * Runs one Gemini model call (one streamed response of the agent loop) with the resilience the
 * Gemini path needs, in one place: retries with backoff for 429/5xx/dropped connections, retries
 * for MALFORMED_FUNCTION_CALL, and a deadline after which the call is abandoned. When Gemini cannot
 * answer it throws `GeminiUnavailableError`, and the agent answers the turn with the offline engine.
 *
 * The client's own retry layer must be off (`maxRetries: 0`, see `prepareGeminiChatModel`),
 * otherwise every attempt here would hide up to seven requests.
 */
import { Logger } from '@nestjs/common';
import type { AIMessageChunk } from '@langchain/core/messages';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GeminiConfig } from '@app/config';
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

/** Waiting and time, replaceable in tests. */
export interface RetryTimer {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const SYSTEM_RETRY_TIMER: RetryTimer = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    await sleep(ms, undefined, { signal });
  },
};

class DeadlineExceeded extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

export class ResilientModelCaller {
  private readonly logger = new Logger(ResilientModelCaller.name);

  constructor(
    readonly policy: GeminiCallPolicy,
    private readonly timer: RetryTimer = SYSTEM_RETRY_TIMER,
  ) {}

  /** The production caller: default limits, deadline from GEMINI_TIMEOUT. Usable as a Nest `useFactory`. */
  static fromConfig(config: Pick<GeminiConfig, 'timeoutMs'>): ResilientModelCaller {
    return new ResilientModelCaller(new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: config.timeoutMs }));
  }

  async call(attempt: ModelAttempt, options: ModelCallOptions = {}): Promise<AIMessageChunk> {
    const { timeoutMs } = this.policy.limits;
    const label = options.label ?? 'gemini';
    const deadline = new AbortController();
    const timeout = setTimeout(() => deadline.abort(new DeadlineExceeded(timeoutMs)), timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    const startedAt = this.timer.now();
    const used: RetryCounts = { http: 0, malformed: 0 };
    let attempts = 0;

    const timedOut = () =>
      new GeminiUnavailableError('timeout', attempts, `no answer within ${timeoutMs} ms (GEMINI_TIMEOUT)`);

    try {
      for (;;) {
        attempts++;
        let outputSent = false;
        let failure: GeminiFailure;
        try {
          const message = await attempt({ signal, attempt: attempts, markOutputSent: () => (outputSent = true) });
          // A stream that was cut by the deadline may end quietly instead of throwing.
          if (deadline.signal.aborted && !options.signal?.aborted) throw timedOut();
          const bad = this.policy.classifyResult(message);
          if (!bad) return message;
          failure = bad;
        } catch (error) {
          if (options.signal?.aborted) throw error;
          if (error instanceof GeminiUnavailableError) throw error;
          if (deadline.signal.aborted) throw timedOut();
          failure = this.policy.classifyError(error, this.timer.now());
        }

        if (outputSent || !this.policy.shouldRetry(failure, used)) throw unavailable(failure, attempts);
        // `retry` counts from 0: the number of retries of this kind already made.
        const retry = failure.kind === 'malformed' || failure.kind === 'empty' ? used.malformed++ : used.http++;
        const delayMs = this.policy.retryDelayMs(failure, retry);
        const leftMs = timeoutMs - (this.timer.now() - startedAt);
        // Waiting past the deadline would only delay the offline answer.
        if (delayMs >= leftMs) throw unavailable(failure, attempts);

        this.logger.warn({
          msg: `${label}: attempt ${attempts} failed (${describe(failure)}); retrying in ${delayMs} ms`,
          kind: failure.kind,
          status: failure.status,
          attempt: attempts,
          delayMs,
        });
        try {
          await this.timer.sleep(delayMs, signal);
        } catch (error) {
          if (options.signal?.aborted) throw error;
          throw timedOut();
        }
      }
    } finally {
      clearTimeout(timeout);
    }
  }
}

/** The error that ends a call; whoever catches it logs it, with everything in its message. */
function unavailable(failure: GeminiFailure, attempts: number): GeminiUnavailableError {
  return new GeminiUnavailableError(failure.kind, attempts, failure.message, failure.status);
}

function describe(failure: GeminiFailure): string {
  return failure.status === undefined ? failure.kind : `${failure.kind} ${failure.status}`;
}
