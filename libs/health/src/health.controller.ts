import { Controller, Get, HttpException, HttpStatus, UseGuards } from '@nestjs/common';
import { OpsAccessGuard, OpsEndpoint } from '@app/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Service status, version, uptime and the mode each dependency runs in' })
  summary() {
    return this.health.summary();
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness probe: the process is up (never fails because of Redis)' })
  live() {
    return this.health.live();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness probe: Redis and each configured upstream answer' })
  @ApiOkResponse({ description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; details name it' })
  async ready() {
    try {
      return await this.health.ready();
    } catch (error) {
      throw notReady(error);
    }
  }

  @Get('detailed')
  @UseGuards(OpsAccessGuard)
  @OpsEndpoint('diagnostics')
  @ApiOperation({ summary: 'Memory, event-loop delay and dependency latencies (DIAGNOSTICS_ACCESS)' })
  detailed() {
    return this.health.detailed();
  }
}

/** Terminus rejects with the full result; keep it in the body next to the standard error fields. */
function notReady(error: unknown): unknown {
  const result = (error as { response?: HealthCheckResult }).response;
  if (!result?.details) return error;
  const down = Object.entries(result.details)
    .filter(([, detail]) => detail.status !== 'up')
    .map(([name]) => name);
  return new HttpException(
    { message: `Not ready: ${down.join(', ')} unavailable`, status: result.status, info: result.info, details: result.details },
    HttpStatus.SERVICE_UNAVAILABLE,
  );
}
