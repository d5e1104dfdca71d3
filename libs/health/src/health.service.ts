import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { appConfig, type AppConfig, chatbetConfig, type ChatBetConfig, geminiConfig, type GeminiConfig } from '@app/config';
import { GeminiModelCheck } from '@app/llm';
import { RedisService } from '@app/redis';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { GeminiModelHealthIndicator } from './gemini-model.health.js';
import { RedisPersistenceIndicator } from './redis-persistence.health.js';
import { RedisHealthIndicator, round } from './redis.health.js';
import { UpstreamHealthIndicator } from './upstream.health.js';

export interface ServiceModes {
  redis: 'redis' | 'memory';
  llm: 'gemini' | 'offline' | 'scripted';
  sportsData: 'chatbet' | 'embedded';
}

@Injectable()
export class HealthService implements OnModuleInit, OnModuleDestroy {
  private readonly startedAt = Date.now();
  private loopDelay?: IntervalHistogram;

  constructor(
    private readonly checks: HealthCheckService,
    private readonly redisIndicator: RedisHealthIndicator,
    private readonly persistence: RedisPersistenceIndicator,
    private readonly upstreams: UpstreamHealthIndicator,
    private readonly geminiModel: GeminiModelHealthIndicator,
    private readonly modelCheck: GeminiModelCheck,
    private readonly redis: RedisService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(chatbetConfig.KEY) private readonly chatbet: ChatBetConfig,
    @Inject(geminiConfig.KEY) private readonly gemini: GeminiConfig,
  ) {}

  onModuleInit(): void {
    this.loopDelay = monitorEventLoopDelay({ resolution: 20 });
    this.loopDelay.enable();
  }

  onModuleDestroy(): void {
    this.loopDelay?.disable();
  }

  modes(): ServiceModes {
    return {
      redis: this.redis.mode,
      llm: this.gemini.provider,
      sportsData: this.chatbet.enabled ? 'chatbet' : 'embedded',
    };
  }

  async summary() {
    const redis = await this.redisIndicator.check();
    const redisUp = redis.redis?.status === 'up';
    // With Gemini configured: the model in use and whether the API knows it (a missing one means offline answers).
    const model = this.modelCheck.applies ? this.modelCheck.status() : undefined;
    return {
      status: redisUp && model?.state !== 'not-found' ? 'ok' : 'degraded',
      service: this.app.name,
      version: this.app.version,
      environment: this.app.environment,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      timestamp: new Date().toISOString(),
      modes: this.modes(),
      ...(model ? { geminiModel: model } : {}),
      dependencies: redis,
    };
  }

  /** Liveness: the process answers. Never depends on Redis or upstreams. */
  live(): Promise<HealthCheckResult> {
    return this.checks.check([]);
  }

  /**
   * Readiness: Redis (when configured) and every configured upstream answer, and in production the
   * configured Gemini model exists; 503 otherwise.
   */
  ready(): Promise<HealthCheckResult> {
    return this.checks.check(this.dependencyChecks());
  }

  private dependencyChecks() {
    return [
      () => this.redisIndicator.check(),
      ...(this.persistence.applies ? [() => this.persistence.check()] : []),
      ...this.upstreams.checks(),
      ...this.geminiModel.checks(),
    ];
  }

  async detailed() {
    const dependencies = await this.checks
      .check(this.dependencyChecks())
      .catch((error: { response?: HealthCheckResult }) => error.response);
    const memory = process.memoryUsage();
    const mb = (bytes: number) => round(bytes / 1024 / 1024);
    const ns = (value: number) => round(value / 1e6);
    const summary = await this.summary();
    return {
      ...summary,
      status: dependencies?.status === 'ok' && summary.status === 'ok' ? 'ok' : 'degraded',
      dependencies: dependencies?.details ?? {},
      process: {
        pid: process.pid,
        node: process.version,
        memoryMb: { rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), heapTotal: mb(memory.heapTotal), external: mb(memory.external) },
        eventLoopDelayMs: this.loopDelay
          ? { p50: ns(this.loopDelay.percentile(50)), p99: ns(this.loopDelay.percentile(99)), max: ns(this.loopDelay.max) }
          : undefined,
      },
    };
  }
}
