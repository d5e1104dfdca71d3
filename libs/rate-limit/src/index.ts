export { RateLimitModule } from './rate-limit.module.js';
export { RateLimiterService, type RateLimitDecision } from './rate-limiter.service.js';
