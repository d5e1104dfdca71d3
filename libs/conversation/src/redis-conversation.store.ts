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
  type TurnBase,
  type TurnLock,
  type TurnWrite,
  type UnfoldedTail,
} from './conversation.store.js';
import { DEFAULT_LOCK_TTL_MS } from './session-lock.service.js';
import { DEFAULT_PREFERENCES, type ChatMessage, type TrackedContext, type UserPreferences } from './conversation.types.js';

/*
 * Redis layout (every key under the configured REDIS_KEY_PREFIX):
 *
 *   conversation:state:{<sessionId>}  string  the session as one JSON value (State below): owner,
 *                                             times, summary, context, counters, the unfolded tail
 *                                             of messages (the model's window) and bookkeeping
 *   conversation:log:{<sessionId>}    list    every retained message (JSON), oldest first, for
 *                                             history and resume; trimmed to MAX_STORED_MESSAGES once
 *                                             it is LOG_TRIM_SLACK longer
 *   conversation:lock:{<sessionId>}   string  SessionLockService's token
 *   conversation:owner:<ownerId>      zset    sessionId scored by activity (epoch ms, see below)
 *   conversation:prefs:<userId>       hash    one JSON value per UserPreferences field
 *
 * A chat turn costs Redis two round trips and, for a session opened before, seven commands:
 * openTurn sends SET NX PX (the lock), GET (the state) and HGETALL (the preferences) together;
 * closeTurn runs one script (SET XX PX GET of the new state, which checks in the same command that
 * the session still exists and nobody else wrote it meanwhile; GETDEL of the lock, put back if it
 * is someone else's; RPUSH of the exchange to the log). What changes slowly is refreshed only when
 * due, by the state's own record of when it last was:
 * - the owner's list: ZADD (and the list's PEXPIRE) once the score is `slack` old, where slack is
 *   a tenth of the session TTL, at most a minute; the list orders by the sessions' updatedAt, so a
 *   score up to `slack` behind changes no order;
 * - the log's expiry: PEXPIRE to TTL + slack once `slack` has passed since the last one, so the
 *   log always outlives the state;
 * - the preferences' expiry: with every change, and otherwise once an hour per session.
 * The state and the log share the hash tag {<sessionId>}, so the turn's script stays in one slot of
 * a Redis Cluster. Sessions of the earlier layout (conversation:session / :messages hashes and
 * lists) are not read: they expire by their TTL.
 */

const OP_TIMEOUT_MS = 2_000;
const MAX_SLACK_MS = 60_000;
const LOG_TRIM_SLACK = 50;
const PREFERENCES_REFRESH_MS = 3_600_000;
const MAX_WRITE_ATTEMPTS = 5;

/**
 * The stored value of a session: its record (less the id, which is in the key) with the store's own
 * bookkeeping. `rev` comes first in its JSON: WRITE reads it there.
 */
interface State extends Omit<SessionRecord, 'sessionId'> {
  rev: number;
  /** Retained messages after `foldedThrough`, oldest first. */
  tail: ChatMessage[];
  /** The session's score in its owner's list. */
  listedAt: number;
  /** When the log's expiry was last pushed out. */
  logTouchedAt: number;
  /** When a turn of this session last refreshed the preferences' expiry. */
  prefsTouchedAt: number;
}

/** What openTurn hands closeTurn: the state it read and the lock's lifetime. */
interface Base {
  state: State;
  lockTtlMs: number;
}

// KEYS: state, log, lock. ARGV: ttlMs ('' keeps the TTL), expected rev, new state, lock token ('' releases none), lock
// ttlMs, log ttlMs ('' leaves it), trim above, keep, n, n messages. Returns {1} written, {0} the
// session is gone (nothing written, the lock released), {2, current} someone else wrote it since
// `expected rev` (put back as it was; the lock is kept for the retry).
const WRITE = new RedisScript(`
local old
if ARGV[1] == '' then old = redis.call('SET', KEYS[1], ARGV[3], 'XX', 'KEEPTTL', 'GET')
else old = redis.call('SET', KEYS[1], ARGV[3], 'XX', 'PX', ARGV[1], 'GET') end
if old and string.match(old, '^{"rev":(%d+)') ~= ARGV[2] then
  redis.call('SET', KEYS[1], old, 'KEEPTTL')
  return {2, old}
end
if ARGV[4] ~= '' then
  local holder = redis.call('GETDEL', KEYS[3])
  if holder and holder ~= ARGV[4] then redis.call('SET', KEYS[3], holder, 'PX', ARGV[5]) end
end
if not old then return {0} end
local n = tonumber(ARGV[9])
if n > 0 then
  local length = redis.call('RPUSH', KEYS[2], unpack(ARGV, 10, 9 + n))
  if length > tonumber(ARGV[7]) then redis.call('LTRIM', KEYS[2], -tonumber(ARGV[8]), -1) end
end
if ARGV[6] ~= '' then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
return {1}
`);

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** A change to a session, applied to the state it was read from (again, if someone wrote meanwhile). */
interface Change {
  messages: readonly ChatMessage[];
  contextPatch?: ContextPatch;
  fold?: { expectedFoldedThrough: number; foldedThrough: number; summary: string };
  /** Counts as activity: updatedAt and the TTLs. */
  activity: boolean;
}

/** Conversations in Redis: shared by every instance and kept across restarts. */
@Injectable()
export class RedisConversationStore extends ConversationStore {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger(RedisConversationStore.name);
  private readonly ttlMs: number;
  /** How far the owner's list and the log's expiry may lag behind activity (see the layout above). */
  private readonly slackMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly keys: ConversationKeysService,
    @Inject(cacheConfig.KEY) config: CacheConfig,
  ) {
    super();
    this.ttlMs = config.ttlSeconds.sessions * 1000;
    this.slackMs = Math.min(MAX_SLACK_MS, Math.ceil(this.ttlMs / 10));
  }

  async createIfAbsent(record: SessionRecord): Promise<CreateResult> {
    const { state, created } = await this.create(record);
    if (!created && state.ownerId === record.ownerId) await this.touchKeys(record.sessionId, state.ownerId);
    return { record: toRecord(record.sessionId, state), created };
  }

  async find(sessionId: string): Promise<SessionRecord | undefined> {
    const state = await this.read(sessionId);
    return state && toRecord(sessionId, state);
  }

  async append(sessionId: string, messages: readonly ChatMessage[], contextPatch?: ContextPatch): Promise<SessionRecord | undefined> {
    const state = await this.read(sessionId);
    if (!state) return undefined;
    const written = await this.write(sessionId, state, { messages, ...(contextPatch && { contextPatch }), activity: true });
    return written && toRecord(sessionId, written);
  }

  async touch(record: SessionRecord): Promise<void> {
    await this.touchKeys(record.sessionId, record.ownerId);
  }

  async recentMessages(sessionId: string, limit: number): Promise<ChatMessage[]> {
    if (limit <= 0) return [];
    const items = await this.run('history', (client) => client.lRange(this.keys.log(sessionId), -limit, -1));
    return this.parseMessages(sessionId, items);
  }

  async retainedMessages(sessionId: string): Promise<ChatMessage[]> {
    const items = await this.run('history', (client) => client.lRange(this.keys.log(sessionId), -MAX_STORED_MESSAGES, -1));
    return this.parseMessages(sessionId, items);
  }

  async unfoldedTail(sessionId: string): Promise<UnfoldedTail | undefined> {
    const state = await this.read(sessionId);
    return state && tailOf(state);
  }

  async saveFold(sessionId: string, expectedFoldedThrough: number, foldedThrough: number, summary: string): Promise<boolean> {
    const state = await this.read(sessionId);
    if (!state || state.foldedThrough !== expectedFoldedThrough) return false;
    const written = await this.write(sessionId, state, { messages: [], fold: { expectedFoldedThrough, foldedThrough, summary }, activity: false });
    return written?.foldedThrough === foldedThrough && written.summary === summary;
  }

  async listByActivity(ownerId: string, limit: number): Promise<SessionRecord[]> {
    const ownerKey = this.keys.owner(ownerId);
    // A score lags its session's activity by less than slackMs: members scored before TTL + slack
    // ago have certainly expired, and a member scored up to slackMs below the limit-th score may
    // still be more recent than it. Candidates are ordered by their updatedAt.
    const top = await this.run('list', async (client) => {
      await client.zRemRangeByScore(ownerKey, '-inf', Date.now() - this.ttlMs - this.slackMs);
      return client.zRangeWithScores(ownerKey, '+inf', '-inf', { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: limit } });
    });
    if (top.length === 0) return [];
    const ids =
      top.length < limit
        ? top.map((member) => member.value)
        : await this.run('list', (client) => client.zRange(ownerKey, '+inf', `(${top[top.length - 1].score - this.slackMs}`, { BY: 'SCORE', REV: true }));
    const values = await this.run('list', (client) => Promise.all(ids.map((id) => client.get(this.keys.state(id)))));
    const records: SessionRecord[] = [];
    const gone: string[] = [];
    ids.forEach((id, index) => {
      const state = parseState(values[index]);
      if (state) records.push(toRecord(id, state));
      else gone.push(id);
    });
    if (gone.length > 0) await this.run('list', (client) => client.zRem(ownerKey, gone));
    return records.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)).slice(0, limit);
  }

  async delete(record: SessionRecord): Promise<void> {
    await this.run('delete', (client) =>
      Promise.all([client.del([this.keys.state(record.sessionId), this.keys.log(record.sessionId)]), client.zRem(this.keys.owner(record.ownerId), record.sessionId)]),
    );
  }

  async deleteOwner(ownerId: string): Promise<number> {
    const ownerKey = this.keys.owner(ownerId);
    const ids = await this.run('delete', (client) => client.zRange(ownerKey, 0, -1));
    // One DEL per session: its two keys share a slot.
    const deleted = await this.run('delete', (client) =>
      Promise.all([...ids.map((id) => client.del([this.keys.state(id), this.keys.log(id)])), client.del(ownerKey), client.del(this.keys.preferences(ownerId))]),
    );
    return ids.filter((_, index) => Number(deleted[index]) > 0).length;
  }

  async getPreferences(subject: string): Promise<UserPreferences> {
    const key = this.keys.preferences(subject);
    const [hash] = await this.run('preferences', (client) => Promise.all([client.hGetAll(key), client.pExpire(key, PREFERENCES_TTL_SECONDS * 1000)]));
    return preferencesFromHash(hash);
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
    const lockKey = this.keys.lock(sessionId);
    // Sent in the same tick: one round trip.
    const [taken, value, prefs] = await this.run('open', (client) =>
      Promise.all([
        lock ? client.set(lockKey, lock.token, { condition: 'NX', expiration: { type: 'PX', value: lock.ttlMs } }) : undefined,
        client.get(this.keys.state(sessionId)),
        client.hGetAll(this.keys.preferences(preferencesSubject)),
      ]),
    );
    if (lock && taken !== 'OK') return { status: 'busy' };
    let state = parseState(value);
    let created = false;
    // A new session (a second round trip, on its first turn only), listed under its owner at once.
    if (!state) ({ state, created } = await this.create(record));
    if (state.ownerId !== record.ownerId) {
      if (lock) await this.run('open', (client) => RELEASE.run(client, [lockKey], [lock.token]));
      return { status: 'denied' };
    }
    const base: Base = { state, lockTtlMs: lock?.ttlMs ?? 0 };
    return {
      status: 'opened',
      record: toRecord(sessionId, state),
      created,
      tail: tailOf(state),
      preferences: preferencesFromHash(prefs),
      base: base as unknown as TurnBase,
    };
  }

  async closeTurn(write: TurnWrite): Promise<boolean> {
    const { sessionId } = write;
    const base = write.base as unknown as Base | undefined;
    const state = base?.state ?? (await this.read(sessionId));
    if (!state) {
      if (write.lockToken) await this.run('close', (client) => RELEASE.run(client, [this.keys.lock(sessionId)], [write.lockToken!]));
      return false;
    }
    const prefsKey = this.keys.preferences(write.preferencesSubject);
    const preferences = Object.entries(write.preferences ?? {});
    const set = preferences.filter(([, value]) => value !== undefined).map(([field, value]) => [field, JSON.stringify(value)] as [string, string]);
    const unset = preferences.filter(([, value]) => value === undefined).map(([field]) => field);
    const now = Date.now();
    const refreshPreferences = write.preferences !== undefined && (set.length > 0 || unset.length > 0 || now - state.prefsTouchedAt >= PREFERENCES_REFRESH_MS);
    // Every command is sent in the same tick, so the client writes them together: one round trip.
    const [written] = await Promise.all([
      this.write(
        sessionId,
        state,
        { messages: write.messages, ...(write.contextPatch && { contextPatch: write.contextPatch }), ...(write.fold && { fold: write.fold }), activity: true },
        { ...(write.lockToken !== undefined && { token: write.lockToken, ttlMs: base?.lockTtlMs || DEFAULT_LOCK_TTL_MS }), refreshPreferences },
      ),
      set.length > 0 ? this.run('preferences', (client) => client.hSet(prefsKey, set)) : undefined,
      unset.length > 0 ? this.run('preferences', (client) => client.hDel(prefsKey, unset)) : undefined,
      refreshPreferences ? this.run('preferences', (client) => client.pExpire(prefsKey, PREFERENCES_TTL_SECONDS * 1000)) : undefined,
    ]);
    return written !== undefined;
  }

  /** Creates the session unless it exists (one SET NX GET), listing a new one under its owner; the state as stored. */
  private async create(record: SessionRecord): Promise<{ state: State; created: boolean }> {
    const now = Date.now();
    const fresh: State = {
      rev: 0,
      ownerId: record.ownerId,
      ...(record.userId !== undefined && { userId: record.userId }),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      ...(record.summary && { summary: record.summary }),
      context: record.context,
      messageCount: record.messageCount,
      foldedThrough: record.foldedThrough,
      tail: [],
      listedAt: now,
      logTouchedAt: 0,
      prefsTouchedAt: 0,
    };
    const { sessionId, ownerId } = record;
    const ownerKey = this.keys.owner(ownerId);
    const previous = await this.run('create', (client) =>
      client.set(this.keys.state(sessionId), serialise(fresh), { condition: 'NX', expiration: { type: 'PX', value: this.ttlMs }, GET: true }),
    );
    const existing = parseState(previous);
    if (existing) return { state: existing, created: false };
    // A log left by an expired session of the same id is not this one's.
    await this.run('create', (client) =>
      Promise.all([client.del(this.keys.log(sessionId)), client.zAdd(ownerKey, { score: now, value: sessionId }), client.pExpire(ownerKey, this.ttlMs + this.slackMs)]),
    );
    return { state: fresh, created: true };
  }

  /**
   * Applies `change` to `state` and stores it with WRITE; when someone else wrote the session since
   * `state` was read, applies it again to what they wrote. The state written, or undefined when the
   * session is gone.
   */
  private async write(
    sessionId: string,
    state: State,
    change: Change,
    options: { token?: string; ttlMs?: number; refreshPreferences?: boolean } = {},
  ): Promise<State | undefined> {
    const messages = change.messages.map((message) => JSON.stringify(message));
    let current = state;
    for (let attempt = 1; ; attempt++) {
      const now = Date.now();
      const next = applyChange(current, change, now);
      const listOwner = change.activity && now - current.listedAt >= this.slackMs;
      const touchLog = change.activity && now - current.logTouchedAt >= this.slackMs;
      if (listOwner) next.listedAt = now;
      if (touchLog) next.logTouchedAt = now;
      if (options.refreshPreferences) next.prefsTouchedAt = now;
      const ownerKey = this.keys.owner(next.ownerId);
      const [reply] = await Promise.all([
        this.run('write', (client) =>
          WRITE.run(client, [this.keys.state(sessionId), this.keys.log(sessionId), this.keys.lock(sessionId)], [
            change.activity ? this.ttlMs : '',
            current.rev,
            serialise(next),
            options.token ?? '',
            options.ttlMs ?? 0,
            touchLog ? this.ttlMs + this.slackMs : '',
            MAX_STORED_MESSAGES + LOG_TRIM_SLACK,
            MAX_STORED_MESSAGES,
            messages.length,
            ...messages,
          ]),
        ),
        listOwner ? this.run('owner', (client) => client.zAdd(ownerKey, { score: now, value: sessionId })) : undefined,
        listOwner ? this.run('owner', (client) => client.pExpire(ownerKey, this.ttlMs + this.slackMs)) : undefined,
      ]);
      const [status, value] = reply as [number, string?];
      if (status === 1) return next;
      if (status === 0) return undefined;
      const latest = parseState(value ?? null);
      if (!latest || attempt >= MAX_WRITE_ATTEMPTS) throw new ConversationStoreUnavailableError(`session ${sessionId} kept changing while it was written`);
      current = latest;
    }
  }

  private async read(sessionId: string): Promise<State | undefined> {
    return parseState(await this.run('read', (client) => client.get(this.keys.state(sessionId))));
  }

  /** Activity without a write: the TTLs of the session's keys and its place in the owner's list. */
  private async touchKeys(sessionId: string, ownerId: string): Promise<void> {
    const ownerKey = this.keys.owner(ownerId);
    await this.run('touch', (client) =>
      Promise.all([
        client.pExpire(this.keys.state(sessionId), this.ttlMs),
        client.pExpire(this.keys.log(sessionId), this.ttlMs + this.slackMs),
        client.zAdd(ownerKey, { score: Date.now(), value: sessionId }),
        client.pExpire(ownerKey, this.ttlMs + this.slackMs),
      ]),
    );
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

/** `state` with `change` applied (a new object; `state` is left as it was). */
function applyChange(state: State, change: Change, now: number): State {
  const next: State = { ...state, rev: state.rev + 1, context: { ...state.context }, tail: [...state.tail, ...change.messages] };
  next.messageCount += change.messages.length;
  for (const [field, value] of Object.entries(change.contextPatch ?? {})) {
    if (value === undefined) delete (next.context as unknown as Record<string, unknown>)[field];
    else (next.context as unknown as Record<string, unknown>)[field] = value;
  }
  if (!next.context.lastTeams) next.context.lastTeams = [];
  // Saved only if nobody folded since it was computed.
  if (change.fold && state.foldedThrough === change.fold.expectedFoldedThrough) {
    next.foldedThrough = change.fold.foldedThrough;
    if (change.fold.summary) next.summary = change.fold.summary;
    else delete next.summary;
  }
  // The tail holds what is retained after foldedThrough.
  const unfolded = Math.max(0, Math.min(next.messageCount - next.foldedThrough, MAX_STORED_MESSAGES));
  next.tail = unfolded === 0 ? [] : next.tail.slice(-unfolded);
  if (change.activity) next.updatedAt = new Date(now).toISOString();
  return next;
}

function serialise(state: State): string {
  // `rev` first, where WRITE looks for it.
  const { rev, ...rest } = state;
  return JSON.stringify({ rev, ...rest });
}

function parseState(value: string | null | undefined): State | undefined {
  if (!value) return undefined;
  const state = parseJson(value) as State | undefined;
  return state && typeof state.ownerId === 'string' && Array.isArray(state.tail) ? state : undefined;
}

function toRecord(sessionId: string, state: State): SessionRecord {
  return {
    sessionId,
    ownerId: state.ownerId,
    ...(state.userId !== undefined && { userId: state.userId }),
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    ...(state.summary && { summary: state.summary }),
    context: structuredClone(state.context),
    messageCount: state.messageCount,
    foldedThrough: state.foldedThrough,
  };
}

function tailOf(state: State): UnfoldedTail {
  return {
    ...(state.summary && { summary: state.summary }),
    messageCount: state.messageCount,
    foldedThrough: state.foldedThrough,
    messages: structuredClone(state.tail),
  };
}

function preferencesFromHash(hash: Record<string, string>): UserPreferences {
  const stored: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(hash)) stored[field] = parseJson(value);
  return structuredClone({ ...DEFAULT_PREFERENCES, ...(stored as Partial<UserPreferences>) });
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
