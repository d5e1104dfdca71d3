import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { HttpRequest } from '@app/common';
import { AuthenticationRequiredError, InvalidTokenError } from './auth.errors.js';
import { TokenService, type VerifiedToken } from './token.service.js';

/** A logged-in user, as proved by a non-anonymous access token. */
export interface AuthenticatedUser {
  id: string;
  /** Expiry of the token, seconds since the epoch. */
  tokenExpiresAt: number;
}

/** Where the guards leave what the token said, for the parameter decorators to read. */
type RequestWithAuth = HttpRequest & {
  chatbetAuth?: VerifiedToken;
};

/** The bearer token of a request; undefined without an Authorization header. */
function bearerTokenOf(request: HttpRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  if (!match) throw new InvalidTokenError('malformed');
  return match[1];
}

/**
 * Requires `Authorization: Bearer <token>` with a valid, non-anonymous token: missing and anonymous
 * tokens get AuthenticationRequiredError, forged, unsigned (`alg: none`), expired and malformed ones
 * InvalidTokenError, both 401. Never fails open.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    const token = bearerTokenOf(request);
    if (token === undefined) throw new AuthenticationRequiredError();
    const verified = await this.tokens.verify(token);
    if (verified.anon) throw new AuthenticationRequiredError('An anonymous token does not identify a user: log in with POST /api/v1/auth/login');
    request.chatbetAuth = verified;
    return true;
  }
}

/**
 * For routes open to everyone that act for the user when one is logged in: no Authorization header
 * passes as anonymous, but a header that is there must hold a valid token (an invalid one is 401,
 * never silently ignored). Anonymous tokens pass and are readable with `@OptionalToken()`.
 */
@Injectable()
export class OptionalJwtAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    const token = bearerTokenOf(request);
    if (token !== undefined) request.chatbetAuth = await this.tokens.verify(token);
    return true;
  }
}

/** The logged-in user of a route behind JwtAuthGuard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const verified = context.switchToHttp().getRequest<RequestWithAuth>().chatbetAuth;
  // Only reachable when a route forgot its guard: refuse rather than act for nobody.
  if (!verified || verified.anon) throw new AuthenticationRequiredError();
  return { id: verified.sub, tokenExpiresAt: verified.exp };
});

/** What the request's token said (anonymous or not), behind OptionalJwtAuthGuard; undefined without one. */
export const OptionalToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext): VerifiedToken | undefined => context.switchToHttp().getRequest<RequestWithAuth>().chatbetAuth,
);
