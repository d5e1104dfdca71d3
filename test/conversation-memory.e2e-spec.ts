import { ConsoleLogger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  ConversationModule,
  ConversationService,
  ConversationStore,
  ConversationStoreUnavailableError,
  InvalidIdError,
  MAX_STORED_MESSAGES,
  PREFERENCES_TTL_SECONDS,
  SessionAccessDeniedError,
  SessionBusyError,
  SessionLockService,
  SessionNotFoundError,
  type ChatMessage,
  type NewChatMessage,
} from '@app/conversation';
import { ALL_CONFIGS } from '@app/config';
import { RedisModule, RedisService } from '@app/redis';
import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { TEST_REDIS_URL, patchEnv, uniquePrefix } from './support/env.js';
import { DisposableRedis, waitFor } from './support/redis-server.js';

type StoreMode = 'redis' | 'memory';

interface Instance {
  conversations: ConversationService;
  locks: SessionLockService;
  store: ConversationStore;
  redis: RedisService;
  close(): Promise<void>;
}

const WINDOW_EXCHANGES = 3;

/** Builds ConversationModule the way the app does, on Redis or (REDIS_URL unset) in memory. */
async function startInstance(mode: StoreMode, prefix: string, env: Record<string, string | undefined> = {}): Promise<Instance> {
  const restore = patchEnv({
    REDIS_URL: mode === 'redis' ? TEST_REDIS_URL : undefined,
    REDIS_HOST: undefined,
    REDIS_KEY_PREFIX: prefix,
    MAX_CONVERSATION_HISTORY: String(WINDOW_EXCHANGES),
    CACHE_TTL_USER_SESSIONS: undefined,
    ...env,
  });
  try {
    const moduleRef: TestingModule = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, ConversationModule],
    })
      .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
      .compile();
    await moduleRef.init();
    return {
      conversations: moduleRef.get(ConversationService),
      locks: moduleRef.get(SessionLockService),
      store: moduleRef.get(ConversationStore),
      redis: moduleRef.get(RedisService),
      close: () => moduleRef.close(),
    };
  } finally {
    restore();
  }
}

let counter = 0;
/** A fresh SAFE_ID, unique across runs sharing one Redis. */
function id(label: string): string {
  return `${label}-${randomBytes(3).toString('hex')}-${++counter}`;
}

function userMessage(content: string, extra: Partial<NewChatMessage> = {}): NewChatMessage {
  return { role: 'user', content, language: 'en', ...extra };
}

function assistantMessage(content: string, extra: Partial<NewChatMessage> = {}): NewChatMessage {
  return { role: 'assistant', content, language: 'en', ...extra };
}

async function exchange(conversations: ConversationService, sessionId: string, n: number): Promise<ChatMessage[]> {
  const result = await conversations.appendExchange(
    sessionId,
    userMessage(`question ${n}`, { intent: 'ODDS_INFORMATION_QUERY', entities: { teams: [`Team${n}`, `Rival${n}`], markets: ['1x2'] } }),
    assistantMessage(`answer ${n}`),
  );
  return result.messages;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `turns` lock-holding turns at once and records when each started and ended. */
async function concurrentTurns(
  turns: Array<{ locks: SessionLockService; sessionId: string; label: string; work?: () => Promise<unknown> }>,
  holdMs: number,
): Promise<string[]> {
  const events: string[] = [];
  await Promise.all(
    turns.map(({ locks, sessionId, label, work }) =>
      locks.withSessionLock(
        sessionId,
        async () => {
          events.push(`start ${label}`);
          await sleep(holdMs);
          await work?.();
          events.push(`end ${label}`);
        },
        { waitMs: 20_000, ttlMs: 2_000 },
      ),
    ),
  );
  return events;
}

/** True when every start is immediately followed by the end of the same turn. */
function expectNoOverlap(events: string[]): void {
  expect(events.length % 2).toBe(0);
  for (let i = 0; i < events.length; i += 2) {
    expect(events[i].replace('start', 'end')).toBe(events[i + 1]);
  }
}

describe.each<StoreMode>(['redis', 'memory'])('Conversation memory (%s store)', (mode) => {
  const prefix = uniquePrefix(`conversation-${mode}`);
  let instance: Instance;
  let conversations: ConversationService;
  let redis: RedisClientType;

  beforeAll(async () => {
    instance = await startInstance(mode, prefix);
    conversations = instance.conversations;
    redis = createClient({ url: TEST_REDIS_URL }) as RedisClientType;
    await redis.connect();
  });
  afterAll(async () => {
    await instance.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  it(`uses the ${mode} store`, () => {
    expect(instance.store.kind).toBe(mode);
  });

  it('creates a session on first use and reopens the same one for its owner', async () => {
    const sessionId = id('s');
    const created = await conversations.getOrCreate(sessionId, 'owner-a');
    expect(created).toMatchObject({
      sessionId,
      ownerId: 'owner-a',
      messageCount: 0,
      context: { lastTeams: [] },
      preferences: { favouriteTeams: [], oddsFormat: 'decimal' },
    });
    expect(created.summary).toBeUndefined();
    const reopened = await conversations.getOrCreate(sessionId, 'owner-a');
    expect(reopened.createdAt).toBe(created.createdAt);
    expect(await conversations.get(sessionId, 'owner-a')).toEqual(reopened);
  });

  it('stores a turn as a user message and its answer, in order, with ids, timestamps and replyTo', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    const result = await conversations.appendExchange(sessionId, userMessage('When does Barcelona play?'), assistantMessage('Saturday 21:00'), {
      lastTeams: ['Barcelona'],
      lastIntent: 'MATCH_SCHEDULE_QUERY',
    });
    const [question, answer] = result.messages;
    expect(answer.replyTo).toBe(question.id);
    expect(question.id).not.toBe(answer.id);
    expect(Date.parse(question.timestamp)).not.toBeNaN();
    expect(result).toMatchObject({ messageCount: 2, context: { lastTeams: ['Barcelona'], lastIntent: 'MATCH_SCHEDULE_QUERY' } });

    await conversations.appendExchange(sessionId, userMessage('And Real Madrid?'), assistantMessage('Sunday 18:30'), { lastTeams: ['Real Madrid'] });
    const history = await conversations.history(sessionId, 'owner-a');
    expect(history.map((m) => [m.role, m.content])).toEqual([
      ['user', 'When does Barcelona play?'],
      ['assistant', 'Saturday 21:00'],
      ['user', 'And Real Madrid?'],
      ['assistant', 'Sunday 18:30'],
    ]);
    expect(history[0]).toEqual(question);
    const session = await conversations.get(sessionId, 'owner-a');
    expect(session.messageCount).toBe(4);
    expect(session.context).toEqual({ lastTeams: ['Real Madrid'], lastIntent: 'MATCH_SCHEDULE_QUERY' });
  });

  it('patches the tracked context, clearing keys set to undefined', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    await conversations.updateContext(sessionId, { lastTeams: ['Chelsea'], lastPick: 'Chelsea', lastAmount: { value: 20, currency: 'EUR' } });
    const context = await conversations.updateContext(sessionId, { lastPick: undefined, lastMarket: '1x2' });
    expect(context).toEqual({ lastTeams: ['Chelsea'], lastAmount: { value: 20, currency: 'EUR' }, lastMarket: '1x2' });
    expect((await conversations.get(sessionId, 'owner-a')).context).toEqual(context);
  });

  it('answers 403 to another owner and 404 for an unknown session', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    await exchange(conversations, sessionId, 1);
    await expect(conversations.getOrCreate(sessionId, 'owner-b')).rejects.toBeInstanceOf(SessionAccessDeniedError);
    await expect(conversations.get(sessionId, 'owner-b')).rejects.toMatchObject({ httpStatus: 403, code: 'SESSION_ACCESS_DENIED' });
    await expect(conversations.history(sessionId, 'owner-b')).rejects.toBeInstanceOf(SessionAccessDeniedError);
    await expect(conversations.delete(sessionId, 'owner-b')).rejects.toBeInstanceOf(SessionAccessDeniedError);
    expect(await conversations.history(sessionId, 'owner-a')).toHaveLength(2);

    const unknown = id('nobody');
    await expect(conversations.get(unknown, 'owner-a')).rejects.toMatchObject({ httpStatus: 404, code: 'SESSION_NOT_FOUND' });
    await expect(conversations.history(unknown, 'owner-a')).rejects.toBeInstanceOf(SessionNotFoundError);
    await expect(conversations.delete(unknown, 'owner-a')).rejects.toBeInstanceOf(SessionNotFoundError);
    await expect(conversations.appendExchange(unknown, userMessage('hi'), assistantMessage('hello'))).rejects.toBeInstanceOf(SessionNotFoundError);
    await expect(conversations.updateContext(unknown, { lastTeams: [] })).rejects.toBeInstanceOf(SessionNotFoundError);
    await expect(conversations.modelWindow(unknown)).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it('rejects ids that could not safely become part of a key with 400', async () => {
    await expect(conversations.getOrCreate('a:b', 'owner-a')).rejects.toBeInstanceOf(InvalidIdError);
    await expect(conversations.getOrCreate('ok', 'owner*')).rejects.toMatchObject({ httpStatus: 400, details: { field: 'ownerId' } });
    await expect(conversations.getOrCreate('ok', 'owner-a', 'x'.repeat(65))).rejects.toMatchObject({ details: { field: 'userId' } });
    await expect(conversations.history('../x', 'owner-a')).rejects.toBeInstanceOf(InvalidIdError);
    await expect(instance.locks.withSessionLock('a b', async () => 1)).rejects.toBeInstanceOf(InvalidIdError);
  });

  it('gives the model the last N exchanges and folds older ones into a summary, incrementally', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    for (let n = 1; n <= 5; n++) await exchange(conversations, sessionId, n);

    const window = await conversations.modelWindow(sessionId);
    expect(window.messages.map((m) => m.content)).toEqual(['question 3', 'answer 3', 'question 4', 'answer 4', 'question 5', 'answer 5']);
    const lines = window.summary!.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('- User asked about odds: Team1 v Rival1, 1x2 (ODDS_INFORMATION_QUERY); assistant answered: "answer 1"');
    expect(lines[1]).toContain('Team2 v Rival2');

    await exchange(conversations, sessionId, 6);
    const next = await conversations.modelWindow(sessionId);
    expect(next.messages[0].content).toBe('question 4');
    expect(next.summary!.startsWith(window.summary!)).toBe(true);
    expect(next.summary!.split('\n')).toHaveLength(3);
    expect((await conversations.get(sessionId, 'owner-a')).summary).toBe(next.summary);
    // Full history is still there for the client.
    expect(await conversations.history(sessionId, 'owner-a', 100)).toHaveLength(12);
  });

  it('stores a turn run as openTurn then closeTurn exactly as getOrCreate, modelWindow and appendExchange do', async () => {
    const [stepwise, folded] = [id('s'), id('s')];
    await conversations.getOrCreate(stepwise, 'owner-a');
    for (let n = 1; n <= 6; n++) {
      await conversations.modelWindow(stepwise);
      await exchange(conversations, stepwise, n);
    }
    for (let n = 1; n <= 6; n++) {
      const turn = await conversations.openTurn(folded, 'owner-a');
      if (turn === 'busy') throw new Error('no lock was asked for');
      expect(turn.window).toEqual(n === 1 ? { messages: [] } : await conversations.modelWindow(folded));
      await conversations.closeTurn(
        turn,
        userMessage(`question ${n}`, { intent: 'ODDS_INFORMATION_QUERY', entities: { teams: [`Team${n}`, `Rival${n}`], markets: ['1x2'] } }),
        assistantMessage(`answer ${n}`),
        { contextUpdate: { lastTeams: [`Team${n}`] } },
      );
    }
    const [a, b] = [await conversations.get(stepwise, 'owner-a'), await conversations.get(folded, 'owner-a')];
    expect(b).toMatchObject({ messageCount: a.messageCount, summary: a.summary, context: { lastTeams: ['Team6'] } });
    const windowOf = async (sessionId: string) => {
      const window = await conversations.modelWindow(sessionId);
      return { summary: window.summary, contents: window.messages.map((m) => m.content) };
    };
    expect(await windowOf(folded)).toEqual(await windowOf(stepwise));
    expect((await conversations.history(folded, 'owner-a', 100)).map((m) => m.content)).toEqual(
      (await conversations.history(stepwise, 'owner-a', 100)).map((m) => m.content),
    );
  });

  it("opens a turn only for the session's owner, and keeps the preferences a turn reveals", async () => {
    const sessionId = id('s');
    const owner = id('owner');
    const turn = await conversations.openTurn(sessionId, owner, owner);
    if (turn === 'busy') throw new Error('no lock was asked for');
    expect(turn.session).toMatchObject({ sessionId, ownerId: owner, messageCount: 0, preferences: { oddsFormat: 'decimal' } });
    await expect(conversations.openTurn(sessionId, 'intruder')).rejects.toBeInstanceOf(SessionAccessDeniedError);
    // Listed from its creation, before (and whether or not) its first turn is stored.
    expect((await conversations.listForOwner(owner)).map((s) => s.sessionId)).toEqual([sessionId]);
    await conversations.closeTurn(turn, userMessage('¿Cuánto gano con 20 EUR?'), assistantMessage('Ganarías 40 EUR'), {
      preferences: { language: 'es', usualStake: { value: 20, currency: 'EUR' } },
    });
    expect(await conversations.getPreferences(owner)).toMatchObject({ language: 'es', usualStake: { value: 20, currency: 'EUR' } });
    expect((await conversations.listForOwner(owner)).map((s) => s.sessionId)).toEqual([sessionId]);
  });

  it('replays the messages after a given message id, paging forward', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) ids.push(...(await exchange(conversations, sessionId, n)).map((m) => m.id));

    const afterSecond = await conversations.history(sessionId, 'owner-a', 3, ids[1]);
    expect(afterSecond.map((m) => m.id)).toEqual(ids.slice(2, 5));
    const nextPage = await conversations.history(sessionId, 'owner-a', 3, afterSecond.at(-1)!.id);
    expect(nextPage.map((m) => m.id)).toEqual(ids.slice(5, 8));
    expect(await conversations.history(sessionId, 'owner-a', 3, ids.at(-1))).toEqual([]);
    // An id that is not (or no longer) stored gives the latest messages.
    expect((await conversations.history(sessionId, 'owner-a', 2, 'unknown-id')).map((m) => m.id)).toEqual(ids.slice(-2));
    expect((await conversations.history(sessionId, 'owner-a', 2)).map((m) => m.id)).toEqual(ids.slice(-2));
    expect(await conversations.history(sessionId, 'owner-a', 0)).toEqual([]);
  });

  it('carries preferences across the sessions of one user', async () => {
    const userId = id('user');
    await conversations.getOrCreate(id('s'), userId, userId);
    const saved = await conversations.updatePreferences(userId, {
      favouriteTeams: ['Barcelona', ' barcelona ', 'Chelsea'],
      usualStake: { value: 20, currency: 'EUR' },
      language: 'es',
    });
    expect(saved).toEqual({ favouriteTeams: ['Barcelona', 'Chelsea'], usualStake: { value: 20, currency: 'EUR' }, language: 'es', oddsFormat: 'decimal' });
    await conversations.updatePreferences(userId, { oddsFormat: 'fractional', usualStake: undefined });

    const later = await conversations.getOrCreate(id('s'), userId, userId);
    expect(later.preferences).toEqual({ favouriteTeams: ['Barcelona', 'Chelsea'], language: 'es', oddsFormat: 'fractional' });
    expect(await conversations.getPreferences(userId)).toEqual(later.preferences);
    // Another user starts from the defaults.
    expect((await conversations.getOrCreate(id('s'), id('other'))).preferences).toEqual({ favouriteTeams: [], oddsFormat: 'decimal' });
    await expect(conversations.updatePreferences(userId, { oddsFormat: 'hex' as 'decimal' })).rejects.toMatchObject({ httpStatus: 400 });
  });

  it("lists an owner's sessions, most recently active first", async () => {
    const owner = id('owner');
    const [first, second, third] = [id('s'), id('s'), id('s')];
    for (const sessionId of [first, second, third]) {
      await conversations.getOrCreate(sessionId, owner);
      await sleep(5);
    }
    await conversations.getOrCreate(id('s'), id('someone-else'));
    await sleep(5);
    await exchange(conversations, first, 1);
    const listed = await conversations.listForOwner(owner);
    expect(listed.map((session) => session.sessionId)).toEqual([first, third, second]);
    expect(listed[0].messageCount).toBe(2);
    expect((await conversations.listForOwner(owner, 2)).map((session) => session.sessionId)).toEqual([first, third]);
  });

  it('deletes a session with everything in it, and all sessions of an owner', async () => {
    const owner = id('owner');
    const [a, b, c] = [id('s'), id('s'), id('s')];
    for (const sessionId of [a, b, c]) {
      await conversations.getOrCreate(sessionId, owner);
      await exchange(conversations, sessionId, 1);
    }
    const keep = id('s');
    await conversations.getOrCreate(keep, 'owner-keep');

    await conversations.delete(a, owner);
    await expect(conversations.get(a, owner)).rejects.toBeInstanceOf(SessionNotFoundError);
    expect((await conversations.listForOwner(owner)).map((s) => s.sessionId).sort()).toEqual([b, c].sort());
    // The id is free again, and a new session under it starts empty.
    expect((await conversations.getOrCreate(a, 'owner-new')).messageCount).toBe(0);

    expect(await conversations.deleteAllForOwner(owner)).toBe(2);
    expect(await conversations.listForOwner(owner)).toEqual([]);
    await expect(conversations.get(b, owner)).rejects.toBeInstanceOf(SessionNotFoundError);
    expect((await conversations.get(keep, 'owner-keep')).sessionId).toBe(keep);
  });

  it(`keeps only the last ${MAX_STORED_MESSAGES} messages of a session, with the summary covering the rest`, async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    const turns = MAX_STORED_MESSAGES / 2 + 10;
    for (let n = 1; n <= turns; n++) await exchange(conversations, sessionId, n);
    const history = await conversations.history(sessionId, 'owner-a', 10_000);
    expect(history).toHaveLength(MAX_STORED_MESSAGES);
    expect(history[0].content).toBe('question 11');
    expect((await conversations.get(sessionId, 'owner-a')).messageCount).toBe(turns * 2);
    const window = await conversations.modelWindow(sessionId);
    expect(window.messages).toHaveLength(WINDOW_EXCHANGES * 2);
    expect(window.summary).toContain(`Team${turns - WINDOW_EXCHANGES}`);
  }, 60_000);

  it('serialises 20 concurrent turns of one session in arrival order, and not turns of different sessions', async () => {
    const sessionId = id('s');
    await conversations.getOrCreate(sessionId, 'owner-a');
    const events = await concurrentTurns(
      Array.from({ length: 20 }, (_, n) => ({ locks: instance.locks, sessionId, label: String(n), work: () => exchange(conversations, sessionId, n) })),
      5,
    );
    expectNoOverlap(events);
    expect(events.filter((e) => e.startsWith('start'))).toEqual(Array.from({ length: 20 }, (_, n) => `start ${n}`));
    const contents = (await conversations.history(sessionId, 'owner-a', 100)).filter((m) => m.role === 'user').map((m) => m.content);
    expect(contents).toEqual(Array.from({ length: 20 }, (_, n) => `question ${n}`));

    const parallel = await concurrentTurns(
      [
        { locks: instance.locks, sessionId: id('s'), label: 'x' },
        { locks: instance.locks, sessionId: id('s'), label: 'y' },
      ],
      200,
    );
    expect(parallel.slice(0, 2).sort()).toEqual(['start x', 'start y']);
  });

  it('gives up with 409 SESSION_BUSY when the lock is not free within waitMs, and the queue moves on', async () => {
    const sessionId = id('s');
    const slow = instance.locks.withSessionLock(sessionId, () => sleep(400), { ttlMs: 1_000 });
    await sleep(20);
    const started = Date.now();
    await expect(instance.locks.withSessionLock(sessionId, async () => 'late', { waitMs: 100 })).rejects.toMatchObject({
      httpStatus: 409,
      code: 'SESSION_BUSY',
    });
    expect(Date.now() - started).toBeLessThan(350);
    expect(await instance.locks.withSessionLock(sessionId, async () => 'next', { waitMs: 2_000 })).toBe('next');
    await slow;
  });

  it('releases the lock when the turn fails', async () => {
    const sessionId = id('s');
    await expect(
      instance.locks.withSessionLock(sessionId, async () => {
        throw new Error('turn failed');
      }),
    ).rejects.toThrow('turn failed');
    expect(await instance.locks.withSessionLock(sessionId, () => 'ok', { waitMs: 100 })).toBe('ok');
  });

  it('forgets a session once CACHE_TTL_USER_SESSIONS has passed without activity', async () => {
    const shortLived = await startInstance(mode, prefix, { CACHE_TTL_USER_SESSIONS: '1' });
    try {
      const sessionId = id('s');
      const owner = id('owner');
      await shortLived.conversations.getOrCreate(sessionId, owner);
      await exchange(shortLived.conversations, sessionId, 1);
      await sleep(1_500);
      await expect(shortLived.conversations.get(sessionId, owner)).rejects.toBeInstanceOf(SessionNotFoundError);
      expect(await shortLived.conversations.listForOwner(owner)).toEqual([]);
      if (mode === 'redis') {
        expect(await redis.keys(`${prefix}conversation:*:{${sessionId}}`)).toEqual([]);
        expect(await redis.exists(`${prefix}conversation:owner:${owner}`)).toBe(0);
      }
    } finally {
      await shortLived.close();
    }
  });
});

describe('Conversation memory on Redis across instances', () => {
  const prefix = uniquePrefix('conversation-shared');
  const ttlSeconds = 3_600;
  let first: Instance;
  let second: Instance;
  let redis: RedisClientType;

  const sessionKey = (sessionId: string) => `${prefix}conversation:session:{${sessionId}}`;
  const messagesKey = (sessionId: string) => `${prefix}conversation:messages:{${sessionId}}`;
  const ownerKey = (ownerId: string) => `${prefix}conversation:owner:${ownerId}`;
  const lockKey = (sessionId: string) => `${prefix}conversation:lock:{${sessionId}}`;

  beforeAll(async () => {
    first = await startInstance('redis', prefix);
    second = await startInstance('redis', prefix);
    redis = createClient({ url: TEST_REDIS_URL }) as RedisClientType;
    await redis.connect();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  it('keeps history, context and summary across a restart', async () => {
    const sessionId = id('s');
    const before = await startInstance('redis', prefix);
    await before.conversations.getOrCreate(sessionId, 'owner-a');
    for (let n = 1; n <= 4; n++) await exchange(before.conversations, sessionId, n);
    await before.conversations.updateContext(sessionId, { lastTeams: ['Team4'] });
    const windowBefore = await before.conversations.modelWindow(sessionId);
    await before.close();

    const after = await startInstance('redis', prefix);
    try {
      const session = await after.conversations.get(sessionId, 'owner-a');
      expect(session).toMatchObject({ messageCount: 8, context: { lastTeams: ['Team4'] }, summary: windowBefore.summary });
      expect((await after.conversations.history(sessionId, 'owner-a', 100)).map((m) => m.content)[0]).toBe('question 1');
      expect(await after.conversations.modelWindow(sessionId)).toEqual(windowBefore);
    } finally {
      await after.close();
    }
  });

  it('gives every key of a session the sessions TTL and refreshes it on activity, but not on a refused read', async () => {
    const sessionId = id('s');
    const owner = id('owner');
    await first.conversations.getOrCreate(sessionId, owner);
    await exchange(first.conversations, sessionId, 1);
    for (const key of [sessionKey(sessionId), messagesKey(sessionId), ownerKey(owner)]) {
      const pttl = await redis.pTTL(key);
      expect(pttl).toBeLessThanOrEqual(ttlSeconds * 1000);
      expect(pttl).toBeGreaterThan(ttlSeconds * 1000 - 1_000);
    }

    await sleep(1_100);
    const aged = await redis.pTTL(sessionKey(sessionId));
    expect(aged).toBeLessThanOrEqual(ttlSeconds * 1000 - 1_000);
    await expect(second.conversations.history(sessionId, 'intruder')).rejects.toBeInstanceOf(SessionAccessDeniedError);
    expect(await redis.pTTL(sessionKey(sessionId))).toBeLessThanOrEqual(aged);

    await second.conversations.history(sessionId, owner);
    for (const key of [sessionKey(sessionId), messagesKey(sessionId), ownerKey(owner)]) {
      expect(await redis.pTTL(key)).toBeGreaterThan(ttlSeconds * 1000 - 500);
    }
  });

  it('keeps preferences for PREFERENCES_TTL_SECONDS, longer than a session', async () => {
    const userId = id('user');
    await first.conversations.updatePreferences(userId, { favouriteTeams: ['Arsenal'] });
    const pttl = await redis.pTTL(`${prefix}conversation:prefs:${userId}`);
    expect(pttl).toBeGreaterThan(PREFERENCES_TTL_SECONDS * 1000 - 5_000);
    expect((await second.conversations.getOrCreate(id('s'), userId, userId)).preferences.favouriteTeams).toEqual(['Arsenal']);
  });

  it('writes nothing when a turn arrives for a session that no longer exists', async () => {
    const sessionId = id('s');
    await first.conversations.getOrCreate(sessionId, 'owner-a');
    await first.conversations.delete(sessionId, 'owner-a');
    await expect(first.conversations.appendExchange(sessionId, userMessage('hi'), assistantMessage('hello'))).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(await redis.exists([sessionKey(sessionId), messagesKey(sessionId)])).toBe(0);
  });

  it('lets only one of two instances create a session id that both claim at once', async () => {
    const sessionId = id('s');
    const results = await Promise.allSettled([first.conversations.getOrCreate(sessionId, 'owner-a'), second.conversations.getOrCreate(sessionId, 'owner-b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof SessionAccessDeniedError)).toHaveLength(1);
  });

  it('serialises 20 concurrent turns of one session across two instances, each instance in arrival order', async () => {
    const sessionId = id('s');
    await first.conversations.getOrCreate(sessionId, 'owner-a');
    const instances = [first, second];
    const events = await concurrentTurns(
      Array.from({ length: 20 }, (_, n) => {
        const on = instances[n % 2];
        return { locks: on.locks, sessionId, label: `${n % 2}:${n}`, work: () => exchange(on.conversations, sessionId, n) };
      }),
      10,
    );
    expectNoOverlap(events);
    const starts = events.filter((e) => e.startsWith('start')).map((e) => e.slice('start '.length));
    expect(starts).toHaveLength(20);
    for (const side of ['0', '1']) {
      const order = starts.filter((label) => label.startsWith(`${side}:`)).map((label) => Number(label.split(':')[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).toHaveLength(10);
    }
    // The stored conversation has every turn whole, in the order the turns ran.
    const history = await first.conversations.history(sessionId, 'owner-a', 100);
    expect(history).toHaveLength(40);
    expect(history.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(starts.map((label) => `question ${label.split(':')[1]}`));
    expect(await redis.exists(lockKey(sessionId))).toBe(0);
  });

  it('does not serialise turns of different sessions across instances', async () => {
    const events = await concurrentTurns(
      [
        { locks: first.locks, sessionId: id('s'), label: 'x' },
        { locks: second.locks, sessionId: id('s'), label: 'y' },
      ],
      300,
    );
    expect(events.slice(0, 2).sort()).toEqual(['start x', 'start y']);
  });

  it("takes a turn's lock with its reads and releases it with its write, refreshing every TTL on the way", async () => {
    const sessionId = id('s');
    const owner = id('owner');
    const take = (instance: Instance, opened: { turn?: unknown }) => async (lock: { token: string; ttlMs: number }) => {
      const turn = await instance.conversations.openTurn(sessionId, owner, owner, lock);
      if (turn === 'busy') return false;
      opened.turn = turn;
      return true;
    };
    const opened: { turn?: Awaited<ReturnType<ConversationService['openTurn']>> } = {};
    await first.locks.withSessionLock(
      sessionId,
      async (_signal, lease) => {
        expect(lease.lock).toBeDefined();
        expect(await redis.get(lockKey(sessionId))).toBe(lease.lock!.token);
        // Another instance's turn finds the lock taken, and reads nothing.
        expect(await second.conversations.openTurn(sessionId, owner, owner, { token: 'other', ttlMs: 1_000 })).toBe('busy');
        const turn = opened.turn;
        if (!turn || turn === 'busy') throw new Error('the turn was not opened with the lock');
        await first.conversations.closeTurn(turn, userMessage('hi'), assistantMessage('hello'), { preferences: { language: 'en' }, lockToken: lease.lock!.token });
        lease.releasedByWrite();
        expect(await redis.exists(lockKey(sessionId))).toBe(0);
      },
      { take: take(first, opened) },
    );
    for (const key of [sessionKey(sessionId), messagesKey(sessionId), ownerKey(owner)]) {
      expect(await redis.pTTL(key)).toBeGreaterThan(ttlSeconds * 1000 - 1_000);
    }
    expect(await redis.pTTL(`${prefix}conversation:prefs:${owner}`)).toBeGreaterThan(PREFERENCES_TTL_SECONDS * 1000 - 5_000);
    expect((await second.conversations.history(sessionId, owner)).map((m) => m.content)).toEqual(['hi', 'hello']);
    // Refused: neither the lock nor anything else of the session is touched.
    await expect(second.conversations.openTurn(sessionId, 'intruder', undefined, { token: 'x', ttlMs: 1_000 })).rejects.toBeInstanceOf(SessionAccessDeniedError);
    expect(await redis.exists(lockKey(sessionId))).toBe(0);
  });

  it('extends the lock while a turn runs longer than its TTL', async () => {
    const sessionId = id('s');
    const slow = first.locks.withSessionLock(sessionId, () => sleep(900), { ttlMs: 200 });
    await sleep(500);
    expect(await redis.pTTL(lockKey(sessionId))).toBeGreaterThan(0);
    await expect(second.locks.withSessionLock(sessionId, async () => 'stolen', { waitMs: 200, ttlMs: 200 })).rejects.toBeInstanceOf(SessionBusyError);
    await slow;
    expect(await redis.exists(lockKey(sessionId))).toBe(0);
    expect(await second.locks.withSessionLock(sessionId, async () => 'mine', { waitMs: 200 })).toBe('mine');
  });

  it('tells a turn that its lock was lost, and never deletes a lock it does not hold', async () => {
    const sessionId = id('s');
    let aborted = false;
    const turn = first.locks.withSessionLock(
      sessionId,
      async (signal) => {
        await redis.set(lockKey(sessionId), 'someone-else', { expiration: { type: 'PX', value: 5_000 } });
        await waitFor(() => signal.aborted, 2_000, 20);
        aborted = signal.aborted;
      },
      { ttlMs: 150 },
    );
    await turn;
    expect(aborted).toBe(true);
    expect(await redis.get(lockKey(sessionId))).toBe('someone-else');
    await redis.del(lockKey(sessionId));
  });
});

describe('Conversation memory while Redis is away', () => {
  let server: DisposableRedis;
  let instance: Instance;

  beforeAll(async () => {
    server = await DisposableRedis.start();
    instance = await startInstance('redis', uniquePrefix('conversation-outage'), { REDIS_URL: server.url });
  });
  afterAll(async () => {
    await instance.close();
    await server.down();
  });

  it('fails fast with 503, keeps ordering turns within the instance, and recovers when Redis is back', async () => {
    const sessionId = id('s');
    await instance.conversations.getOrCreate(sessionId, 'owner-a');

    await server.down();
    await waitFor(() => !instance.redis.isReady, 5_000);
    const started = Date.now();
    await expect(instance.conversations.getOrCreate(sessionId, 'owner-a')).rejects.toBeInstanceOf(ConversationStoreUnavailableError);
    await expect(instance.conversations.history(sessionId, 'owner-a')).rejects.toMatchObject({ httpStatus: 503, code: 'CONVERSATION_STORE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(1_000);
    const events = await concurrentTurns(
      Array.from({ length: 5 }, (_, n) => ({ locks: instance.locks, sessionId, label: String(n) })),
      10,
    );
    expectNoOverlap(events);

    await server.up();
    await waitFor(() => instance.redis.isReady, 10_000);
    // The disposable server keeps nothing on disk, so the session starts over.
    expect((await instance.conversations.getOrCreate(sessionId, 'owner-a')).messageCount).toBe(0);
    expect(await instance.locks.withSessionLock(sessionId, async () => 'locked', { waitMs: 1_000 })).toBe('locked');
  }, 30_000);
});
