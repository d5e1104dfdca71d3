import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '@app/redis';
import type { RedisClientType } from 'redis';
import type { BetRecord } from '../bet.types.js';
import { runRedis } from './redis-command.js';
import { BetStore, PENDING_KEY_TTL_MS, SETTLED_KEY_TTL_MS, type BetPage, type IdempotencySlot } from './bet.store.js';

/*
 * Redis layout (under REDIS_KEY_PREFIX):
 *
 *   bets:bet:<betId>              string  JSON BetRecord, kept
 *   bets:user:<userId>            zset    betId scored by placement time (epoch ms)
 *   bets:key:<userId>:<key>       string  JSON IdempotencySlot; 60 s while pending, 24 h once settled
 *
 * A key is taken with SET NX, so of many requests carrying one key exactly one places the bet; the
 * bet, its index entry and the key's `done` state are written in one MULTI.
 */

@Injectable()
export class RedisBetStore extends BetStore {
  readonly kind = 'redis';
  private readonly logger = new Logger(RedisBetStore.name);

  constructor(private readonly redis: RedisService) {
    super();
  }

  async claimKey(userId: string, key: string, slot: IdempotencySlot): Promise<IdempotencySlot | undefined> {
    const redisKey = this.slotKey(userId, key);
    const taken = await this.run('claim', (client) =>
      client.set(redisKey, JSON.stringify(slot), { condition: 'NX', expiration: { type: 'PX', value: PENDING_KEY_TTL_MS } }),
    );
    if (taken === 'OK') return undefined;
    // Released between the SET and this GET: report it as pending so the caller simply tries again.
    return (await this.readKey(userId, key)) ?? { ...slot, state: 'pending' };
  }

  async readKey(userId: string, key: string): Promise<IdempotencySlot | undefined> {
    const raw = await this.run('read key', (client) => client.get(this.slotKey(userId, key)));
    return raw === null ? undefined : (JSON.parse(raw) as IdempotencySlot);
  }

  async settleKey(userId: string, key: string, slot: IdempotencySlot): Promise<void> {
    await this.run('settle key', (client) =>
      client.set(this.slotKey(userId, key), JSON.stringify(slot), { expiration: { type: 'PX', value: SETTLED_KEY_TTL_MS } }),
    );
  }

  async releaseKey(userId: string, key: string): Promise<void> {
    await this.run('release key', (client) => client.del(this.slotKey(userId, key)));
  }

  async saveBet(bet: BetRecord, key: string, fingerprint: string): Promise<void> {
    const slot: IdempotencySlot = { state: 'done', fingerprint, betId: bet.id };
    await this.run('save', (client) =>
      client
        .multi()
        .set(this.betKey(bet.id), JSON.stringify(bet))
        .zAdd(this.userKey(bet.userId), { score: Date.parse(bet.placedAt), value: bet.id })
        .set(this.slotKey(bet.userId, key), JSON.stringify(slot), { expiration: { type: 'PX', value: SETTLED_KEY_TTL_MS } })
        .exec(),
    );
  }

  async getBet(betId: string): Promise<BetRecord | undefined> {
    const raw = await this.run('get', (client) => client.get(this.betKey(betId)));
    return raw === null ? undefined : (JSON.parse(raw) as BetRecord);
  }

  async listBets(userId: string, offset: number, limit: number): Promise<BetPage> {
    const userKey = this.userKey(userId);
    const [ids, total] = await this.run('list', (client) =>
      Promise.all([client.zRange(userKey, offset, offset + limit - 1, { REV: true }), client.zCard(userKey)]),
    );
    if (ids.length === 0) return { bets: [], total };
    const raws = await this.run('list', (client) => client.mGet(ids.map((id) => this.betKey(id))));
    const bets = raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as BetRecord);
    return { bets, total };
  }

  private betKey(betId: string): string {
    return this.redis.key('bets', 'bet', betId);
  }

  private userKey(userId: string): string {
    return this.redis.key('bets', 'user', userId);
  }

  private slotKey(userId: string, key: string): string {
    return this.redis.key('bets', 'key', userId, key);
  }

  private run<T>(operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
    return runRedis(this.redis, this.logger, operation, command);
  }
}
