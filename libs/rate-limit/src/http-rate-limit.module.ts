import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '@app/auth';
import { ChatTurnTracker } from './chat-turn.throttler.js';
import { HttpThrottlerGuard } from './http-throttler.guard.js';
import { MemoryThrottlerStorage } from './memory-throttler.storage.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/**
 * REST rate limits counted in Redis, so all instances share them: RATE_LIMIT_REQUESTS per
 * RATE_LIMIT_WINDOW seconds per client address on every route (but health and metrics), and
 * CHAT_RATE_LIMIT_PER_MINUTE chat turns per user, session or address on POST /api/v1/chat/message
 * and /stream. See `HttpThrottlerGuard`.
 */
@Module({
  imports: [AuthModule],
  providers: [MemoryThrottlerStorage, RedisThrottlerStorage, ChatTurnTracker, { provide: APP_GUARD, useClass: HttpThrottlerGuard }],
  exports: [RedisThrottlerStorage],
})
export class HttpRateLimitModule {}
