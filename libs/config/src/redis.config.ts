import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { EnvBoolean, EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class RedisEnv {
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: (a) => `REDIS_URL must be a redis:// or rediss:// URL (got "${String(a.value)}")` })
  REDIS_URL?: string;
  @IsOptional() @IsString() REDIS_HOST?: string;
  @EnvInt(1, 65535) REDIS_PORT = 6379;
  @EnvInt(0, 15) REDIS_DB = 0;
  @IsOptional() @IsString() REDIS_PASSWORD?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: (a) => `REDIS_KEY_PREFIX must be 1-64 of A-Z a-z 0-9 : _ - (got "${String(a.value)}")` })
  REDIS_KEY_PREFIX?: string;
  @EnvBoolean() REDIS_ALLOW_NO_PERSISTENCE = false;
}

/** Redis is used when REDIS_URL or REDIS_HOST is set; otherwise the service runs on in-memory stores. */
export const redisConfig = registerAs('redis', () => {
  const env = validateEnv(RedisEnv);
  let url: string | undefined = env.REDIS_URL;
  if (!url && env.REDIS_HOST) {
    const auth = env.REDIS_PASSWORD ? `:${encodeURIComponent(env.REDIS_PASSWORD)}@` : '';
    url = `redis://${auth}${env.REDIS_HOST}:${env.REDIS_PORT}/${env.REDIS_DB}`;
  }
  return {
    url,
    enabled: url !== undefined,
    // Every key this service writes starts with the prefix, so several deployments can share a server.
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'chatbet:',
    /**
     * Production is not ready on a Redis that keeps nothing across a restart (limits, self-exclusion
     * and ledgers live there), unless this says it is meant to.
     */
    allowNoPersistence: env.REDIS_ALLOW_NO_PERSISTENCE,
  };
});
export type RedisConfig = ConfigType<typeof redisConfig>;
