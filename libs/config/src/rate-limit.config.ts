import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class RateLimitEnv {
  @EnvInt(1, 1_000_000) RATE_LIMIT_REQUESTS = 100;
  @EnvInt(1, 86_400) RATE_LIMIT_WINDOW = 60;
  @EnvInt(1, 10_000) CHAT_RATE_LIMIT_PER_MINUTE = 30;
  @EnvInt(1, 10_000) WS_MAX_CONNECTIONS_PER_IP = 5;
  @EnvInt(1, 1_000) LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
  @EnvInt(1, 100_000) LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
  @EnvInt(1, 86_400) LOGIN_LOCKOUT_SECONDS = 900;
}

export const rateLimitConfig = registerAs('rateLimit', () => {
  const env = validateEnv(RateLimitEnv);
  return {
    requests: env.RATE_LIMIT_REQUESTS,
    windowSeconds: env.RATE_LIMIT_WINDOW,
    chatTurnsPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE,
    maxSocketsPerIp: env.WS_MAX_CONNECTIONS_PER_IP,
    login: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      lockoutMs: env.LOGIN_LOCKOUT_SECONDS * 1000,
    },
  };
});
export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
