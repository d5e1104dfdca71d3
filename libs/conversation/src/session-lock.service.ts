import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@app/common';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import { CHATBET, recordFailure, startSpan, withActiveSpan } from '@app/telemetry';
import { ConversationKeysService } from './conversation-keys.service.js';
import { ConversationStoreUnavailableError, SessionBusyError } from './conversation.errors.js';
import type { TurnLock } from './conversation.store.js';
import { assertSafeId } from './safe-id.js';

export interface SessionLockOptions {
  /** How long to wait for earlier turns before giving up with SessionBusyError. */
  waitMs?: number;
  /** Lifetime of the Redis lock; renewed while the turn runs, so it only matters when an instance dies. */
  ttlMs?: number;
  /**
   * Takes the Redis lock (SET NX PX of `lock.token` on ConversationKeysService.lock) together with
   * other work in one round trip, as ConversationService.openTurn does; false while it is held.
   * Domain errors it throws end the wait and are thrown to the caller. Default: the lock alone.
   */
  take?: (lock: TurnLock) => Promise<boolean>;
}

/** What `fn` holds while it runs. */
export interface SessionLease {
  /** The Redis lock taken for the turn; undefined when turns are serialised within this instance only. */
  readonly lock?: TurnLock;
  /** A write of `fn` has released the lock itself (closeTurn): it is no longer renewed nor released again. */
  releasedByWrite(): void;
}

export const DEFAULT_LOCK_WAIT_MS = 30_000;
export const DEFAULT_LOCK_TTL_MS = 10_000;

const MIN_TTL_MS = 100;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 100;
// A lock command slower than this is treated as Redis being unavailable.
const COMMAND_TIMEOUT_MS = 1_000;

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const RENEW = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/**
 * Runs the turns of one session one at a time, in arrival order, across every instance.
 *
 * Within an instance, waiters queue on a per-session promise chain, so they start in the order
 * they arrived. Across instances, the head of each local queue competes for a Redis lock
 * (SET NX PX with a random token, released only by its holder) by polling with a short backoff;
 * that part is mutual exclusion, not FIFO. Without Redis the local chain alone is the lock.
 */
@Injectable()
export class SessionLockService {
  private readonly logger = new Logger(SessionLockService.name);
  /** Per session: settles when the last queued turn has finished. */
  private readonly queues = new Map<string, Promise<void>>();
  /** Set while turns are serialised locally because Redis is away, so the outage is logged once. */
  private degraded = false;

  constructor(
    private readonly redis: RedisService,
    private readonly keys: ConversationKeysService,
  ) {}

  /**
   * Runs `fn` holding the session's lock. `fn` gets a signal that aborts if the Redis lock is lost
   * (it expired while this instance could not renew it), so long work can stop early.
   * Throws SessionBusyError when the lock is not obtained within `waitMs`.
   */
  async withSessionLock<T>(sessionId: string, fn: (signal: AbortSignal, lease: SessionLease) => Promise<T> | T, options: SessionLockOptions = {}): Promise<T> {
    assertSafeId(sessionId, 'sessionId');
    const waitMs = Math.max(0, options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
    const ttlMs = Math.max(MIN_TTL_MS, options.ttlMs ?? DEFAULT_LOCK_TTL_MS);
    const deadline = Date.now() + waitMs;

    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    let finish!: () => void;
    const mine = new Promise<void>((resolve) => (finish = resolve));
    // The next waiter starts once both the previous turn and this one are done, even if this one gives up early.
    const queued = previous.then(() => mine);
    this.queues.set(sessionId, queued);

    let token: string | undefined;
    let renewal: NodeJS.Timeout | undefined;
    // The span covers waiting for earlier turns and taking the Redis lock (with the turn's reads when
    // `take` is given); the turn itself is not in it.
    const lockSpan = startSpan('session_lock', { attributes: { [CHATBET.SESSION_ID]: sessionId } });
    try {
      const controller = new AbortController();
      await withActiveSpan(lockSpan, async () => {
        if (!(await settlesWithin(previous, deadline - Date.now()))) throw new SessionBusyError(sessionId);
        const shared = this.sharesLocks();
        lockSpan.setAttribute(CHATBET.LOCK_SHARED, shared);
        if (!shared) return;
        const acquired = await this.acquire(sessionId, ttlMs, deadline, options.take);
        if (acquired === 'busy') throw new SessionBusyError(sessionId);
        if (acquired === 'unavailable') {
          lockSpan.setAttribute(CHATBET.LOCK_SHARED, false);
          return;
        }
        token = acquired.token;
        renewal = this.keepAlive(sessionId, token, ttlMs, controller);
      }).then(
        () => lockSpan.end(),
        (error: unknown) => {
          recordFailure(lockSpan, error);
          lockSpan.end();
          throw error;
        },
      );
      const lease: SessionLease = {
        ...(token !== undefined && { lock: { token, ttlMs } }),
        releasedByWrite: () => {
          clearInterval(renewal);
          token = undefined;
        },
      };
      return await fn(controller.signal, lease);
    } finally {
      clearInterval(renewal);
      if (token !== undefined) await this.release(sessionId, token);
      finish();
      if (this.queues.get(sessionId) === queued) this.queues.delete(sessionId);
    }
  }

  /**
   * Decision: while a configured Redis is unreachable, turns are serialised per instance only.
   * The conversation store is unusable during the outage too, so there is no shared state two
   * instances could corrupt, and refusing every turn would turn the outage into timeouts.
   */
  private sharesLocks(): boolean {
    if (!this.redis.isConfigured) return false;
    if (this.redis.isReady) {
      this.degraded = false;
      return true;
    }
    this.warnDegraded('Redis unavailable');
    return false;
  }

  private warnDegraded(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`${reason}: session turns are serialised within this instance only until it is back`);
  }

  private async acquire(sessionId: string, ttlMs: number, deadline: number, take?: SessionLockOptions['take']): Promise<{ token: string } | 'busy' | 'unavailable'> {
    const key = this.keys.lock(sessionId);
    const token = randomUUID();
    const attempt = take
      ? () => take({ token, ttlMs })
      : async () => (await this.redis.raw.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK';
    let delay = FIRST_RETRY_MS;
    for (;;) {
      try {
        if (await withTimeout(attempt(), COMMAND_TIMEOUT_MS, 'lock request timed out')) return { token };
      } catch (error) {
        // A refusal (the session is someone else's) ends the wait; an outage degrades as below.
        if (error instanceof DomainError && !(error instanceof ConversationStoreUnavailableError)) throw error;
        // Same decision as in sharesLocks(): an outage degrades to the local queue.
        this.warnDegraded(`could not take the lock of session ${sessionId} (${error instanceof Error ? error.message : String(error)})`);
        return 'unavailable';
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return 'busy';
      // Jitter keeps instances that polled together from colliding again on every retry.
      await sleep(Math.min(remaining, delay * (0.5 + Math.random())));
      delay = Math.min(MAX_RETRY_MS, delay * 2);
    }
  }

  private keepAlive(sessionId: string, token: string, ttlMs: number, controller: AbortController): NodeJS.Timeout {
    const key = this.keys.lock(sessionId);
    const timer = setInterval(() => {
      RENEW.run(this.redis.raw, [key], [token, ttlMs]).then(
        (renewed) => {
          if (renewed === 1 || controller.signal.aborted) return;
          this.logger.warn(`lock of session ${sessionId} expired while its turn was still running`);
          clearInterval(timer);
          controller.abort(new SessionBusyError(sessionId));
        },
        (error: unknown) => this.logger.debug(`could not renew the lock of session ${sessionId}: ${String(error)}`),
      );
    }, Math.max(MIN_TTL_MS / 2, Math.floor(ttlMs / 3)));
    timer.unref();
    return timer;
  }

  private async release(sessionId: string, token: string): Promise<void> {
    try {
      await withTimeout(RELEASE.run(this.redis.raw, [this.keys.lock(sessionId)], [token]), COMMAND_TIMEOUT_MS, 'lock release timed out');
    } catch (error) {
      // The lock then expires by its TTL; waiters are delayed, never let in early.
      this.logger.debug(`could not release the lock of session ${sessionId}: ${String(error)}`);
    }
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
