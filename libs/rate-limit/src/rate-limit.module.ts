import { Module } from '@nestjs/common';
import { RateLimiterService } from './rate-limiter.service.js';
import { SocketAddressCap } from './socket-address-cap.service.js';

/** Fixed-window rate limits shared across instances through Redis (per instance without it). */
@Module({
  providers: [RateLimiterService, SocketAddressCap],
  exports: [RateLimiterService, SocketAddressCap],
})
export class RateLimitModule {}
