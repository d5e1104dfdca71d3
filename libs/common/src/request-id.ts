import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuses the caller's X-Request-Id when it is safe to echo into logs and headers, else makes one. */
export function resolveRequestId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && SAFE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/** The id pino-http assigned to a request (set by the logging module). */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string | undefined {
  return typeof req.id === 'string' ? req.id : undefined;
}

/**
 * Assigns the correlation id before anything else runs (body parsing can fail before Nest's
 * middleware), so every answer, including early errors, carries it; pino-http reuses it.
 */
export function requestIdMiddleware() {
  return (req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void) => {
    const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    req.id = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
