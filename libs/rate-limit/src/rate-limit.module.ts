import { Module } from '@nestjs/common';
import { RateLimiterService } from './rate-limiter.service.js';

/** Fixed-window rate limits shared across instances through Redis (per instance without it). */
@Module({
  providers: [RateLimiterService],
  exports: [RateLimiterService],
})
export class RateLimitModule {}
