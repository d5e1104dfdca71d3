import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { EnvEnum, EnvInt, EnvNumber } from './env-decorators.js';
import { ConfigValidationError, validateEnv } from './validate-env.js';

/**
 * Which chat model answers. `auto`: Gemini when GOOGLE_API_KEY is set, else the offline engine.
 * `scripted`: a fixed answer streamed at once with no tool calls, to measure the service's own
 * overhead (gateway, conversation store, Redis, streaming) without a model's latency.
 */
export const LLM_PROVIDERS = ['auto', 'gemini', 'offline', 'scripted'] as const;
export type LlmProvider = Exclude<(typeof LLM_PROVIDERS)[number], 'auto'>;

class GeminiEnv {
  @EnvEnum(LLM_PROVIDERS) LLM_PROVIDER: (typeof LLM_PROVIDERS)[number] = 'auto';
  @IsOptional() @IsString() GOOGLE_API_KEY?: string;
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: (a) => `GEMINI_MODEL must be a model name such as gemini-2.5-flash (got "${String(a.value)}")` })
  GEMINI_MODEL = 'gemini-2.5-flash';
  @EnvNumber(0, 2) GEMINI_TEMPERATURE = 0.7;
  @IsOptional() @EnvInt(1, 65_536) GEMINI_MAX_TOKENS?: number;
  @EnvInt(1, 600) GEMINI_TIMEOUT = 60;
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: (a) => `GEMINI_BASE_URL must be an http(s) URL (got "${String(a.value)}")` })
  GEMINI_BASE_URL?: string;
}

/** The chat model (LLM_PROVIDER) and Gemini's settings; by default Gemini is used when GOOGLE_API_KEY is set. */
export const geminiConfig = registerAs('gemini', () => {
  const env = validateEnv(GeminiEnv);
  if (env.LLM_PROVIDER === 'gemini' && env.GOOGLE_API_KEY === undefined) {
    throw new ConfigValidationError(['LLM_PROVIDER=gemini needs GOOGLE_API_KEY to be set']);
  }
  const provider: LlmProvider = env.LLM_PROVIDER === 'auto' ? (env.GOOGLE_API_KEY !== undefined ? 'gemini' : 'offline') : env.LLM_PROVIDER;
  return {
    provider,
    apiKey: env.GOOGLE_API_KEY,
    enabled: provider === 'gemini',
    model: env.GEMINI_MODEL,
    temperature: env.GEMINI_TEMPERATURE,
    maxOutputTokens: env.GEMINI_MAX_TOKENS,
    timeoutMs: env.GEMINI_TIMEOUT * 1000,
    baseUrl: env.GEMINI_BASE_URL?.replace(/\/+$/, ''),
  };
});
export type GeminiConfig = ConfigType<typeof geminiConfig>;
