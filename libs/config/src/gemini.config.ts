import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { EnvInt, EnvNumber } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class GeminiEnv {
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

/** Gemini is used when GOOGLE_API_KEY is set; otherwise the offline engine answers. */
export const geminiConfig = registerAs('gemini', () => {
  const env = validateEnv(GeminiEnv);
  return {
    apiKey: env.GOOGLE_API_KEY,
    enabled: env.GOOGLE_API_KEY !== undefined,
    model: env.GEMINI_MODEL,
    temperature: env.GEMINI_TEMPERATURE,
    maxOutputTokens: env.GEMINI_MAX_TOKENS,
    timeoutMs: env.GEMINI_TIMEOUT * 1000,
    baseUrl: env.GEMINI_BASE_URL?.replace(/\/+$/, ''),
  };
});
export type GeminiConfig = ConfigType<typeof geminiConfig>;
