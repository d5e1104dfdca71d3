import { appConfig } from './app.config.js';
import { authConfig } from './auth.config.js';
import { betsConfig } from './bets.config.js';
import { cacheConfig } from './cache.config.js';
import { chatbetConfig } from './chatbet.config.js';
import { conversationConfig } from './conversation.config.js';
import { exposureConfig } from './exposure.config.js';
import { geminiConfig } from './gemini.config.js';
import { groundingConfig } from './grounding.config.js';
import { liveUpdatesConfig } from './live-updates.config.js';
import { rateLimitConfig } from './rate-limit.config.js';
import { realtimeConfig } from './realtime.config.js';
import { redisConfig } from './redis.config.js';
import { telemetryConfig } from './telemetry.config.js';

export { appConfig, ENVIRONMENTS, LOG_LEVELS, type AppConfig, type LogLevel } from './app.config.js';
export { authConfig, MIN_SECRET_KEY_LENGTH, type AuthConfig } from './auth.config.js';
export { betsConfig, type BetsConfig } from './bets.config.js';
export { cacheConfig, CACHE_RESOURCES, type CacheConfig, type CacheResourceName } from './cache.config.js';
export { chatbetConfig, type ChatBetConfig } from './chatbet.config.js';
export { conversationConfig, type ConversationConfig } from './conversation.config.js';
export { exposureConfig, OPS_ACCESS, type ExposureConfig, type OpsAccess, type OpsResource } from './exposure.config.js';
export {
  DEFAULT_GEMINI_MODEL,
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_THINKING_LEVELS,
  geminiConfig,
  LLM_PROVIDERS,
  type GeminiConfig,
  type GeminiThinkingLevel,
  type LlmProvider,
} from './gemini.config.js';
export { GROUNDING_POLICIES, groundingConfig, type GroundingConfig, type GroundingPolicy } from './grounding.config.js';
export { liveUpdatesConfig, type LiveUpdatesConfig } from './live-updates.config.js';
export { rateLimitConfig, type RateLimitConfig } from './rate-limit.config.js';
export { realtimeConfig, type RealtimeConfig } from './realtime.config.js';
export { redisConfig, type RedisConfig } from './redis.config.js';
export { telemetryConfig, type TelemetryConfig } from './telemetry.config.js';
import { ConfigValidationError } from './validate-env.js';
export { ConfigValidationError, validateEnv } from './validate-env.js';
export { splitList } from './env-decorators.js';

/** Every namespace, loaded together so one start-up reports every bad variable at once. */
export const ALL_CONFIGS = [
  appConfig,
  authConfig,
  redisConfig,
  cacheConfig,
  rateLimitConfig,
  conversationConfig,
  realtimeConfig,
  chatbetConfig,
  geminiConfig,
  groundingConfig,
  liveUpdatesConfig,
  betsConfig,
  exposureConfig,
  telemetryConfig,
];

/**
 * Runs every namespace's validation and reports all problems together; `main.ts` calls it before
 * building the application so a bad environment fails fast with one readable message.
 */
export function assertValidEnvironment(): void {
  const problems: string[] = [];
  for (const load of ALL_CONFIGS) {
    try {
      load();
    } catch (error) {
      if (error instanceof ConfigValidationError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
}
