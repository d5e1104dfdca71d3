import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { RedisPersistenceIndicator } from './redis-persistence.health.js';
import { RedisHealthIndicator } from './redis.health.js';
import { UpstreamHealthIndicator } from './upstream.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthService, RedisHealthIndicator, RedisPersistenceIndicator, UpstreamHealthIndicator],
  exports: [HealthService],
})
export class HealthModule {}
