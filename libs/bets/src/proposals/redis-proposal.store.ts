import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '@app/redis';
import type { RedisClientType } from 'redis';
import { runRedis } from '../store/redis-command.js';
import { CONFIRMATION_TTL_MS, ProposalStore, type BetProposal } from './proposal.store.js';

/*
 * Redis layout (under REDIS_KEY_PREFIX):
 *
 *   bets:proposal:<id>          string  JSON BetProposal, expiring with the proposal (10 min)
 *   bets:proposals:<userId>     zset    open proposal ids scored by expiry (epoch ms)
 *   bets:proposal-claim:<id>    string  the Idempotency-Key that confirmed it (SET NX), 24 h
 */

@Injectable()
export class RedisProposalStore extends ProposalStore {
  private readonly logger = new Logger(RedisProposalStore.name);

  constructor(private readonly redis: RedisService) {
    super();
  }

  async save(proposal: BetProposal): Promise<void> {
    const expiresAt = Date.parse(proposal.expiresAt);
    const listKey = this.listKey(proposal.userId);
    await this.run('save', (client) =>
      client
        .multi()
        .set(this.proposalKey(proposal.id), JSON.stringify(proposal), { expiration: { type: 'PXAT', value: expiresAt } })
        .zAdd(listKey, { score: expiresAt, value: proposal.id })
        .zRemRangeByScore(listKey, '-inf', Date.now())
        .pExpireAt(listKey, expiresAt)
        .exec(),
    );
  }

  async get(proposalId: string): Promise<BetProposal | undefined> {
    const raw = await this.run('get', (client) => client.get(this.proposalKey(proposalId)));
    return raw === null ? undefined : (JSON.parse(raw) as BetProposal);
  }

  async listOpen(userId: string): Promise<BetProposal[]> {
    const ids = await this.run('list', (client) => client.zRangeByScore(this.listKey(userId), Date.now(), '+inf'));
    if (ids.length === 0) return [];
    const raws = await this.run('list', (client) => client.mGet(ids.map((id) => this.proposalKey(id))));
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as BetProposal)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async claim(proposalId: string, idempotencyKey: string): Promise<string | undefined> {
    const taken = await this.run('claim', (client) =>
      client.set(this.claimKey(proposalId), idempotencyKey, { condition: 'NX', expiration: { type: 'PX', value: CONFIRMATION_TTL_MS } }),
    );
    if (taken === 'OK') return undefined;
    // Released between the SET and the GET: nobody holds it now, so claiming again is safe.
    return (await this.claimedBy(proposalId)) ?? this.claim(proposalId, idempotencyKey);
  }

  async claimedBy(proposalId: string): Promise<string | undefined> {
    return (await this.run('claim', (client) => client.get(this.claimKey(proposalId)))) ?? undefined;
  }

  async release(proposalId: string): Promise<void> {
    await this.run('release', (client) => client.del(this.claimKey(proposalId)));
  }

  async close(proposal: BetProposal): Promise<void> {
    await this.run('close', (client) => client.zRem(this.listKey(proposal.userId), proposal.id));
  }

  private proposalKey(id: string): string {
    return this.redis.key('bets', 'proposal', id);
  }

  private listKey(userId: string): string {
    return this.redis.key('bets', 'proposals', userId);
  }

  private claimKey(id: string): string {
    return this.redis.key('bets', 'proposal-claim', id);
  }

  private run<T>(operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
    return runRedis(this.redis, this.logger, operation, command);
  }
}
