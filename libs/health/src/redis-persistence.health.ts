import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { appConfig, type AppConfig, redisConfig, type RedisConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { RedisService } from '@app/redis';

export const NO_PERSISTENCE_MESSAGE =
  'Redis keeps no data across a restart (appendonly off and no RDB snapshots): responsible-gambling limits, self-exclusions and balances would be lost. ' +
  'Enable appendonly yes (or save snapshots), or set REDIS_ALLOW_NO_PERSISTENCE=true';

/**
 * In production, readiness needs a Redis that persists: AOF on (`INFO persistence`: aof_enabled:1)
 * or RDB snapshots configured (`CONFIG GET save`, when the server allows CONFIG). The finding is
 * also the `chatbet_redis_persistence` gauge.
 */
@Injectable()
export class RedisPersistenceIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(redisConfig.KEY) private readonly config: RedisConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** Whether readiness looks at persistence at all: production with Redis, unless allowed without. */
  get applies(): boolean {
    return this.app.isProduction && this.redis.isConfigured && !this.config.allowNoPersistence;
  }

  async check(key = 'redis_persistence'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const client = this.redis.raw;
    let info: string;
    try {
      info = await client.info('persistence');
    } catch (error) {
      return indicator.down({ message: `Could not read Redis persistence: ${(error as Error).message}` });
    }
    const aof = /^aof_enabled:1\s*$/m.test(info);
    let snapshots = false;
    try {
      const save = (await client.configGet('save')).save ?? '';
      snapshots = save.trim().length > 0;
    } catch {
      // Managed Redis often forbids CONFIG: only AOF can be told then.
    }
    const persistent = aof || snapshots;
    this.metrics?.setRedisPersistence(persistent);
    return persistent ? indicator.up({ aof, snapshots }) : indicator.down({ aof, snapshots, message: NO_PERSISTENCE_MESSAGE });
  }
}
