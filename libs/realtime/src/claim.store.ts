import { Injectable, Logger } from '@nestjs/common';
import { RedisService, withTimeout } from '@app/redis';
import type { SessionState } from './session-registry.js';

const COMMAND_TIMEOUT_MS = 500;

/**
 * "First one wins" marks with an expiry, for duplicate detection: `SET NX PX` in Redis so every
 * instance sees the same marks; in the session's memory when Redis is not configured or does not
 * answer (duplicates are then caught per instance only).
 */
@Injectable()
export class ClaimStore {
  private readonly logger = new Logger(ClaimStore.name);
  private degraded = false;

  constructor(private readonly redis: RedisService) {}

  /** True when this is the first claim of `name` in the session within `ttlMs`; `holder` is kept as who made it. */
  async claim(session: SessionState, name: string, ttlMs: number, holder = '1'): Promise<boolean> {
    if (this.redis.isReady) {
      try {
        const reply = await withTimeout(
          this.redis.raw.set(this.keyOf(session, name), holder, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }),
          COMMAND_TIMEOUT_MS,
          'duplicate check timed out',
        );
        this.degraded = false;
        return reply === 'OK';
      } catch (error) {
        this.warnDegraded(error);
      }
    }
    const now = Date.now();
    const expiresAt = session.claims.get(name);
    if (expiresAt !== undefined && expiresAt > now) return false;
    session.claims.set(name, now + ttlMs);
    return true;
  }

  /** Who made a live claim (its `holder`), or undefined without one or without Redis. */
  async holderOf(session: SessionState, name: string): Promise<string | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      return (await withTimeout(this.redis.raw.get(this.keyOf(session, name)), COMMAND_TIMEOUT_MS, 'claim read timed out')) ?? undefined;
    } catch (error) {
      this.warnDegraded(error);
      return undefined;
    }
  }

  /** Takes over a claim whose holder is gone. */
  async takeOver(session: SessionState, name: string, ttlMs: number, holder: string): Promise<void> {
    session.claims.set(name, Date.now() + ttlMs);
    if (!this.redis.isReady) return;
    try {
      await withTimeout(this.redis.raw.set(this.keyOf(session, name), holder, { expiration: { type: 'PX', value: ttlMs } }), COMMAND_TIMEOUT_MS, 'claim takeover timed out');
    } catch (error) {
      this.warnDegraded(error);
    }
  }

  /** Withdraws a claim, so the same message can be sent again (after a refusal or a failure). */
  async release(session: SessionState, name: string): Promise<void> {
    session.claims.delete(name);
    if (!this.redis.isReady) return;
    try {
      await withTimeout(this.redis.raw.del(this.keyOf(session, name)), COMMAND_TIMEOUT_MS, 'duplicate release timed out');
    } catch (error) {
      this.warnDegraded(error);
    }
  }

  /** The Redis key of a claim, under the session's hash tag (TurnAdmission's script sets claims with the turn counter). */
  keyOf(session: SessionState, name: string): string {
    return this.redis.key('realtime', 'claim', `{${session.sessionId}}`, name);
  }

  private warnDegraded(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`Duplicate messages detected per instance until Redis answers again (${error instanceof Error ? error.message : String(error)})`);
  }
}
