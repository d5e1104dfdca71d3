export { RateLimitModule } from './rate-limit.module.js';
export { RateLimiterService, type RateLimitDecision } from './rate-limiter.service.js';
export { HttpRateLimitModule } from './http-rate-limit.module.js';
export { HttpThrottlerGuard } from './http-throttler.guard.js';
export { RedisThrottlerStorage } from './redis-throttler.storage.js';
export { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler.storage.js';
export { CHAT_THROTTLER, ChatTurnTracker, isChatTurn } from './chat-turn.throttler.js';
export { RateLimitedError, type HttpRateLimitScope } from './rate-limited.error.js';
export { addressKey } from './address-key.js';
