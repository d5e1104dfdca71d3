import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import type { AIMessageChunk } from '@langchain/core/messages';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS } from '@app/config';
import { RedisModule } from '@app/redis';
import { ChatModelRunner, ChatModelSelection } from '../agent/chat-model.runner.js';
import { ConversationAgent } from '../agent/conversation.agent.js';
import { LlmModule } from '../llm.module.js';
import { BettingToolsService } from '../tools/betting-tools.service.js';
import { SCRIPTED_ANSWER, ScriptedChatModel } from './scripted-chat.model.js';

async function streamAll(model: Pick<ScriptedChatModel, 'stream'>, signal?: AbortSignal) {
  const pieces: string[] = [];
  let aggregate: AIMessageChunk | undefined;
  const stream = await model.stream([new SystemMessage('rules'), new HumanMessage('When does Barcelona play next?')], signal ? { signal } : {});
  for await (const chunk of stream) {
    pieces.push(chunk.text);
    aggregate = aggregate ? aggregate.concat(chunk) : chunk;
  }
  return { pieces, message: aggregate! };
}

describe('ScriptedChatModel', () => {
  it('streams the fixed answer one word per chunk, a few dozen chunks that join back to it exactly', async () => {
    const { pieces, message } = await streamAll(new ScriptedChatModel());
    expect(pieces.join('')).toBe(SCRIPTED_ANSWER);
    expect(pieces.length).toBe(SCRIPTED_ANSWER.split(' ').length);
    expect(pieces.length).toBeGreaterThanOrEqual(24);
    expect(pieces.every((piece) => piece.trim().split(' ').length === 1)).toBe(true);
    expect(message.usage_metadata).toMatchObject({ input_tokens: 0, output_tokens: pieces.length, total_tokens: pieces.length });
  });

  it('never asks for a tool, even with tools bound', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, LlmModule],
    }).compile();
    try {
      const tools = moduleRef.get(BettingToolsService).tools;
      const { message, pieces } = await streamAll(new ScriptedChatModel({ answer: 'Only words here.' }).bindTools([...tools]));
      expect(pieces).toEqual(['Only ', 'words ', 'here.']);
      expect(message.tool_calls ?? []).toEqual([]);
      expect(message.tool_call_chunks ?? []).toEqual([]);
    } finally {
      await moduleRef.close();
    }
  });

  it('answers a plain invoke with the whole text', async () => {
    expect((await new ScriptedChatModel().invoke([new HumanMessage('hi')])).text).toBe(SCRIPTED_ANSWER);
  });

  it('stops streaming once the call is aborted', async () => {
    const controller = new AbortController();
    const stream = await new ScriptedChatModel().stream([new HumanMessage('hi')], { signal: controller.signal });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) {
          seen.push(chunk.text);
          if (seen.length === 3) controller.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(seen.length).toBeLessThan(SCRIPTED_ANSWER.split(' ').length);
  });
});

describe('LLM_PROVIDER=scripted', () => {
  const saved = process.env.LLM_PROVIDER;
  beforeAll(() => {
    process.env.LLM_PROVIDER = 'scripted';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LLM_PROVIDER;
    else process.env.LLM_PROVIDER = saved;
  });

  it('makes the agent answer every turn with the script, streamed, without tools, in mode "scripted"', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, LlmModule],
    }).compile();
    try {
      expect(moduleRef.get(ChatModelSelection).model).toBeInstanceOf(ScriptedChatModel);
      expect(moduleRef.get(ChatModelRunner).mode).toBe('scripted');
      const deltas: string[] = [];
      const result = await moduleRef
        .get(ConversationAgent)
        .run({ sessionId: 's', message: 'Odds for Juventus vs Milan?', history: [], context: { lastTeams: [] } }, (delta) => deltas.push(delta));
      expect(result).toMatchObject({ content: SCRIPTED_ANSWER, mode: 'scripted', functionCalls: [], cancelled: false });
      expect(deltas.join('')).toBe(SCRIPTED_ANSWER);
      expect(deltas.length).toBeGreaterThan(1);
      expect(result.tokenUsage.output).toBe(SCRIPTED_ANSWER.split(' ').length);
    } finally {
      await moduleRef.close();
    }
  });
});
