import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule, AppCacheService } from '@app/cache';
import { ALL_CONFIGS, conversationConfig, type ConversationConfig } from '@app/config';
import { NluModule, NluService } from '@app/nlu';
import { RedisModule } from '@app/redis';
import { SportsDataModule, SportsDataService } from '@app/sports-data';
import type { TrackedContext } from '../shared/conversation-types.js';
import { resolveTurnFocus } from '../shared/turn-focus.js';
import type { AgentTurnResult } from './agent.types.js';
import { AnswerCache, isContextFree, type AnswerKeyInput } from './answer-cache.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const EMPTY: TrackedContext = { lastTeams: [] };

describe('AnswerCache', () => {
  let moduleRef: TestingModule;
  let nlu: NluService;
  let answers: AnswerCache;

  beforeAll(async () => {
    // In-memory cache (no REDIS_URL) and the embedded sports data: the real classes, nothing remote.
    const previous = { redis: process.env.REDIS_URL, chatbet: process.env.CHATBET_API_BASE_URL, cache: process.env.CHAT_ANSWER_CACHE };
    delete process.env.REDIS_URL;
    delete process.env.CHATBET_API_BASE_URL;
    delete process.env.CHAT_ANSWER_CACHE;
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, SportsDataModule, NluModule],
      providers: [AnswerCache],
    }).compile();
    Object.assign(process.env, { ...(previous.redis ? { REDIS_URL: previous.redis } : {}), ...(previous.chatbet ? { CHATBET_API_BASE_URL: previous.chatbet } : {}), ...(previous.cache ? { CHAT_ANSWER_CACHE: previous.cache } : {}) });
    nlu = moduleRef.get(NluService);
    answers = moduleRef.get(AnswerCache);
  });
  afterAll(async () => {
    await moduleRef.close();
  });

  const keyInput = (message: string, context: TrackedContext = EMPTY): AnswerKeyInput => {
    const analysed = nlu.analyze(message, { now: NOW, timeZone: 'UTC' });
    const focus = resolveTurnFocus(analysed, context, message);
    return { focus, language: analysed.language, timeZone: 'UTC', localDay: '2026-12-07', authenticated: false, mode: 'offline', contextFree: isContextFree(analysed, context, message, focus) };
  };
  const result = (content: string): AgentTurnResult => ({
    content,
    intent: 'ODDS_INFORMATION_QUERY',
    intentConfidence: 0.9,
    entities: { teams: ['Arsenal', 'Chelsea'], tournaments: [], amounts: [], markets: [], isFollowUp: false },
    language: 'en',
    functionCalls: [],
    suggestedActions: [],
    tokenUsage: { input: 0, output: 0, total: 0 },
    contextUpdate: { lastTeams: ['Arsenal', 'Chelsea'] },
    mode: 'offline',
    cancelled: false,
  });

  it('gives the same key to the same public question in other case and punctuation, another key to another match or time zone', () => {
    const a = answers.keyFor(keyInput('What are the odds for Arsenal vs Chelsea?'));
    expect(a).toBeDefined();
    expect(answers.keyFor(keyInput('what are the odds for arsenal vs chelsea'))).toBe(a);
    expect(answers.keyFor(keyInput('What are the odds for Arsenal vs Liverpool?'))).not.toBe(a);
    expect(answers.keyFor({ ...keyInput('What are the odds for Arsenal vs Chelsea?'), timeZone: 'America/Bogota' })).not.toBe(a);
  });

  it('gives no key to a personal question or to one read from the conversation context', () => {
    expect(answers.keyFor(keyInput('What is my balance?'))).toBeUndefined();
    const context: TrackedContext = { lastTeams: ['Barcelona'], lastIntent: 'MATCH_SCHEDULE_QUERY', lastFixtureId: 'f1' };
    expect(answers.keyFor(keyInput('And the odds?', context))).toBeUndefined();
  });

  it('keys a question the same inside a conversation when the conversation changes nothing in it', () => {
    const context: TrackedContext = { lastTeams: ['Barcelona'], lastIntent: 'MATCH_SCHEDULE_QUERY', lastFixtureId: 'f1' };
    const alone = answers.keyFor(keyInput('Which tournaments are active?'));
    expect(alone).toBeDefined();
    expect(answers.keyFor(keyInput('Which tournaments are active?', context))).toBe(alone);
  });

  it('stores an answer built on fresh public data, and none built on a personal tool, a failed call, stale data or data past its TTL', async () => {
    const key = answers.keyFor(keyInput('What are the odds for Arsenal vs Chelsea?'))!;
    await answers.store(`${key}:balance`, result('balance'), [{ name: 'get_user_balance', args: {}, ok: true, result: {} }]);
    await answers.store(`${key}:failed`, result('failed'), [{ name: 'get_match_odds', args: {}, ok: false, result: { error: 'UPSTREAM_UNAVAILABLE' } }]);
    await answers.store(`${key}:stale`, result('stale'), [{ name: 'get_match_odds', args: {}, ok: true, result: { stale: true } }]);
    await answers.store(`${key}:expired`, result('expired'), [{ name: 'get_match_odds', args: {}, ok: true, result: { stale: false, validUntil: new Date(Date.now() - 1000).toISOString() } }]);
    await answers.store(key, result('fresh'), [{ name: 'get_match_odds', args: {}, ok: true, result: { stale: false, validUntil: new Date(Date.now() + 20_000).toISOString() } }]);
    expect(await answers.get(`${key}:expired`)).toBeUndefined();
    expect(await answers.get(`${key}:balance`)).toBeUndefined();
    expect(await answers.get(`${key}:failed`)).toBeUndefined();
    expect(await answers.get(`${key}:stale`)).toBeUndefined();
    expect(await answers.get(key)).toMatchObject({ content: 'fresh', contextUpdate: { lastTeams: ['Arsenal', 'Chelsea'] } });
  });
  it('keeps an answer in the process that stored it until the stored copy expires, as a new object on every read', async () => {
    const key = answers.keyFor(keyInput('Which tournaments are active?'))!;
    const validUntil = new Date(Date.now() + 300).toISOString();
    await answers.store(key, result('kept'), [{ name: 'list_tournaments', args: {}, ok: true, result: { stale: false, validUntil } }]);
    // Another instance reads the stored copy: the answer alone, without the expiry it is stored with.
    const cache = moduleRef.get(AppCacheService);
    const other = new AnswerCache(cache, moduleRef.get(SportsDataService), moduleRef.get<ConversationConfig>(conversationConfig.KEY));
    const read = await other.get(key);
    expect(read).toMatchObject({ content: 'kept' });
    expect(read).not.toHaveProperty('expiresAt');
    // Gone from the store, it is still served here (no round trip), and a reader changing it changes nothing for the next.
    await cache.delete(key);
    const first = await answers.get(key);
    expect(first).toMatchObject({ content: 'kept', contextUpdate: { lastTeams: ['Arsenal', 'Chelsea'] } });
    first!.contextUpdate!.lastTeams = ['Changed'];
    expect(await answers.get(key)).toMatchObject({ contextUpdate: { lastTeams: ['Arsenal', 'Chelsea'] } });
    // Never after the stored copy's own expiry.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await answers.get(key)).toBeUndefined();
    expect(await other.get(key)).toBeUndefined();
  });
});
