import { Inject, Injectable, Optional } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessageChunk, type BaseMessage, type MessageContent } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { SpanKind } from '@opentelemetry/api';
import { geminiConfig, type GeminiConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { CHATBET, GEN_AI, inSpan, setDefined } from '@app/telemetry';
import { GeminiModelCheck } from '../gemini/gemini-model.check.js';
import { GeminiResponseStreamer } from '../gemini/gemini-response.streamer.js';
import { ResilientModelCaller } from '../gemini/resilient-model.caller.js';
import { OfflineChatModel } from '../offline/offline-chat.model.js';
import type { AgentMode } from './agent.types.js';

/** The chat model chosen at start-up (see chat-model.factory.ts); an abstract class so it can be a DI token. */
export abstract class ChatModelSelection {
  abstract readonly model: BaseChatModel;
  abstract readonly mode: Exclude<AgentMode, 'offline-fallback' | 'answer-cache'>;
}

export interface ModelStreamRequest {
  /** Same for every round of one turn, so a wrapper can keep per-turn state (e.g. stay offline after a failure). */
  turnId: string;
  /** 0 for the first model call of the turn. */
  round: number;
  messages: BaseMessage[];
  /** Tools the model may call this round; none on the last round. */
  tools: readonly StructuredToolInterface[];
  signal?: AbortSignal;
  /** Called with each piece of answer text as it arrives. */
  onToken?: (delta: string) => void;
}

export interface ModelStreamResponse {
  /** The whole response: text, tool calls and usage, aggregated from the stream. */
  message: AIMessageChunk;
  /** Which engine produced it. */
  mode: AgentMode;
}

/**
 * The one place where the agent calls a model: one streamed response per call. Fault handling
 * (timeouts, retries, falling back to the offline engine) wraps this class, so the agent loop
 * does not change when it does.
 */
@Injectable()
export class ChatModelRunner {
  // Gemini fault handling (retries, GEMINI_TIMEOUT, offline fallback) lives in ../gemini/.
  private readonly gemini?: GeminiResponseStreamer;
  /** What spans name as the requested model: the Gemini model, or our own engine. */
  private readonly modelName: string;

  constructor(
    private readonly selection: ChatModelSelection,
    offline: OfflineChatModel,
    @Inject(geminiConfig.KEY) config: GeminiConfig,
    modelCheck: GeminiModelCheck,
    // Absent when the LLM module is built without the app's metrics in tests.
    @Optional() metrics?: MetricsService,
  ) {
    this.modelName = selection.mode === 'gemini' ? config.model : `chatbet-${selection.mode}`;
    if (selection.mode === 'gemini') {
      const caller = ResilientModelCaller.fromConfig(config);
      this.gemini = new GeminiResponseStreamer(selection.model, offline, caller, streamModelResponse, modelCheck);
      // Gemini's calls, retries and circuit, read at scrape time like the ChatBet client's.
      metrics?.observeUpstream('gemini', () => {
        const { requests, retries, circuit } = caller.stats();
        return {
          requests,
          retries,
          errors: circuit?.totalFailures ?? 0,
          circuitRejections: circuit?.totalRejected ?? 0,
          circuitOpened: circuit?.timesOpened ?? 0,
          circuitState: circuit?.state ?? 'closed',
        };
      });
    }
  }

  get mode(): AgentMode {
    return this.selection.mode;
  }

  /** One model call, traced as a GenAI `chat` span: model, token counts, finish reasons. */
  async streamResponse(request: ModelStreamRequest): Promise<ModelStreamResponse> {
    const attributes = {
      [GEN_AI.OPERATION_NAME]: 'chat',
      [GEN_AI.PROVIDER_NAME]: this.selection.mode === 'gemini' ? 'gcp.gemini' : 'chatbet',
      [GEN_AI.REQUEST_MODEL]: this.modelName,
      [CHATBET.MODEL_ROUND]: request.round,
    };
    return inSpan(`chat ${this.modelName}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const response = this.gemini
        ? await this.gemini.streamResponse(request)
        : { message: await streamModelResponse(this.selection.model, request), mode: this.selection.mode };
      const { message } = response;
      const usage = message.usage_metadata;
      setDefined(span, {
        [CHATBET.LLM_MODE]: response.mode,
        [GEN_AI.RESPONSE_MODEL]: response.mode === 'offline-fallback' ? 'chatbet-offline' : (stringOf(message.response_metadata?.modelVersion) ?? this.modelName),
        [GEN_AI.RESPONSE_ID]: message.id,
        [GEN_AI.RESPONSE_FINISH_REASONS]: [finishReasonOf(message)],
        [GEN_AI.USAGE_INPUT_TOKENS]: usage?.input_tokens,
        [GEN_AI.USAGE_OUTPUT_TOKENS]: usage?.output_tokens,
      });
      return response;
    });
  }
}

/**
 * Why the model stopped, as the provider said it (Gemini: STOP, MAX_TOKENS, SAFETY...), else what
 * the response shows: a tool call or an answer.
 */
function finishReasonOf(message: AIMessageChunk): string {
  const reported = stringOf(message.response_metadata?.finishReason);
  if (reported !== undefined) return reported.toLowerCase();
  return (message.tool_calls?.length ?? 0) > 0 ? 'tool_calls' : 'stop';
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Streams one response of `model`, forwarding text as it arrives, and returns the aggregate. */
export async function streamModelResponse(model: BaseChatModel, request: ModelStreamRequest): Promise<AIMessageChunk> {
  const runnable = request.tools.length > 0 && model.bindTools ? model.bindTools([...request.tools]) : model;
  // The model's own iterator, as Runnable.stream() gets it: stream() wraps it in a web ReadableStream
  // and re-enters the async context at every chunk, which cost more than the rest of a chunk's path.
  // The model checks the signal at every chunk; a wait for the next one ends when it is aborted.
  const iterator = runnable._streamIterator(request.messages, request.signal ? { signal: request.signal } : {});
  const aborted = request.signal ? abortion(request.signal) : undefined;
  const chunks: AIMessageChunk[] = [];
  let done = false;
  try {
    while (!done) {
      const pending = iterator.next();
      let next: IteratorResult<AIMessageChunk>;
      if (aborted) {
        pending.catch(() => undefined);
        next = await Promise.race([pending, aborted.promise]);
      } else {
        next = await pending;
      }
      if (next.done) {
        done = true;
        break;
      }
      const chunk = next.value;
      const delta = textOf(chunk.content);
      if (delta) request.onToken?.(delta);
      chunks.push(chunk);
    }
  } finally {
    aborted?.dispose();
    // Stopped early (aborted, or a listener threw): the model's iterator is closed as for-await would.
    if (!done) void iterator.return(undefined).catch(() => undefined);
  }
  return aggregateChunks(chunks);
}

/** A promise rejected with the signal's reason once it is aborted (at once if it is already). */
function abortion(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let listener: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    listener = () => reject(abortReason(signal));
    if (signal.aborted) listener();
    else signal.addEventListener('abort', listener, { once: true });
  });
  promise.catch(() => undefined);
  return { promise, dispose: () => listener && signal.removeEventListener('abort', listener) };
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new Error(typeof reason === 'string' ? reason : 'Aborted');
}

/**
 * What concatenating the chunks one by one gives, without building a message per chunk: runs of
 * chunks that carry only text are joined first (for them `concat` only joins the text and keeps
 * the first id), the others are concatenated as they are.
 */
export function aggregateChunks(chunks: readonly AIMessageChunk[]): AIMessageChunk {
  const runs: AIMessageChunk[] = [];
  let text: string[] = [];
  let id: string | undefined;
  const endRun = () => {
    if (text.length === 0) return;
    runs.push(new AIMessageChunk({ content: text.join(''), ...(id !== undefined && { id }) }));
    text = [];
    id = undefined;
  };
  // Once the content is a list of blocks, each text is a block of its own: from there on, as they are.
  let blocks = false;
  for (const chunk of chunks) {
    blocks ||= typeof chunk.content !== 'string';
    if (!blocks && isTextOnly(chunk)) {
      if (text.length === 0) id = chunk.id;
      else id ??= chunk.id;
      text.push(chunk.content as string);
    } else {
      endRun();
      runs.push(chunk);
    }
  }
  endRun();
  if (runs.length === 0) return new AIMessageChunk({ content: '' });
  return runs.slice(1).reduce((aggregate, chunk) => aggregate.concat(chunk), runs[0]);
}

function isTextOnly(chunk: AIMessageChunk): boolean {
  return (
    typeof chunk.content === 'string' &&
    !chunk.tool_call_chunks?.length &&
    !chunk.tool_calls?.length &&
    !chunk.invalid_tool_calls?.length &&
    chunk.usage_metadata === undefined &&
    isEmpty(chunk.additional_kwargs) &&
    isEmpty(chunk.response_metadata)
  );
}

function isEmpty(record: Record<string, unknown> | undefined): boolean {
  if (!record) return true;
  for (const _ in record) return false;
  return true;
}

/** The visible text of a message's content; reasoning and other non-text blocks are left out. */
export function textOf(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content
    .map((block) => (typeof block === 'string' ? block : block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .join('');
}
