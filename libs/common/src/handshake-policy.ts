import { DomainError } from './domain-error.js';

/** A request or socket handshake for a Host outside ALLOWED_HOSTS (DNS-rebinding protection). */
export class HostNotAllowedError extends DomainError {
  readonly httpStatus = 400;
  readonly code = 'HOST_NOT_ALLOWED';

  constructor(host: string) {
    super(`Host "${host}" is not allowed`);
  }
}

/** A browser handshake from an Origin outside CORS_ORIGINS. */
export class OriginNotAllowedError extends DomainError {
  readonly httpStatus = 403;
  readonly code = 'ORIGIN_NOT_ALLOWED';

  constructor(origin: string) {
    super(`Origin "${origin}" is not allowed`);
  }
}

export interface HandshakePolicy {
  /** Lower-case host names; empty or `*` allows any. */
  allowedHosts: readonly string[];
  /** Origins; empty or `*` allows any. */
  corsOrigins: readonly string[];
}

/** The Host header without its port, lower-cased. */
export function hostOf(header: string | undefined): string {
  return (header ?? '').replace(/:\d+$/, '').toLowerCase();
}

export function isHostAllowed(header: string | undefined, policy: HandshakePolicy): boolean {
  const allowed = policy.allowedHosts;
  return allowed.length === 0 || allowed.includes('*') || allowed.includes(hostOf(header));
}

/** Browsers always send Origin with a socket handshake; other clients may not, and CORS does not concern them. */
export function isOriginAllowed(origin: string | undefined, policy: HandshakePolicy): boolean {
  const allowed = policy.corsOrigins;
  return origin === undefined || allowed.length === 0 || allowed.includes('*') || allowed.includes(origin);
}

/**
 * The one check for every WebSocket upgrade and Socket.IO handshake (HTTP requests get the Host half
 * from the server's hook and the Origin half from CORS): throws HostNotAllowedError or OriginNotAllowedError.
 */
export function assertHandshakeAllowed(headers: { host?: string; origin?: string }, policy: HandshakePolicy): void {
  if (!isHostAllowed(headers.host, policy)) throw new HostNotAllowedError(hostOf(headers.host));
  if (!isOriginAllowed(headers.origin, policy)) throw new OriginNotAllowedError(headers.origin ?? '');
}
