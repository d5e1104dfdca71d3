import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import { textChunks } from '../offline/text-chunks.js';

/** About forty words, streamed one word per chunk. */
export const SCRIPTED_ANSWER =
  'This is a scripted answer for measuring the service itself. It streams a fixed text of a few dozen ' +
  'tokens without calling a model or any tool, so the time a turn takes is spent in the gateway, the ' +
  'conversation store, Redis and the streaming path.';

export interface ScriptedChatModelFields extends BaseChatModelParams {
  /** The answer to every message (default SCRIPTED_ANSWER). */
  answer?: string;
}

/**
 * A chat model with no latency of its own (LLM_PROVIDER=scripted): every call streams the same
 * answer, one word per chunk, as fast as the stream is read, and never asks for a tool. It speaks
 * the LangChain chat-model protocol like Gemini and the offline engine, so a benchmark run with it
 * measures the service's own overhead per turn and per streamed token.
 *
 * Each chunk after the first comes on a later turn of the event loop (setImmediate, no delay), as
 * a network model's chunks arrive as separate reads: without that, a whole answer would be one
 * uninterrupted run of promise callbacks, and answers started together would run end to end,
 * holding back every other socket, which no real model does.
 */
export class ScriptedChatModel extends BaseChatModel<BaseChatModelCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return 'ScriptedChatModel';
  }

  readonly answer: string;
  private readonly pieces: readonly string[];

  constructor(fields: ScriptedChatModelFields = {}) {
    const { answer, ...base } = fields;
    super(base);
    this.answer = answer ?? SCRIPTED_ANSWER;
    this.pieces = textChunks(this.answer, 1);
  }

  _llmType(): string {
    return 'chatbet-scripted';
  }

  /** Tools are accepted (the agent binds them every round) and never called. */
  override bindTools(_tools: BindToolsInput[], kwargs?: Partial<BaseChatModelCallOptions>): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return this.withConfig({ ...kwargs });
  }

  async _generate(): Promise<ChatResult> {
    return {
      generations: [{ text: this.answer, message: new AIMessage({ content: this.answer, usage_metadata: this.usage() }) }],
    };
  }

  override async *_streamResponseChunks(
    _messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const last = this.pieces.length - 1;
    for (let i = 0; i <= last; i++) {
      if (options.signal?.aborted) return;
      const piece = this.pieces[i];
      // The last chunk reports the usage, as Gemini's stream does.
      const message = new AIMessageChunk(i === last ? { content: piece, usage_metadata: this.usage() } : { content: piece });
      const chunk = new ChatGenerationChunk({ text: piece, message });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
      if (i < last) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private usage() {
    return { input_tokens: 0, output_tokens: this.pieces.length, total_tokens: this.pieces.length };
  }
}
