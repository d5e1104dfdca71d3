import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

const WEEK = 7 * 24 * 3600;

class CacheEnv {
  @EnvInt(1, WEEK) CACHE_TTL_TOURNAMENTS = 86_400;
  @EnvInt(1, WEEK) CACHE_TTL_FIXTURES = 14_400;
  @EnvInt(1, WEEK) CACHE_TTL_ODDS = 30;
  @EnvInt(1, WEEK) CACHE_TTL_USER_SESSIONS = 3_600;
}

export const CACHE_RESOURCES = ['tournaments', 'fixtures', 'odds', 'sessions'] as const;
export type CacheResourceName = (typeof CACHE_RESOURCES)[number];

export const cacheConfig = registerAs('cache', () => {
  const env = validateEnv(CacheEnv);
  const ttlSeconds: Record<CacheResourceName, number> = {
    tournaments: env.CACHE_TTL_TOURNAMENTS,
    fixtures: env.CACHE_TTL_FIXTURES,
    odds: env.CACHE_TTL_ODDS,
    sessions: env.CACHE_TTL_USER_SESSIONS,
  };
  return { ttlSeconds };
});
export type CacheConfig = ConfigType<typeof cacheConfig>;
