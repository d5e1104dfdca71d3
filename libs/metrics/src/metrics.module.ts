import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus metrics for the whole app: global, so any lib can inject `MetricsService` without
 * importing this module. Libs that are also built without it in their own tests inject it with
 * `@Optional()`.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
