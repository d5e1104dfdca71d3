import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LlmModule } from '@app/llm';
import { GeminiModelHealthIndicator } from './gemini-model.health.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { RedisPersistenceIndicator } from './redis-persistence.health.js';
import { RedisHealthIndicator } from './redis.health.js';
import { UpstreamHealthIndicator } from './upstream.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), LlmModule],
  controllers: [HealthController],
  providers: [HealthService, RedisHealthIndicator, RedisPersistenceIndicator, UpstreamHealthIndicator, GeminiModelHealthIndicator],
  exports: [HealthService],
})
export class HealthModule {}
