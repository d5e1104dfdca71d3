import { Injectable, Logger } from '@nestjs/common';
import { type RateLimitDecision, RateLimiterService } from '@app/rate-limit';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import { ClaimStore } from './claim.store.js';
import type { SessionState } from './session-registry.js';

export interface AdmissionRequest {
  /** The message id's claim; left out when it was already taken over (the claim of an instance that is gone). */
  idClaim: { name: string; ttlMs: number; holder: string; skip?: boolean };
  /** The claim of the message's text, against the same text sent twice at once. */
  contentClaim: { name: string; ttlMs: number };
  /** The session's turn limit. */
  rate: { key: string; limit: number; windowMs: number };
}

/** Refused outcomes withdraw the claims this step made, so the message can be sent again. */
export type AdmissionOutcome =
  | { status: 'duplicate-id' }
  | { status: 'duplicate-content' }
  | { status: 'limited'; decision: RateLimitDecision }
  | { status: 'admitted' };

const COMMAND_TIMEOUT_MS = 500;

// KEYS: message-id claim, content claim, turn counter (one hash tag: the session).
// ARGV: claim the id ('1' or ''), holder, id claim ms, content claim ms, limit, window ms.
// Returns {0} duplicate id, {1} duplicate content, {2, count} over the limit, {3, count} admitted.
const ADMIT = new RedisScript(`
if ARGV[1] == '1' and not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[3]) then return {0, 0} end
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[4]) then
  redis.call('DEL', KEYS[1])
  return {1, 0}
end
local count = redis.call('INCR', KEYS[3])
if count == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[6]) end
if count > tonumber(ARGV[5]) then
  redis.call('DEL', KEYS[1], KEYS[2])
  return {2, count}
end
return {3, count}
`);

/**
 * Whether a socket message becomes a turn: its id not seen before, its text not sent twice at once,
 * and the session under its turn limit. With Redis the three checks are one script (one round trip,
 * keys under the session's hash tag); without it, or when the script fails, they run one by one
 * through ClaimStore and RateLimiterService, which fall back to this instance's memory.
 */
@Injectable()
export class TurnAdmission {
  private readonly logger = new Logger(TurnAdmission.name);

  constructor(
    private readonly redis: RedisService,
    private readonly claims: ClaimStore,
    private readonly limiter: RateLimiterService,
  ) {}

  async admit(session: SessionState, request: AdmissionRequest): Promise<AdmissionOutcome> {
    if (this.redis.isReady) {
      try {
        return await this.admitInRedis(session, request);
      } catch (error) {
        this.logger.debug(`admission script failed, checking one by one: ${String(error)}`);
      }
    }
    return this.admitStepByStep(session, request);
  }

  private async admitInRedis(session: SessionState, { idClaim, contentClaim, rate }: AdmissionRequest): Promise<AdmissionOutcome> {
    const now = Date.now();
    const reply = await withTimeout(
      ADMIT.run(
        this.redis.raw,
        [this.claims.keyOf(session, idClaim.name), this.claims.keyOf(session, contentClaim.name), this.limiter.redisKeyOf(rate.key, rate.windowMs, now)],
        [idClaim.skip ? '' : '1', idClaim.holder, idClaim.ttlMs, contentClaim.ttlMs, rate.limit, rate.windowMs],
      ),
      COMMAND_TIMEOUT_MS,
      'admission check timed out',
    );
    const [status, count] = (reply as number[]).map(Number);
    if (status === 0) return { status: 'duplicate-id' };
    // What ClaimStore.release does besides deleting the key: forget a claim taken over here.
    if (status !== 3) session.claims.delete(idClaim.name);
    if (status === 1) return { status: 'duplicate-content' };
    const decision = this.limiter.decide(count, rate.limit, rate.windowMs, now);
    if (status === 2) return { status: 'limited', decision };
    return { status: 'admitted' };
  }

  private async admitStepByStep(session: SessionState, { idClaim, contentClaim, rate }: AdmissionRequest): Promise<AdmissionOutcome> {
    if (!idClaim.skip && !(await this.claims.claim(session, idClaim.name, idClaim.ttlMs, idClaim.holder))) return { status: 'duplicate-id' };
    if (!(await this.claims.claim(session, contentClaim.name, contentClaim.ttlMs))) {
      await this.claims.release(session, idClaim.name);
      return { status: 'duplicate-content' };
    }
    const decision = await this.limiter.consume(rate.key, rate.limit, rate.windowMs);
    if (!decision.allowed) {
      await Promise.all([this.claims.release(session, idClaim.name), this.claims.release(session, contentClaim.name)]);
      return { status: 'limited', decision };
    }
    return { status: 'admitted' };
  }
}
