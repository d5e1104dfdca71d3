/**
 * What to do when a Gemini call fails: which failures are worth another attempt, how many, and how
 * long to wait first. Pure (no timers, no I/O) so every decision can be unit-tested.
 */
import type { AIMessageChunk } from '@langchain/core/messages';
import { parseRetryAfterMs } from '@app/common';

export interface GeminiCallLimits {
  /** One model call, retries and waits included, must finish within this; then the offline engine answers. */
  timeoutMs: number;
  /** Extra attempts after a 429, a 5xx or a dropped connection. */
  maxHttpRetries: number;
  /** Extra attempts after a MALFORMED_FUNCTION_CALL (or an empty) response. */
  maxMalformedRetries: number;
  /** Ceiling of the first backoff; doubles on each further retry. */
  baseDelayMs: number;
  /** No computed backoff grows past this. */
  maxDelayMs: number;
  /** A server-requested wait (Retry-After, RetryInfo) is honoured up to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_GEMINI_CALL_LIMITS: Omit<GeminiCallLimits, 'timeoutMs'> = {
  maxHttpRetries: 2,
  maxMalformedRetries: 2,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

export type GeminiFailureKind =
  /** 429 */
  | 'rate-limited'
  /** 500, 502, 503, 504 */
  | 'server-error'
  /** The connection failed or broke off before an HTTP status. */
  | 'network'
  /** The request itself was refused (400, bad or missing key 401/403, unknown model 404...): retrying cannot help. */
  | 'rejected'
  /** finishReason MALFORMED_FUNCTION_CALL: the model produced a tool call it could not encode. */
  | 'malformed'
  /** No text and no tool call. How a MALFORMED_FUNCTION_CALL looks once streamed (see `classifyResult`). */
  | 'empty'
  /** The call's time budget ran out. */
  | 'timeout'
  /** Not sent: Gemini failed the last calls in a row, and the circuit breaker holds calls back for a while. */
  | 'circuit-open';

export interface GeminiFailure {
  kind: GeminiFailureKind;
  status?: number;
  /** What the server asked us to wait, when it said. */
  retryAfterMs?: number;
  message: string;
}

/** Retries used so far in one call, per budget. */
export interface RetryCounts {
  http: number;
  malformed: number;
}

const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

export class GeminiCallPolicy {
  constructor(
    readonly limits: GeminiCallLimits,
    private readonly random: () => number = Math.random,
  ) {}

  /** Reads a thrown error (from @google/generative-ai, LangChain or fetch) into a failure. */
  classifyError(error: unknown, now: number = Date.now()): GeminiFailure {
    const message = error instanceof Error ? error.message : String(error);
    const status = statusOf(error);
    if (status === 429) return { kind: 'rate-limited', status, retryAfterMs: retryAfterOf(error, now), message };
    if (status !== undefined && RETRYABLE_SERVER_STATUSES.has(status)) return { kind: 'server-error', status, retryAfterMs: retryAfterOf(error, now), message };
    if (status !== undefined) return { kind: 'rejected', status, message };
    if (isNetworkFailure(error, message)) return { kind: 'network', message };
    // Anything else (a bug in request building, an unreadable answer) would fail the same way again.
    return { kind: 'rejected', message };
  }

  /**
   * Checks a completed response. Gemini reports a tool call it could not encode as a candidate with
   * `finishReason: MALFORMED_FUNCTION_CALL` and no content; LangChain's stream skips content-less
   * candidates, so after streaming it arrives as a message with no text and no tool calls. Both
   * shapes are treated as a failed attempt.
   */
  classifyResult(message: AIMessageChunk | undefined): GeminiFailure | undefined {
    const finishReason = message?.response_metadata?.finishReason as unknown;
    if (finishReason === 'MALFORMED_FUNCTION_CALL') return { kind: 'malformed', message: 'finishReason MALFORMED_FUNCTION_CALL' };
    const hasToolCalls = (message?.tool_calls?.length ?? 0) > 0 || (message?.tool_call_chunks?.length ?? 0) > 0;
    if (!hasToolCalls && (message?.text ?? '').trim().length === 0) return { kind: 'empty', message: 'the model returned neither text nor a tool call' };
    return undefined;
  }

  /** Whether this failure gets another attempt, given the retries already spent. */
  shouldRetry(failure: GeminiFailure, used: RetryCounts): boolean {
    switch (failure.kind) {
      case 'rate-limited':
      case 'server-error':
      case 'network':
        return used.http < this.limits.maxHttpRetries;
      case 'malformed':
      case 'empty':
        return used.malformed < this.limits.maxMalformedRetries;
      case 'rejected':
      case 'timeout':
      case 'circuit-open':
        return false;
    }
  }

  /**
   * The wait before retry number `retry` (0 for the first retry): what the server asked for, capped
   * at `maxRetryAfterMs`; otherwise exponential backoff with jitter in [ceiling/2, ceiling), where
   * ceiling = min(maxDelayMs, baseDelayMs * 2^retry). A malformed response is not a load problem,
   * so it is retried after a short pause only.
   */
  retryDelayMs(failure: GeminiFailure, retry: number): number {
    if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, this.limits.maxRetryAfterMs);
    const base = failure.kind === 'malformed' || failure.kind === 'empty' ? this.limits.baseDelayMs / 4 : this.limits.baseDelayMs;
    const ceiling = Math.min(this.limits.maxDelayMs, base * 2 ** Math.max(0, retry));
    return Math.floor(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

/** Milliseconds of a protobuf Duration as JSON writes it ("37s", "1.5s", "0.250s"), as in google.rpc.RetryInfo. */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/**
 * The server's requested wait, wherever this error carries it. The Google client drops response
 * headers, so from Gemini it comes as a `google.rpc.RetryInfo` entry of `errorDetails`; a header is
 * read too, for errors that keep one.
 */
export function retryAfterOf(error: unknown, now: number = Date.now()): number | undefined {
  if (!isRecord(error)) return undefined;
  const fromHeader = parseRetryAfterMs(headerOf(error.headers) ?? (isRecord(error.response) ? headerOf(error.response.headers) : undefined), now);
  if (fromHeader !== undefined) return fromHeader;
  const details = Array.isArray(error.errorDetails) ? (error.errorDetails as unknown[]) : [];
  for (const detail of details) {
    if (isRecord(detail) && typeof detail['@type'] === 'string' && detail['@type'].endsWith('google.rpc.RetryInfo')) {
      const delay = parseRetryDelay(detail.retryDelay);
      if (delay !== undefined) return delay;
    }
  }
  return undefined;
}

function headerOf(headers: unknown): string | undefined {
  if (headers instanceof Headers) return headers.get('retry-after') ?? undefined;
  if (!isRecord(headers)) return undefined;
  const value = headers['retry-after'] ?? headers['Retry-After'];
  return typeof value === 'string' ? value : undefined;
}

function statusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.status === 'number') return error.status;
  if (isRecord(error.response) && typeof error.response.status === 'number') return error.response.status;
  // @google/generative-ai puts the status only in the message for some paths: "[503 Service Unavailable]".
  const match = typeof error.message === 'string' ? /\[(\d{3}) [^\]]*\]/.exec(error.message) : null;
  return match ? Number(match[1]) : undefined;
}

function isNetworkFailure(error: unknown, message: string): boolean {
  if (isRecord(error) && isRecord(error.cause) && typeof error.cause.code === 'string' && /^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR)/.test(error.cause.code)) {
    return true;
  }
  return /Error fetching from|fetch failed|Error reading from the stream|socket hang up|ECONNRESET|ECONNREFUSED/i.test(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
