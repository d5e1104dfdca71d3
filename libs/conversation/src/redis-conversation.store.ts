import { Inject, Injectable, Logger } from '@nestjs/common';
import { cacheConfig, type CacheConfig } from '@app/config';
import { DomainError } from '@app/common';
import { RedisScript, RedisService, withTimeout } from '@app/redis';
import type { RedisClientType } from 'redis';
import { ConversationKeysService } from './conversation-keys.service.js';
import { ConversationStoreUnavailableError } from './conversation.errors.js';
import {
  ConversationStore,
  MAX_STORED_MESSAGES,
  PREFERENCES_TTL_SECONDS,
  type ContextPatch,
  type CreateResult,
  type OpenTurnResult,
  type PreferencesPatch,
  type SessionRecord,
  type TurnLock,
  type TurnWrite,
  type UnfoldedTail,
} from './conversation.store.js';
import { DEFAULT_PREFERENCES, type ChatMessage, type TrackedContext, type UserPreferences } from './conversation.types.js';

/*
 * Redis layout (every key under the configured REDIS_KEY_PREFIX):
 *
 *   conversation:session:{<sessionId>} hash    ownerId, userId?, createdAt, updatedAt, summary?,
 *                                              messageCount, foldedThrough, and one `ctx:<field>`
 *                                              per TrackedContext field (JSON value)
 *   conversation:messages:{<sessionId>} list   one JSON ChatMessage per item, oldest first,
 *                                              trimmed to the last MAX_STORED_MESSAGES
 *   conversation:owner:<ownerId>       zset    sessionId scored by last activity (epoch ms)
 *   conversation:prefs:<userId>        hash    one JSON value per UserPreferences field
 *   conversation:lock:{<sessionId>}   string  SessionLockService's token
 *
 * Session, messages and owner keys expire CACHE_TTL_USER_SESSIONS after the last activity; the
 * owner set is refreshed with every session of that owner, so it always outlives its members.
 * Preferences expire PREFERENCES_TTL_SECONDS after the user was last seen.
 * Writes that must not be seen half done (a turn, a context patch, creation) run as Lua scripts,
 * which Redis executes atomically and which can also check the session still exists.
 * A chat turn costs two round trips: openTurn (lock, session, tail; preferences alongside) and
 * closeTurn (messages, context, summary, TTLs, lock release; owner list and preferences alongside).
 * The session's own keys share the hash tag {<sessionId>}, so OPEN_TURN and CLOSE_TURN stay in one
 * slot of a Redis Cluster; the older scripts (CREATE, APPEND) still touch the owner's list as well
 * and assume a single-node (or replicated) Redis.
 */

const CONTEXT_FIELD = 'ctx:';
const OP_TIMEOUT_MS = 2_000;

const CREATE = new RedisScript(`
local ttl = tonumber(ARGV[1])
local function refresh()
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
  redis.call('PEXPIRE', KEYS[3], ttl)
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HGET', KEYS[1], 'ownerId') == ARGV[4] then refresh() end
  return {0, redis.call('HGETALL', KEYS[1])}
end
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
refresh()
return {1, redis.call('HGETALL', KEYS[1])}
`);

// ARGV: ttlMs, nowMs, nowIso, cap, sessionId, n, n messages, then field/value pairs ('' deletes).
const APPEND = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local ttl = tonumber(ARGV[1])
local n = tonumber(ARGV[6])
if n > 0 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7, 6 + n))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
  redis.call('HINCRBY', KEYS[1], 'messageCount', n)
end
for i = 7 + n, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i])
  else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ttl)
return redis.call('HGETALL', KEYS[1])
`);

// Reads counters and the list in one step, so a concurrent append cannot shift the range.
const TAIL = new RedisScript(`
local count = redis.call('HGET', KEYS[1], 'messageCount')
if not count then return false end
local folded = redis.call('HGET', KEYS[1], 'foldedThrough') or '0'
local summary = redis.call('HGET', KEYS[1], 'summary') or ''
local n = tonumber(count) - tonumber(folded)
local messages = {}
if n > 0 then messages = redis.call('LRANGE', KEYS[2], -n, -1) end
return {count, folded, summary, messages}
`);

// KEYS: session, messages, lock. ARGV: ownerId, sessionTtlMs, lock token ('' takes none), lockTtlMs,
// then the field/value pairs of a new session. Returns {'denied'}, {'busy'}, {'created', pairs} or
// {'opened', pairs, unfolded messages}.
const OPEN_TURN = new RedisScript(`
local flat = redis.call('HGETALL', KEYS[1])
local fields = {}
for i = 1, #flat, 2 do fields[flat[i]] = flat[i + 1] end
if #flat > 0 and fields['ownerId'] ~= ARGV[1] then return {'denied'} end
if ARGV[3] ~= '' and not redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[4]) then return {'busy'} end
if #flat == 0 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 5))
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'created', {unpack(ARGV, 5)}}
end
local unfolded = tonumber(fields['messageCount'] or '0') - tonumber(fields['foldedThrough'] or '0')
local messages = {}
if unfolded > 0 then messages = redis.call('LRANGE', KEYS[2], -unfolded, -1) end
return {'opened', flat, messages}
`);

// KEYS: session, messages, lock. ARGV: sessionTtlMs, nowIso, cap, lock token ('' releases none),
// expected foldedThrough, new foldedThrough ('' saves no fold), summary, n, n messages, then
// field/value pairs ('' deletes). Returns 0 when the session is gone (the lock is released anyway).
const CLOSE_TURN = new RedisScript(`
if ARGV[4] ~= '' and redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local n = tonumber(ARGV[8])
if n > 0 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 9, 8 + n))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'messageCount', n)
end
local set = {'updatedAt', ARGV[2]}
local unset = {}
for i = 9 + n, #ARGV, 2 do
  if ARGV[i + 1] == '' then unset[#unset + 1] = ARGV[i]
  else set[#set + 1] = ARGV[i]; set[#set + 1] = ARGV[i + 1] end
end
if ARGV[6] ~= '' and redis.call('HGET', KEYS[1], 'foldedThrough') == ARGV[5] then
  set[#set + 1] = 'foldedThrough'; set[#set + 1] = ARGV[6]
  set[#set + 1] = 'summary'; set[#set + 1] = ARGV[7]
end
if #unset > 0 then redis.call('HDEL', KEYS[1], unpack(unset)) end
redis.call('HSET', KEYS[1], unpack(set))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`);

const SAVE_FOLD = new RedisScript(`
if redis.call('HGET', KEYS[1], 'foldedThrough') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'foldedThrough', ARGV[2], 'summary', ARGV[3])
return 1
`);

/** Conversations in Redis: shared by every instance and kept across restarts. */
@Injectable()
export class RedisConversationStore extends ConversationStore {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger(RedisConversationStore.name);
  private readonly ttlMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly keys: ConversationKeysService,
    @Inject(cacheConfig.KEY) config: CacheConfig,
  ) {
    super();
    this.ttlMs = config.ttlSeconds.sessions * 1000;
  }

  async createIfAbsent(record: SessionRecord): Promise<CreateResult> {
    const reply = await this.run('create', (client) =>
      CREATE.run(client, [this.keys.session(record.sessionId), this.keys.messages(record.sessionId), this.keys.owner(record.ownerId)], [
        this.ttlMs,
        Date.now(),
        record.sessionId,
        record.ownerId,
        ...toHashPairs(record),
      ]),
    );
    const [created, flat] = reply as [number, string[]];
    const stored = fromHash(record.sessionId, pairsToObject(flat));
    if (!stored) throw new Error(`session ${record.sessionId} was stored without an owner`);
    return { record: stored, created: created === 1 };
  }

  async find(sessionId: string): Promise<SessionRecord | undefined> {
    const hash = await this.run('find', (client) => client.hGetAll(this.keys.session(sessionId)));
    return fromHash(sessionId, hash);
  }

  async append(sessionId: string, messages: readonly ChatMessage[], contextPatch?: ContextPatch): Promise<SessionRecord | undefined> {
    const ownerId = await this.run('append', (client) => client.hGet(this.keys.session(sessionId), 'ownerId'));
    if (!ownerId) return undefined;
    const patch = Object.entries(contextPatch ?? {}).flatMap(([field, value]) => [CONTEXT_FIELD + field, value === undefined ? '' : JSON.stringify(value)]);
    const now = new Date();
    const reply = await this.run('append', (client) =>
      APPEND.run(client, [this.keys.session(sessionId), this.keys.messages(sessionId), this.keys.owner(ownerId)], [
        this.ttlMs,
        now.getTime(),
        now.toISOString(),
        MAX_STORED_MESSAGES,
        sessionId,
        messages.length,
        ...messages.map((message) => JSON.stringify(message)),
        ...patch,
      ]),
    );
    return reply ? fromHash(sessionId, pairsToObject(reply as string[])) : undefined;
  }

  async touch(record: SessionRecord): Promise<void> {
    const ownerKey = this.keys.owner(record.ownerId);
    await this.run('touch', (client) =>
      client
        .multi()
        .pExpire(this.keys.session(record.sessionId), this.ttlMs)
        .pExpire(this.keys.messages(record.sessionId), this.ttlMs)
        .zAdd(ownerKey, { score: Date.now(), value: record.sessionId })
        .pExpire(ownerKey, this.ttlMs)
        .exec(),
    );
  }

  async recentMessages(sessionId: string, limit: number): Promise<ChatMessage[]> {
    if (limit <= 0) return [];
    const items = await this.run('history', (client) => client.lRange(this.keys.messages(sessionId), -limit, -1));
    return this.parseMessages(sessionId, items);
  }

  async retainedMessages(sessionId: string): Promise<ChatMessage[]> {
    const items = await this.run('history', (client) => client.lRange(this.keys.messages(sessionId), 0, -1));
    return this.parseMessages(sessionId, items);
  }

  async unfoldedTail(sessionId: string): Promise<UnfoldedTail | undefined> {
    const reply = await this.run('window', (client) => TAIL.run(client, [this.keys.session(sessionId), this.keys.messages(sessionId)], []));
    if (!reply) return undefined;
    const [count, folded, summary, items] = reply as [string, string, string, string[]];
    return {
      summary: summary || undefined,
      messageCount: Number(count),
      foldedThrough: Number(folded),
      messages: this.parseMessages(sessionId, items),
    };
  }

  async saveFold(sessionId: string, expectedFoldedThrough: number, foldedThrough: number, summary: string): Promise<boolean> {
    const reply = await this.run('fold', (client) => SAVE_FOLD.run(client, [this.keys.session(sessionId)], [expectedFoldedThrough, foldedThrough, summary]));
    return reply === 1;
  }

  async listByActivity(ownerId: string, limit: number): Promise<SessionRecord[]> {
    const ownerKey = this.keys.owner(ownerId);
    // Members idle for longer than the TTL have certainly expired.
    const ids = await this.run('list', async (client) => {
      await client.zRemRangeByScore(ownerKey, '-inf', Date.now() - this.ttlMs);
      return client.zRange(ownerKey, '+inf', '-inf', { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: limit } });
    });
    if (ids.length === 0) return [];
    const hashes = await this.run('list', (client) => Promise.all(ids.map((id) => client.hGetAll(this.keys.session(id)))));
    const records: SessionRecord[] = [];
    const gone: string[] = [];
    ids.forEach((id, index) => {
      const record = fromHash(id, hashes[index]);
      if (record) records.push(record);
      else gone.push(id);
    });
    if (gone.length > 0) await this.run('list', (client) => client.zRem(ownerKey, gone));
    return records;
  }

  async delete(record: SessionRecord): Promise<void> {
    await this.run('delete', (client) =>
      client
        .multi()
        .del([this.keys.session(record.sessionId), this.keys.messages(record.sessionId)])
        .zRem(this.keys.owner(record.ownerId), record.sessionId)
        .exec(),
    );
  }

  async deleteOwner(ownerId: string): Promise<number> {
    const ownerKey = this.keys.owner(ownerId);
    const ids = await this.run('delete', (client) => client.zRange(ownerKey, 0, -1));
    const replies = await this.run('delete', (client) => {
      const multi = client.multi();
      if (ids.length > 0) multi.del(ids.map((id) => this.keys.session(id)));
      if (ids.length > 0) multi.del(ids.map((id) => this.keys.messages(id)));
      return multi.del([ownerKey, this.keys.preferences(ownerId)]).exec();
    });
    return ids.length > 0 ? Number(replies[0]) : 0;
  }

  async getPreferences(subject: string): Promise<UserPreferences> {
    const key = this.keys.preferences(subject);
    const [hash] = await this.run('preferences', (client) => client.multi().hGetAll(key).pExpire(key, PREFERENCES_TTL_SECONDS * 1000).exec());
    return preferencesFromHash(hash as unknown as Record<string, string>);
  }

  async patchPreferences(subject: string, patch: PreferencesPatch): Promise<UserPreferences> {
    const key = this.keys.preferences(subject);
    const entries = Object.entries(patch);
    const set = entries.filter(([, value]) => value !== undefined).map(([field, value]) => [field, JSON.stringify(value)] as [string, string]);
    const unset = entries.filter(([, value]) => value === undefined).map(([field]) => field);
    const replies = await this.run('preferences', (client) => {
      const multi = client.multi();
      if (set.length > 0) multi.hSet(key, set);
      if (unset.length > 0) multi.hDel(key, unset);
      return multi.pExpire(key, PREFERENCES_TTL_SECONDS * 1000).hGetAll(key).exec();
    });
    return preferencesFromHash(replies.at(-1) as unknown as Record<string, string>);
  }

  async openTurn(record: SessionRecord, preferencesSubject: string, lock?: TurnLock): Promise<OpenTurnResult> {
    const { sessionId } = record;
    const prefsKey = this.keys.preferences(preferencesSubject);
    // Sent together: one round trip. The preferences are refreshed by closeTurn.
    const [reply, prefs] = await Promise.all([
      this.run('open', (client) =>
        OPEN_TURN.run(client, [this.keys.session(sessionId), this.keys.messages(sessionId), this.keys.lock(sessionId)], [
          record.ownerId,
          this.ttlMs,
          lock?.token ?? '',
          lock?.ttlMs ?? 0,
          ...toHashPairs(record),
        ]),
      ),
      this.run('preferences', (client) => client.hGetAll(prefsKey)),
    ]);
    const [status, flat, items] = reply as [string, string[]?, string[]?];
    if (status === 'busy' || status === 'denied') return { status };
    // A new session is listed under its owner at once, as createIfAbsent does, even if its turn fails;
    // not awaited (closeTurn refreshes the same entry), and a failure is logged by run().
    if (status === 'created') void this.addToOwner(record.ownerId, sessionId, Date.now()).catch(() => undefined);
    const stored = fromHash(sessionId, pairsToObject(flat ?? []));
    if (!stored) throw new Error(`session ${sessionId} was stored without an owner`);
    const tail: UnfoldedTail = {
      ...(stored.summary && { summary: stored.summary }),
      messageCount: stored.messageCount,
      foldedThrough: stored.foldedThrough,
      messages: this.parseMessages(sessionId, items ?? []),
    };
    return { status: 'opened', record: stored, created: status === 'created', tail, preferences: preferencesFromHash(prefs) };
  }

  async closeTurn(write: TurnWrite): Promise<boolean> {
    const { sessionId } = write;
    const prefsKey = this.keys.preferences(write.preferencesSubject);
    const patch = Object.entries(write.contextPatch ?? {}).flatMap(([field, value]) => [CONTEXT_FIELD + field, value === undefined ? '' : JSON.stringify(value)]);
    const now = new Date();
    const preferences = Object.entries(write.preferences ?? {});
    const set = preferences.filter(([, value]) => value !== undefined).map(([field, value]) => [field, JSON.stringify(value)] as [string, string]);
    const unset = preferences.filter(([, value]) => value === undefined).map(([field]) => field);
    // Every command is sent in the same tick, so the client writes them together: one round trip.
    const [written] = await Promise.all([
      this.run('close', (client) =>
        CLOSE_TURN.run(client, [this.keys.session(sessionId), this.keys.messages(sessionId), this.keys.lock(sessionId)], [
          this.ttlMs,
          now.toISOString(),
          MAX_STORED_MESSAGES,
          write.lockToken ?? '',
          write.fold?.expectedFoldedThrough ?? 0,
          write.fold?.foldedThrough ?? '',
          write.fold?.summary ?? '',
          write.messages.length,
          ...write.messages.map((message) => JSON.stringify(message)),
          ...patch,
        ]),
      ),
      this.addToOwner(write.ownerId, sessionId, now.getTime()),
      set.length > 0 ? this.run('preferences', (client) => client.hSet(prefsKey, set)) : undefined,
      unset.length > 0 ? this.run('preferences', (client) => client.hDel(prefsKey, unset)) : undefined,
      write.preferences ? this.run('preferences', (client) => client.pExpire(prefsKey, PREFERENCES_TTL_SECONDS * 1000)) : undefined,
    ]);
    return written === 1;
  }

  /** The session's place in its owner's list (by activity), and the list's TTL: two commands sent together. */
  private async addToOwner(ownerId: string, sessionId: string, at: number): Promise<void> {
    const ownerKey = this.keys.owner(ownerId);
    await Promise.all([
      this.run('owner', (client) => client.zAdd(ownerKey, { score: at, value: sessionId })),
      this.run('owner', (client) => client.pExpire(ownerKey, this.ttlMs)),
    ]);
  }

  /**
   * Runs one Redis operation, failing fast with a 503-style error while Redis is away instead of
   * letting a turn hang on a dead connection.
   */
  private async run<T>(operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
    if (!this.redis.isReady) throw new ConversationStoreUnavailableError('Redis is not connected');
    try {
      return await withTimeout(command(this.redis.raw), OP_TIMEOUT_MS, `Redis ${operation} timed out`);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`conversation ${operation} failed: ${message}`);
      throw new ConversationStoreUnavailableError(message);
    }
  }

  private parseMessages(sessionId: string, items: readonly string[]): ChatMessage[] {
    const messages: ChatMessage[] = [];
    for (const item of items) {
      try {
        messages.push(JSON.parse(item) as ChatMessage);
      } catch {
        this.logger.warn(`skipping an unreadable stored message of session ${sessionId}`);
      }
    }
    return messages;
  }
}

function toHashPairs(record: SessionRecord): string[] {
  const pairs = [
    'ownerId',
    record.ownerId,
    'createdAt',
    record.createdAt,
    'updatedAt',
    record.updatedAt,
    'messageCount',
    String(record.messageCount),
    'foldedThrough',
    String(record.foldedThrough),
  ];
  if (record.userId !== undefined) pairs.push('userId', record.userId);
  if (record.summary) pairs.push('summary', record.summary);
  for (const [field, value] of Object.entries(record.context)) {
    if (value !== undefined) pairs.push(CONTEXT_FIELD + field, JSON.stringify(value));
  }
  return pairs;
}

function fromHash(sessionId: string, hash: Record<string, string>): SessionRecord | undefined {
  if (!hash.ownerId) return undefined;
  const context: Record<string, unknown> = { lastTeams: [] };
  for (const [field, value] of Object.entries(hash)) {
    if (field.startsWith(CONTEXT_FIELD)) context[field.slice(CONTEXT_FIELD.length)] = parseJson(value);
  }
  return {
    sessionId,
    ownerId: hash.ownerId,
    ...(hash.userId !== undefined && { userId: hash.userId }),
    createdAt: hash.createdAt,
    updatedAt: hash.updatedAt,
    ...(hash.summary && { summary: hash.summary }),
    context: context as unknown as TrackedContext,
    messageCount: Number(hash.messageCount ?? 0),
    foldedThrough: Number(hash.foldedThrough ?? 0),
  };
}

function preferencesFromHash(hash: Record<string, string>): UserPreferences {
  const stored: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(hash)) stored[field] = parseJson(value);
  return structuredClone({ ...DEFAULT_PREFERENCES, ...(stored as Partial<UserPreferences>) });
}

function pairsToObject(flat: readonly string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) object[flat[i]] = flat[i + 1];
  return object;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
