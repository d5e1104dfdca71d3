import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OpsAccessGuard, OpsEndpoint } from '@app/common';
import { METRICS_CONTENT_TYPE, MetricsService } from './metrics.service.js';

/**
 * Prometheus scrape endpoint. Left out of the API docs: it is for the monitoring system, not for API
 * clients, and should not be routed from the public ingress (see README, Kubernetes). Open as
 * METRICS_ACCESS says (production: OPS_TOKEN holders only).
 */
@ApiExcludeController()
@Controller('metrics')
@UseGuards(OpsAccessGuard)
@OpsEndpoint('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
