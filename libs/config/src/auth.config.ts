import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { ENVIRONMENTS } from './app.config.js';
import { EnvInt } from './env-decorators.js';
import { ConfigValidationError, validateEnv } from './validate-env.js';

class AuthEnv {
  @IsOptional() @IsString() ENVIRONMENT?: string;
  @IsOptional() @IsString() SECRET_KEY?: string;
  @EnvInt(1, 60 * 24 * 30) ACCESS_TOKEN_EXPIRE_MINUTES = 60;
}

/** Development is the only environment that may run without SECRET_KEY; staging and production must set it. */
const KEYLESS_ENVIRONMENT = 'development';
export const MIN_SECRET_KEY_LENGTH = 32;

/**
 * Without SECRET_KEY, development signs with a key made up once per process: nothing written in the
 * source or an image can forge a token, at the price of tokens not outliving a restart or working on
 * another instance (start-up says so).
 */
let processSecret: string | undefined;

export const authConfig = registerAs('auth', () => {
  const env = validateEnv(AuthEnv);
  const environment = env.ENVIRONMENT?.trim().toLowerCase() || 'development';
  const secretLength = (env.SECRET_KEY ?? '').length;
  // An ENVIRONMENT that is none of the known ones is reported by the app namespace.
  const known = (ENVIRONMENTS as readonly string[]).includes(environment);
  if (known && environment !== KEYLESS_ENVIRONMENT && secretLength < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigValidationError([
      `SECRET_KEY must be set to at least ${MIN_SECRET_KEY_LENGTH} characters when ENVIRONMENT=${environment} (got ${secretLength})`,
    ]);
  }
  return {
    secretKey: env.SECRET_KEY ?? (processSecret ??= randomBytes(48).toString('base64url')),
    /** True when the key was generated for this process (development without SECRET_KEY). */
    secretGenerated: env.SECRET_KEY === undefined,
    accessTokenExpireMinutes: env.ACCESS_TOKEN_EXPIRE_MINUTES,
  };
});
export type AuthConfig = ConfigType<typeof authConfig>;
