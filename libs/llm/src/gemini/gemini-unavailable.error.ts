import { DomainError } from '@app/common';
import type { GeminiFailureKind } from './gemini-call.policy.js';

/**
 * Gemini could not answer this model call (timed out, kept failing, or refused the request). The
 * agent answers the turn with the offline engine instead; it extends DomainError so that, should it
 * ever escape, the global filter answers 503 rather than a bare 500.
 */
export class GeminiUnavailableError extends DomainError {
  readonly httpStatus = 503;
  readonly code = 'LLM_UNAVAILABLE';

  constructor(
    readonly reason: GeminiFailureKind,
    /** Attempts sent to Gemini for this call. */
    readonly attempts: number,
    message: string,
    readonly status?: number,
  ) {
    super(`Gemini unavailable (${reason}${status === undefined ? '' : ` ${status}`}, ${attempts} attempt${attempts === 1 ? '' : 's'}): ${message}`);
  }
}
