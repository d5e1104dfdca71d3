import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class ChatBetEnv {
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: (a) => `CHATBET_API_BASE_URL must be an http(s) URL (got "${String(a.value)}")` })
  CHATBET_API_BASE_URL?: string;
  @EnvInt(1, 300) CHATBET_API_TIMEOUT = 30;
  @EnvInt(0, 10) CHATBET_API_MAX_RETRIES = 3;
  @EnvInt(1, 1000) CHATBET_CIRCUIT_FAILURE_THRESHOLD = 5;
  @EnvInt(1, 3600) CHATBET_CIRCUIT_RESET_SECONDS = 60;
}

/** The ChatBet upstream is used when CHATBET_API_BASE_URL is set; otherwise the embedded dataset. */
export const chatbetConfig = registerAs('chatbet', () => {
  const env = validateEnv(ChatBetEnv);
  return {
    baseUrl: env.CHATBET_API_BASE_URL?.replace(/\/+$/, ''),
    enabled: env.CHATBET_API_BASE_URL !== undefined,
    timeoutMs: env.CHATBET_API_TIMEOUT * 1000,
    maxRetries: env.CHATBET_API_MAX_RETRIES,
    circuitFailureThreshold: env.CHATBET_CIRCUIT_FAILURE_THRESHOLD,
    circuitResetMs: env.CHATBET_CIRCUIT_RESET_SECONDS * 1000,
  };
});
export type ChatBetConfig = ConfigType<typeof chatbetConfig>;
