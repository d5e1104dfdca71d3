import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authConfig, type AuthConfig } from '@app/config';
import { InvalidTokenError } from './auth.errors.js';
import { newAnonymousSubject } from './identity.js';

const MAX_TOKEN_LENGTH = 4096;
// header.payload.signature in base64url; anything else is rejected before it is decoded.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The only algorithm accepted: pinning it rules out `alg: none` and algorithm-confusion tokens. */
export const TOKEN_ALGORITHM = 'HS256';

export interface IssuedToken {
  token: string;
  /** Lifetime in seconds. */
  expires_in: number;
  user_id: string;
}

/** What a verified token says. */
export interface VerifiedToken {
  sub: string;
  /** True for tokens handed out without an account: the subject owns sessions but proves no identity. */
  anon: boolean;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

interface TokenClaims {
  sub?: unknown;
  anon?: unknown;
  exp?: unknown;
}

/** Issues and checks the service's access tokens (HS256 JWTs signed with SECRET_KEY). */
@Injectable()
export class TokenService implements OnModuleInit {
  private readonly logger = new Logger(TokenService.name);

  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.secretGenerated) {
      this.logger.warn({
        msg: 'SECRET_KEY is not set: tokens are signed with a random key made for this process; they stop working at restart and on other instances (set SECRET_KEY to keep them)',
      });
    }
  }

  /** A token for an anonymous client; its subject (a fresh id unless given) owns the client's sessions. */
  async issueAnonymous(userId = newAnonymousSubject()): Promise<IssuedToken> {
    const token = await this.jwt.signAsync({ sub: userId, anon: true });
    return { token, expires_in: this.config.accessTokenExpireMinutes * 60, user_id: userId };
  }

  /** A token for a logged-in user: its subject is the account id, and it proves who the user is. */
  async issueForUser(userId: string): Promise<IssuedToken> {
    const token = await this.jwt.signAsync({ sub: userId, anon: false });
    return { token, expires_in: this.config.accessTokenExpireMinutes * 60, user_id: userId };
  }

  /** Throws InvalidTokenError for a forged, unsigned, expired or malformed token. */
  async verify(token: string): Promise<VerifiedToken> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new InvalidTokenError('malformed');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: [TOKEN_ALGORITHM] });
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error && error.name === 'TokenExpiredError' ? 'expired' : 'invalid');
    }
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || typeof claims.exp !== 'number') {
      throw new InvalidTokenError('invalid');
    }
    return { sub: claims.sub, anon: claims.anon === true, exp: claims.exp };
  }
}
