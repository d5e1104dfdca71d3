import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { cacheConfig } from '@app/config';
import { MAX_STORED_MESSAGES, PREFERENCES_TTL_SECONDS, type SessionRecord } from './conversation.store.js';
import { DEFAULT_PREFERENCES, type ChatMessage } from './conversation.types.js';
import { MemoryConversationStore } from './memory-conversation.store.js';

const TTL_SECONDS = 60;

function record(sessionId: string, ownerId = 'owner'): SessionRecord {
  const now = new Date().toISOString();
  return { sessionId, ownerId, createdAt: now, updatedAt: now, context: { lastTeams: [] }, messageCount: 0, foldedThrough: 0 };
}

function message(n: number): ChatMessage {
  return { id: `m${n}`, role: n % 2 === 0 ? 'user' : 'assistant', content: `message ${n}`, timestamp: new Date().toISOString() };
}

describe('MemoryConversationStore', () => {
  let store: MemoryConversationStore;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [MemoryConversationStore, { provide: cacheConfig.KEY, useValue: { ttlSeconds: { sessions: TTL_SECONDS } } }],
    }).compile();
    store = moduleRef.get(MemoryConversationStore);
    jest.useFakeTimers({ now: new Date('2025-06-01T12:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const advance = (seconds: number) => jest.setSystemTime(Date.now() + seconds * 1000);

  it('creates a session once; a second create returns the stored one untouched', async () => {
    expect((await store.createIfAbsent(record('s1'))).created).toBe(true);
    const again = await store.createIfAbsent({ ...record('s1', 'intruder'), userId: 'u' });
    expect(again.created).toBe(false);
    expect(again.record.ownerId).toBe('owner');
    expect(again.record.userId).toBeUndefined();
  });

  it('forgets a session TTL seconds after its last activity, and activity pushes that back', async () => {
    await store.createIfAbsent(record('s1'));
    advance(TTL_SECONDS - 1);
    await store.append('s1', [message(0)]);
    advance(TTL_SECONDS - 1);
    expect(await store.find('s1')).toBeDefined();
    await store.touch((await store.find('s1'))!);
    advance(TTL_SECONDS - 1);
    expect(await store.find('s1')).toBeDefined();
    advance(2);
    expect(await store.find('s1')).toBeUndefined();
    expect(await store.append('s1', [message(1)])).toBeUndefined();
    expect(await store.listByActivity('owner', 10)).toEqual([]);
  });

  it('does not count a create attempt by another owner as activity', async () => {
    await store.createIfAbsent(record('s1'));
    advance(TTL_SECONDS - 1);
    await store.createIfAbsent(record('s1', 'intruder'));
    advance(2);
    expect(await store.find('s1')).toBeUndefined();
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    await store.createIfAbsent(record('s1'));
    const appended = await store.append('s1', [message(0)], { lastTeams: ['Chelsea'] });
    appended!.context.lastTeams.push('Arsenal');
    const [stored] = await store.recentMessages('s1', 1);
    stored.content = 'changed';
    expect((await store.find('s1'))!.context.lastTeams).toEqual(['Chelsea']);
    expect((await store.recentMessages('s1', 1))[0].content).toBe('message 0');
  });

  it(`keeps the last ${MAX_STORED_MESSAGES} messages while counting all of them`, async () => {
    await store.createIfAbsent(record('s1'));
    const total = MAX_STORED_MESSAGES + 7;
    for (let n = 0; n < total; n += 2) await store.append('s1', [message(n), message(n + 1)].slice(0, total - n));
    const retained = await store.retainedMessages('s1');
    expect(retained).toHaveLength(MAX_STORED_MESSAGES);
    expect(retained[0].id).toBe('m7');
    expect((await store.find('s1'))!.messageCount).toBe(total);
    const tail = await store.unfoldedTail('s1');
    expect(tail).toMatchObject({ messageCount: total, foldedThrough: 0 });
    expect(tail!.messages).toHaveLength(MAX_STORED_MESSAGES);
    expect(await store.recentMessages('s1', 0)).toEqual([]);
  });

  it('saves a fold only over the state it was computed from', async () => {
    await store.createIfAbsent(record('s1'));
    await store.append('s1', [message(0), message(1), message(2), message(3)]);
    expect(await store.saveFold('s1', 0, 2, '- first')).toBe(true);
    expect(await store.saveFold('s1', 0, 2, '- stale')).toBe(false);
    const tail = await store.unfoldedTail('s1');
    expect(tail).toMatchObject({ summary: '- first', foldedThrough: 2 });
    expect(tail!.messages.map((m) => m.id)).toEqual(['m2', 'm3']);
  });

  it('merges context patches and resets cleared keys', async () => {
    await store.createIfAbsent(record('s1'));
    await store.append('s1', [], { lastTeams: ['Barcelona'], lastFixtureId: 'f1' });
    const updated = await store.append('s1', [], { lastTeams: undefined, lastMarket: 'btts' });
    expect(updated!.context).toEqual({ lastTeams: [], lastFixtureId: 'f1', lastMarket: 'btts' });
    expect(updated!.messageCount).toBe(0);
  });

  it('lists sessions by last activity and deletes an owner with its preferences', async () => {
    await store.createIfAbsent(record('a'));
    advance(1);
    await store.createIfAbsent(record('b'));
    advance(1);
    await store.createIfAbsent(record('other', 'someone'));
    await store.append('a', [message(0)]);
    expect((await store.listByActivity('owner', 10)).map((r) => r.sessionId)).toEqual(['a', 'b']);
    await store.patchPreferences('owner', { language: 'es' });

    expect(await store.deleteOwner('owner')).toBe(2);
    expect(await store.find('a')).toBeUndefined();
    expect(await store.getPreferences('owner')).toEqual(DEFAULT_PREFERENCES);
    expect(await store.find('other')).toBeDefined();
  });

  it('merges preference patches, never sharing the defaults, and keeps them longer than a session', async () => {
    const defaults = await store.getPreferences('u1');
    defaults.favouriteTeams.push('Leaked');
    expect(DEFAULT_PREFERENCES.favouriteTeams).toEqual([]);

    await store.patchPreferences('u1', { favouriteTeams: ['Arsenal'], usualStake: { value: 10, currency: null } });
    expect(await store.patchPreferences('u1', { usualStake: undefined, oddsFormat: 'american' })).toEqual({
      favouriteTeams: ['Arsenal'],
      oddsFormat: 'american',
    });
    advance(TTL_SECONDS * 10);
    expect((await store.getPreferences('u1')).favouriteTeams).toEqual(['Arsenal']);
    advance(PREFERENCES_TTL_SECONDS + 1);
    expect(await store.getPreferences('u1')).toEqual(DEFAULT_PREFERENCES);
  });
});
