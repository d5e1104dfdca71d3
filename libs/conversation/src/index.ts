export { ConversationModule } from './conversation.module.js';
export { ConversationService, type AppendResult, type CloseTurnOptions, type ModelWindow, type NewChatMessage, type OpenTurn } from './conversation.service.js';
export { DEFAULT_LOCK_TTL_MS, DEFAULT_LOCK_WAIT_MS, SessionLockService, type SessionLease, type SessionLockOptions } from './session-lock.service.js';
export {
  ConversationStore,
  MAX_STORED_MESSAGES,
  PREFERENCES_TTL_SECONDS,
  type ContextPatch,
  type CreateResult,
  type OpenTurnResult,
  type PreferencesPatch,
  type SessionRecord,
  type TurnLock,
  type TurnWrite,
  type UnfoldedTail,
} from './conversation.store.js';
export { MemoryConversationStore } from './memory-conversation.store.js';
export { RedisConversationStore } from './redis-conversation.store.js';
export {
  ConversationStoreUnavailableError,
  InvalidIdError,
  InvalidPreferencesError,
  SessionAccessDeniedError,
  SessionBusyError,
  SessionNotFoundError,
} from './conversation.errors.js';
export { SAFE_ID, assertSafeId, isSafeId } from './safe-id.js';
export {
  SUMMARY_MAX_CHARS,
  describeExchange,
  foldIntoSummary,
  groupExchanges,
  planModelWindow,
  type Exchange,
  type WindowPlan,
} from './exchange-summary.js';
export * from './conversation.types.js';
