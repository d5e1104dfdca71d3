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

/**
 * The model used when GEMINI_MODEL is unset: the newest generally available Flash model of the
 * Gemini 3 family, with no shutdown date announced on the Gemini API deprecations page
 * (https://ai.google.dev/gemini-api/docs/deprecations). Flash is the line meant for tool calling
 * at chat latency; Pro models think longer, Flash-Lite ones call tools less reliably.
 */
export const DEFAULT_GEMINI_MODEL = 'gemini-3.8-flash';

/** Where the Gemini API answers when GEMINI_BASE_URL is unset. */
export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

/**
 * How much a Gemini 3 model thinks before answering (`thinkingConfig.thinkingLevel`). Not every
 * model takes every level: the 3.7 and 3.8 Flash models take low, medium and high only.
 */
export const GEMINI_THINKING_LEVELS = ['minimal', 'low', 'medium', 'high'] as const;
export type GeminiThinkingLevel = (typeof GEMINI_THINKING_LEVELS)[number];

class GeminiEnv {
  @EnvEnum(LLM_PROVIDERS) LLM_PROVIDER: (typeof LLM_PROVIDERS)[number] = 'auto';
  @IsOptional() @IsString() GOOGLE_API_KEY?: string;
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: (a) => `GEMINI_MODEL must be a model name such as ${DEFAULT_GEMINI_MODEL} (got "${String(a.value)}")` })
  GEMINI_MODEL = DEFAULT_GEMINI_MODEL;
  // Unset sends no temperature, so the model keeps its own default (1.0 on Gemini 3, which Google
  // recommends keeping: lower values can make those models loop or reason worse).
  @IsOptional() @EnvNumber(0, 2) GEMINI_TEMPERATURE?: number;
  // Low by default: the lowest level every current Flash model accepts ("minimal" is refused by the
  // 3.7 and 3.8 Flash models), and the chat's tool calls are lookups that need little planning,
  // while each higher level adds thinking time before the first streamed word.
  @EnvEnum(GEMINI_THINKING_LEVELS) GEMINI_THINKING_LEVEL: GeminiThinkingLevel = 'low';
  @IsOptional() @EnvInt(1, 65_536) GEMINI_MAX_TOKENS?: number;
  @EnvInt(1, 600) GEMINI_TIMEOUT = 60;
  @EnvInt(1, 1000) GEMINI_CIRCUIT_FAILURE_THRESHOLD = 5;
  @EnvInt(1, 3600) GEMINI_CIRCUIT_RESET_SECONDS = 30;
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
    thinkingLevel: env.GEMINI_THINKING_LEVEL,
    maxOutputTokens: env.GEMINI_MAX_TOKENS,
    timeoutMs: env.GEMINI_TIMEOUT * 1000,
    /** Model calls in a row that Gemini failed (after their retries) before turns go straight to the offline engine. */
    circuitFailureThreshold: env.GEMINI_CIRCUIT_FAILURE_THRESHOLD,
    /** How long turns skip Gemini once the circuit has opened; then one call tries it again. */
    circuitResetMs: env.GEMINI_CIRCUIT_RESET_SECONDS * 1000,
    baseUrl: env.GEMINI_BASE_URL?.replace(/\/+$/, ''),
  };
});
export type GeminiConfig = ConfigType<typeof geminiConfig>;
