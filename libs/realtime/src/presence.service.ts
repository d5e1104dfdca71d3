import { Inject, Injectable, Logger } from '@nestjs/common';
import { realtimeConfig, type RealtimeConfig } from '@app/config';
import { RedisService, withTimeout } from '@app/redis';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface EndpointCounts {
  connections: number;
  sessions: number;
}

/** What one instance reports about its live connections, per endpoint. */
export type InstanceReport = Record<string, EndpointCounts>;

const COMMAND_TIMEOUT_MS = 500;

/**
 * Each instance's connection counts, shared through Redis so GET /ws/status can add up every
 * instance. A report lives for three heartbeats: an instance that dies drops out of the total on
 * its own, with no counter left to drift.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);
  readonly instanceId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly redis: RedisService,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  get shared(): boolean {
    return this.redis.isReady;
  }

  async publish(report: InstanceReport): Promise<void> {
    if (!this.redis.isReady) return;
    const ttlMs = this.config.heartbeatMs * 3;
    try {
      await withTimeout(
        this.redis.raw
          .multi()
          .set(this.instanceKey(this.instanceId), JSON.stringify(report), { expiration: { type: 'PX', value: ttlMs } })
          .zAdd(this.indexKey(), { score: Date.now() + ttlMs, value: this.instanceId })
          .exec(),
        COMMAND_TIMEOUT_MS,
        'presence report timed out',
      );
    } catch (error) {
      this.logger.debug(`could not report presence: ${String(error)}`);
    }
  }

  /** Every live instance's report, or undefined when Redis cannot tell. */
  async reports(): Promise<InstanceReport[] | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      const client = this.redis.raw;
      await withTimeout(client.zRemRangeByScore(this.indexKey(), '-inf', Date.now()), COMMAND_TIMEOUT_MS, 'presence cleanup timed out');
      const ids = await withTimeout(client.zRange(this.indexKey(), 0, -1), COMMAND_TIMEOUT_MS, 'presence read timed out');
      if (ids.length === 0) return [];
      const values = await withTimeout(client.mGet(ids.map((id) => this.instanceKey(id))), COMMAND_TIMEOUT_MS, 'presence read timed out');
      return values.flatMap((value) => (typeof value === 'string' ? [parseReport(value)] : []));
    } catch (error) {
      this.logger.debug(`could not read presence: ${String(error)}`);
      return undefined;
    }
  }

  /** Whether an instance still reports itself (undefined when Redis cannot tell). */
  async isAlive(instanceId: string): Promise<boolean | undefined> {
    if (instanceId === this.instanceId) return true;
    if (!this.redis.isReady) return undefined;
    try {
      const expiry = await withTimeout(this.redis.raw.zScore(this.indexKey(), instanceId), COMMAND_TIMEOUT_MS, 'presence read timed out');
      return expiry !== null && expiry > Date.now();
    } catch {
      return undefined;
    }
  }

  async withdraw(): Promise<void> {
    if (!this.redis.isReady) return;
    try {
      await withTimeout(
        this.redis.raw.multi().del(this.instanceKey(this.instanceId)).zRem(this.indexKey(), this.instanceId).exec(),
        COMMAND_TIMEOUT_MS,
        'presence withdrawal timed out',
      );
    } catch (error) {
      this.logger.debug(`could not withdraw presence: ${String(error)}`);
    }
  }

  private indexKey(): string {
    return this.redis.key('realtime', 'instances');
  }

  private instanceKey(id: string): string {
    return this.redis.key('realtime', 'instance', id);
  }
}

function parseReport(value: string): InstanceReport {
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as InstanceReport) : {};
  } catch {
    return {};
  }
}
