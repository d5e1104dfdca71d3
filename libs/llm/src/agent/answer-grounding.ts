import { Inject, Injectable, Logger } from '@nestjs/common';
import { AIMessage, type AIMessageChunk, type BaseMessage, HumanMessage } from '@langchain/core/messages';
import { groundingConfig, type GroundingConfig } from '@app/config';
import { checkGrounding, correctedText, GroundedValues, rewriteRequest, type GroundingReport } from '@app/grounding';
import type { Language, TrackedContext } from '../shared/conversation-types.js';
import type { TurnGrounding } from './agent.types.js';
import { ChatModelRunner } from './chat-model.runner.js';
import type { ExecutedCall } from './context-tracker.js';
import { PromptLeakGuard } from './prompt-leak.guard.js';

export interface GroundingTurn {
  sessionId: string;
  turnId: string;
  /** The round number the rewrite request runs as (the one after the turn's last). */
  round: number;
  /** The rounds of the turn as the model saw them (system prompt, history, tool calls and results). */
  messages: readonly BaseMessage[];
  systemPrompt: string;
  /** The answer as streamed. */
  content: string;
  executed: readonly ExecutedCall[];
  context: TrackedContext;
  userMessage: string;
  timeZone: string;
  language: Language;
  now: Date;
  signal?: AbortSignal;
}

export interface GroundedAnswer {
  /** What is stored and sent as the final answer. */
  content: string;
  grounding: TurnGrounding;
  /** The rewrite request's response (strict policy), for the turn's token usage. */
  rewrite?: AIMessageChunk;
}

/**
 * The grounding guard applied to a model's answer once it has streamed: every factual number is
 * checked against the turn's tool results and tracked context (@app/grounding). A grounded answer
 * stands. Otherwise, by GROUNDING_POLICY: `annotate` replaces each wrong figure with the right one
 * (or marks it unverified); `strict` asks the model once to rewrite the answer with the tool values,
 * checks the rewrite, and annotates whatever is still wrong (or falls back to annotating the first
 * answer when the rewrite fails).
 */
@Injectable()
export class AnswerGrounding {
  private readonly logger = new Logger(AnswerGrounding.name);

  constructor(
    private readonly runner: ChatModelRunner,
    @Inject(groundingConfig.KEY) private readonly config: GroundingConfig,
  ) {}

  get enabled(): boolean {
    return this.config.policy !== 'off';
  }

  async ground(turn: GroundingTurn): Promise<GroundedAnswer> {
    const policy = this.config.policy;
    const values = GroundedValues.collect({
      tools: turn.executed.map((call) => ({ name: call.name, args: call.args, result: call.result })),
      context: turn.context,
      userText: turn.userMessage,
      timeZone: turn.timeZone,
      now: turn.now,
    });
    const report = checkGrounding(turn.content, values, turn.language);
    const grounding: TurnGrounding = { policy, claims: report.claims, flags: report.flags, action: 'none' };
    if (report.flags.length === 0) return { content: turn.content, grounding };

    let answer: GroundedAnswer = { content: correctedText(turn.content, report.flags), grounding: { ...grounding, action: 'annotated' } };
    if (policy === 'strict') answer = (await this.rewrite(turn, values, report)) ?? answer;
    this.logger.warn({
      msg: 'Answer quoted numbers the tools did not produce',
      sessionId: turn.sessionId,
      policy,
      action: answer.grounding.action,
      claims: report.claims,
      ungrounded: report.flags.map((f) => ({ kind: f.kind, text: f.text, expected: f.expected ?? null })),
    });
    return answer;
  }

  /** One rewrite by the model; undefined when it could not be had (the first answer is annotated instead). */
  private async rewrite(turn: GroundingTurn, values: GroundedValues, report: GroundingReport): Promise<GroundedAnswer | undefined> {
    let text = '';
    try {
      const response = await this.runner.streamResponse({
        turnId: turn.turnId,
        round: turn.round,
        messages: [...turn.messages, new AIMessage(turn.content), new HumanMessage(rewriteRequest(report.flags))],
        tools: [],
        signal: turn.signal,
        onToken: (delta) => {
          text += delta;
        },
      });
      // A rewrite by the offline engine (Gemini failed meanwhile) would answer the request itself.
      if (response.mode !== 'gemini' || text.trim().length === 0) return undefined;
      const leakGuard = PromptLeakGuard.forSystemPrompt(turn.systemPrompt);
      leakGuard.push(text);
      leakGuard.flush();
      if (leakGuard.leaked) return undefined;
      const again = checkGrounding(text, values, turn.language);
      const content = again.flags.length > 0 ? correctedText(text, again.flags) : text;
      return { content, grounding: { policy: 'strict', claims: report.claims, flags: report.flags, action: 'rewritten' }, rewrite: response.message };
    } catch (error) {
      this.logger.warn({ msg: 'Rewrite of an ungrounded answer failed; annotating it instead', sessionId: turn.sessionId, err: String(error) });
      return undefined;
    }
  }
}
