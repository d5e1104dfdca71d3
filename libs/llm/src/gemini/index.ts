export {
  DEFAULT_GEMINI_CALL_LIMITS,
  GeminiCallPolicy,
  parseRetryDelay,
  retryAfterOf,
  type GeminiCallLimits,
  type GeminiFailure,
  type GeminiFailureKind,
  type RetryCounts,
} from './gemini-call.policy.js';
export { GeminiUnavailableError } from './gemini-unavailable.error.js';
export {
  ResilientModelCaller,
  type ModelAttempt,
  type ModelAttemptContext,
  type ModelCallOptions,
  type ModelCallerStats,
} from './resilient-model.caller.js';
export { prepareGeminiChatModel } from './gemini-chat-model.setup.js';
export { dataOnlyNotice, type NoticeLanguage } from './data-only.notice.js';
export { GeminiResponseStreamer, type StreamOnce } from './gemini-response.streamer.js';
export {
  geminiGenerationFields,
  geminiGenerationWarnings,
  isGemini3OrLater,
  withOneThinkingSetting,
  type GeminiGenerationFields,
  type GeminiGenerationInput,
} from './gemini-generation.settings.js';
export { GeminiModelCheck, type GeminiModelState, type GeminiModelStatus, type ModelNotFoundReporter } from './gemini-model.check.js';
