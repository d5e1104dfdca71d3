import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { RedisService } from '@app/redis';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  /** Up when Redis answers a PING; reported as memory mode (and up) when Redis is not configured. */
  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (!this.redis.isConfigured) return indicator.up({ mode: 'memory' });
    try {
      const latencyMs = await this.redis.ping();
      return indicator.up({ mode: 'redis', latencyMs: round(latencyMs) });
    } catch (error) {
      return indicator.down({ mode: 'redis', message: (error as Error).message });
    }
  }
}

export const round = (ms: number): number => Math.round(ms * 100) / 100;
