import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString } from 'class-validator';
import { ConfigValidationError, validateEnv } from './validate-env.js';
import { EnvInt } from './env-decorators.js';

class AuthEnv {
  @IsOptional() @IsString() ENVIRONMENT?: string;
  @IsOptional() @IsString() SECRET_KEY?: string;
  @EnvInt(1, 60 * 24 * 30) ACCESS_TOKEN_EXPIRE_MINUTES = 60;
}

// Outside production a fixed development key keeps `npm start` working with no set-up; tokens
// signed with it are worthless anywhere else.
const DEVELOPMENT_SECRET = 'chatbet-development-secret-do-not-use-in-production';
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

export const authConfig = registerAs('auth', () => {
  const env = validateEnv(AuthEnv);
  const production = env.ENVIRONMENT?.trim().toLowerCase() === 'production';
  if (production && (env.SECRET_KEY ?? '').length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new ConfigValidationError([
      `SECRET_KEY must be set to at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when ENVIRONMENT=production (got ${(env.SECRET_KEY ?? '').length})`,
    ]);
  }
  return {
    secretKey: env.SECRET_KEY ?? DEVELOPMENT_SECRET,
    usesDevelopmentSecret: env.SECRET_KEY === undefined,
    accessTokenExpireMinutes: env.ACCESS_TOKEN_EXPIRE_MINUTES,
  };
});
export type AuthConfig = ConfigType<typeof authConfig>;
