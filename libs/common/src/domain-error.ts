/**
 * Base class for errors that describe something about the request or the world rather than a bug:
 * the global filter answers them with their own status and code instead of a 500.
 */
export abstract class DomainError extends Error {
  abstract readonly httpStatus: number;
  abstract readonly code: string;
  /** Extra fields added to the error body (e.g. suggestions, valid values). */
  readonly details: Record<string, unknown> = {};
  /** Seconds after which a retry may succeed; sent as Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
