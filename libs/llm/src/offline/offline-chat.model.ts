import { randomUUID } from 'node:crypto';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage, ToolMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import type { NluService } from '@app/nlu';
import { turnContextIn, userTextOf, type TurnContext } from '../shared/turn-context.js';
import { resolveTurnFocus } from '../shared/turn-focus.js';
import { OfflineAnswerWriter, type ToolOutcome } from './offline-answer.writer.js';
import { directReply } from './offline-replies.js';
import { OfflineTurnPlanner, type PlannedCall } from './offline-turn.planner.js';
import { textChunks } from './text-chunks.js';

export interface OfflineChatModelCallOptions extends BaseChatModelCallOptions {
  tools?: BindToolsInput[];
}

export interface OfflineChatModelFields extends BaseChatModelParams {
  nlu: NluService;
  /** Words per streamed chunk (default 3). */
  chunkWords?: number;
  /** Pause between streamed chunks in milliseconds (default 0: just yield to the event loop). */
  chunkDelayMs?: number;
}

type OfflineResponse = { kind: 'text'; text: string } | { kind: 'tool_calls'; calls: Array<PlannedCall & { id: string }> };

/**
 * A chat model that needs no network: on a user message it reads the request with the NLU (plus
 * the tracked context carried in the system message) and asks for the tools it needs; once the
 * tool results are in, it writes the answer from them with bilingual templates. It speaks the
 * LangChain chat-model protocol (tool calls, streaming, abort), so the agent loop drives it
 * exactly as it drives Gemini.
 */
export class OfflineChatModel extends BaseChatModel<OfflineChatModelCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return 'OfflineChatModel';
  }

  private readonly nlu: NluService;
  private readonly chunkWords: number;
  private readonly chunkDelayMs: number;
  private readonly planner = new OfflineTurnPlanner();
  private readonly writer = new OfflineAnswerWriter();

  constructor(fields: OfflineChatModelFields) {
    const { nlu, chunkWords, chunkDelayMs, ...base } = fields;
    super(base);
    this.nlu = nlu;
    this.chunkWords = chunkWords ?? 3;
    this.chunkDelayMs = chunkDelayMs ?? 0;
  }

  _llmType(): string {
    return 'chatbet-offline';
  }

  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<OfflineChatModelCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, OfflineChatModelCallOptions> {
    return this.withConfig({ ...kwargs, tools });
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const response = this.respond(messages, options);
    if (response.kind === 'tool_calls') {
      const message = new AIMessage({
        content: '',
        tool_calls: response.calls.map((c) => ({ type: 'tool_call' as const, id: c.id, name: c.name, args: c.args })),
      });
      return { generations: [{ text: '', message }] };
    }
    return { generations: [{ text: response.text, message: new AIMessage(response.text) }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const response = this.respond(messages, options);
    if (response.kind === 'tool_calls') {
      yield new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({
          content: '',
          tool_call_chunks: response.calls.map((c, index) => ({
            type: 'tool_call_chunk' as const,
            id: c.id,
            name: c.name,
            args: JSON.stringify(c.args),
            index,
          })),
        }),
      });
      return;
    }
    for (const piece of textChunks(response.text, this.chunkWords)) {
      if (options.signal?.aborted) return;
      const chunk = new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece }) });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
      // Yielding to the event loop between pieces lets an abort (or other requests) get in.
      await new Promise((resolve) => setTimeout(resolve, this.chunkDelayMs));
    }
  }

  private respond(messages: BaseMessage[], options: this['ParsedCallOptions']): OfflineResponse {
    const context = turnContextIn(messages);
    const turn: TurnContext = context ?? {
      now: new Date().toISOString(),
      timeZone: 'UTC',
      language: 'en',
      authenticated: false,
      tracked: { lastTeams: [] },
    };
    const lastHuman = findLastIndex(messages, (m) => m.type === 'human');
    const message = lastHuman >= 0 ? userTextOf(messages[lastHuman]) : '';
    const hasContextBlock = context !== undefined;
    const nlu = this.nlu.analyze(message, {
      timeZone: turn.timeZone,
      now: new Date(turn.now),
      ...(hasContextBlock ? { languageHint: turn.language } : {}),
      ...(turn.tracked.lastSport ? { sportHint: turn.tracked.lastSport } : {}),
    });
    const language = hasContextBlock ? turn.language : nlu.language;
    const focus = resolveTurnFocus(nlu, turn.tracked, message);
    const last = messages[messages.length - 1];

    if (last?.type === 'tool') {
      const outcomes = toolOutcomes(messages.slice(lastHuman + 1));
      return { kind: 'text', text: this.writer.write({ message, focus, language, timeZone: turn.timeZone, outcomes }) };
    }
    if (last?.type !== 'human') {
      // Asked to continue after its own answer (e.g. after the tool-round limit): nothing to add.
      return { kind: 'text', text: '' };
    }
    const plan = this.planner.plan({ message, nlu, focus, tools: new Set(toolNames(options.tools)) });
    if (plan.kind === 'reply') return { kind: 'text', text: directReply(plan.reply, language, { ...(focus.pick ? { pick: focus.pick } : {}), ...(focus.sport ? { sport: focus.sport } : {}), timeZone: turn.timeZone }) };
    return { kind: 'tool_calls', calls: plan.calls.map((c) => ({ ...c, id: `call_${randomUUID().slice(0, 12)}` })) };
  }
}

function toolNames(tools: BindToolsInput[] | undefined): string[] {
  return (tools ?? [])
    .map((t) => {
      const record = t as { name?: unknown; function?: { name?: unknown } };
      if (typeof record.name === 'string') return record.name;
      if (typeof record.function?.name === 'string') return record.function.name;
      return undefined;
    })
    .filter((name): name is string => name !== undefined);
}

function toolOutcomes(messages: BaseMessage[]): ToolOutcome[] {
  const calls = new Map<string, { name: string; args: Record<string, unknown> }>();
  for (const m of messages) {
    if (AIMessage.isInstance(m) || AIMessageChunk.isInstance(m)) {
      for (const call of m.tool_calls ?? []) if (call.id) calls.set(call.id, { name: call.name, args: call.args });
    }
  }
  return messages.filter((m): m is ToolMessage => ToolMessage.isInstance(m)).map((m) => {
    const call = calls.get(m.tool_call_id);
    let result: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(m.text);
      result = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { error: 'INVALID_RESULT', message: 'Not an object' };
    } catch {
      result = { error: 'INVALID_RESULT', message: m.text.slice(0, 200) };
    }
    return { name: m.name ?? call?.name ?? 'unknown', args: call?.args ?? {}, result };
  });
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}
