import { ConfigModule } from '@nestjs/config';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS } from '@app/config';
import type { TrackedContext } from '@app/conversation';
import {
  type AgentHistoryMessage,
  BalanceReader,
  ChatModelRunner,
  ConversationAgent,
  LlmModule,
  type ModelStreamRequest,
  OfflineChatModel,
  streamModelResponse,
  type UserBalance,
} from '@app/llm';
import { RedisModule } from '@app/redis';
import { DIALOGS } from '../scripts/dialogs/sets/index.js';
import { patchEnv } from './support/env.js';

class FixedBalanceReader extends BalanceReader {
  async getBalance(): Promise<UserBalance> {
    return { currency: 'EUR', available: 87.25, pending: 12.5, bonus: 5 };
  }
}

/**
 * False-alarm check of the grounding guard: the offline engine writes only from tool results, so
 * each of its answers must pass the guard with no flag. The engine is made to pass for Gemini (the
 * guard checks model answers only) and every dialogue of the evaluation set is played through the
 * real agent, tools and embedded sports data, history and context carried between turns.
 */
describe('The offline engine against the grounding guard', () => {
  let moduleRef: TestingModule;
  let agent: ConversationAgent;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    // Every answer goes through the guard: a cached one would skip it.
    const restore = patchEnv({ GOOGLE_API_KEY: undefined, REDIS_URL: undefined, REDIS_HOST: undefined, CHATBET_API_BASE_URL: undefined, GROUNDING_POLICY: 'annotate', CHAT_ANSWER_CACHE: 'false' });
    try {
      moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, LlmModule],
      })
        .overrideProvider(BalanceReader)
        .useValue(new FixedBalanceReader())
        .overrideProvider(ChatModelRunner)
        .useFactory({
          inject: [OfflineChatModel],
          factory: (offline: OfflineChatModel) => ({
            mode: 'gemini',
            streamResponse: async (request: ModelStreamRequest) => ({ message: await streamModelResponse(offline, request), mode: 'gemini' as const }),
          }),
        })
        .compile();
    } finally {
      restore();
    }
    agent = moduleRef.get(ConversationAgent);
  });
  afterAll(async () => {
    await moduleRef.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('flags no number in any answer of the dialogue evaluation set', async () => {
    const flagged: string[] = [];
    let turns = 0;
    let claims = 0;
    for (const [index, dialog] of DIALOGS.entries()) {
      let context: TrackedContext = { lastTeams: [] };
      const history: AgentHistoryMessage[] = [];
      for (const turn of dialog.turns) {
        const result = await agent.run({
          sessionId: `grounding-offline-${index}`,
          // Logged in, so balance questions are answered with figures too.
          userId: 'grounding-user',
          message: turn.user,
          history: [...history],
          context,
          timeZone: dialog.timeZone ?? 'Europe/Madrid',
        });
        turns += 1;
        expect(result.grounding).toBeDefined();
        claims += result.grounding?.claims ?? 0;
        for (const flag of result.grounding?.flags ?? []) flagged.push(`${dialog.id} "${turn.user}": ${flag.kind} "${flag.text}" (expected ${flag.expected ?? '?'})`);
        context = { ...context, ...result.contextUpdate };
        history.push({ role: 'user', content: turn.user }, { role: 'assistant', content: result.content });
      }
    }
    expect(flagged).toEqual([]);
    // The check had numbers to check: prices, amounts, dates in most answers.
    expect(turns).toBeGreaterThan(100);
    expect(claims).toBeGreaterThan(turns);
  }, 300_000);
});
