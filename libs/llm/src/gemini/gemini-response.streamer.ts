/**
 * The Gemini side of `ChatModelRunner`: each model response goes through `ResilientModelCaller`,
 * and when Gemini cannot answer the turn continues on the offline engine, in mode
 * 'offline-fallback', with a notice that the answer is in data-only mode. A turn that fell back
 * stays offline for its remaining rounds, so one answer is never half Gemini, half offline.
 */
import { Logger } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessageChunk } from '@langchain/core/messages';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import type { ModelStreamRequest, ModelStreamResponse } from '../agent/chat-model.runner.js';
import { turnContextIn } from '../shared/turn-context.js';
import { dataOnlyNotice } from './data-only.notice.js';
import { prepareGeminiChatModel } from './gemini-chat-model.setup.js';
import type { ModelNotFoundReporter } from './gemini-model.check.js';
import { GeminiUnavailableError } from './gemini-unavailable.error.js';
import type { ResilientModelCaller } from './resilient-model.caller.js';

/** Streams one response of a model (the runner's `streamModelResponse`), passed in to keep imports one-way. */
export type StreamOnce = (model: BaseChatModel, request: ModelStreamRequest) => Promise<AIMessageChunk>;

interface TurnState {
  startedAt: number;
  /** Some text of this turn already reached the user. */
  spoke: boolean;
  offline: boolean;
}

// Turns have no end event here; state is dropped once no turn could still be running.
const TURN_STATE_TTL_MS = 15 * 60 * 1000;
const MAX_TRACKED_TURNS = 10_000;

export class GeminiResponseStreamer {
  private readonly logger = new Logger(GeminiResponseStreamer.name);
  private readonly turns = new Map<string, TurnState>();

  constructor(
    private readonly gemini: BaseChatModel,
    private readonly offline: BaseChatModel,
    private readonly caller: ResilientModelCaller,
    private readonly streamOnce: StreamOnce,
    /** Told when a call gets 404: the configured model does not exist (any more). */
    private readonly modelCheck?: ModelNotFoundReporter,
    private readonly now: () => number = Date.now,
  ) {
    if (gemini instanceof ChatGoogleGenerativeAI) prepareGeminiChatModel(gemini);
  }

  async streamResponse(request: ModelStreamRequest): Promise<ModelStreamResponse> {
    const turn = this.turnState(request.turnId);
    const onToken = (delta: string) => {
      turn.spoke = true;
      request.onToken?.(delta);
    };

    if (!turn.offline) {
      try {
        const message = await this.caller.call(
          (attempt) =>
            this.streamOnce(this.gemini, {
              ...request,
              signal: attempt.signal,
              onToken: (delta) => {
                attempt.markOutputSent();
                onToken(delta);
              },
            }),
          { signal: request.signal, label: `gemini round ${request.round}` },
        );
        return { message, mode: 'gemini' };
      } catch (error) {
        if (!(error instanceof GeminiUnavailableError)) throw error;
        turn.offline = true;
        const log = { msg: `Answering turn ${request.turnId} offline: ${error.message}`, reason: error.reason, status: error.status, attempts: error.attempts };
        // A missing model fails every turn the same way; the model check says so once, with the fix.
        if (error.status === 404 && this.modelCheck) {
          this.modelCheck.reportNotFound(error.message);
          this.logger.debug(log);
        } else {
          this.logger.warn(log);
        }
        const language = languageOf(request);
        onToken(`${turn.spoke ? '\n\n' : ''}${dataOnlyNotice(language)}\n\n`);
      }
    }
    return { message: await this.streamOnce(this.offline, { ...request, onToken }), mode: 'offline-fallback' };
  }

  private turnState(turnId: string): TurnState {
    const now = this.now();
    for (const [id, state] of this.turns) {
      if (now - state.startedAt < TURN_STATE_TTL_MS && this.turns.size <= MAX_TRACKED_TURNS) break;
      this.turns.delete(id);
    }
    let state = this.turns.get(turnId);
    if (!state) {
      state = { startedAt: now, spoke: false, offline: false };
      this.turns.set(turnId, state);
    }
    return state;
  }
}

/** The turn's language, from the context block the agent puts in front of the user's message. */
function languageOf(request: ModelStreamRequest): 'en' | 'es' {
  return turnContextIn(request.messages)?.language ?? 'en';
}
