import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AIMessage, type AIMessageChunk, type BaseMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import type { ToolCall } from '@langchain/core/messages/tool';
import { redactPii } from '@app/common';
import { CHATBET, GEN_AI, inSpan, recordFailure } from '@app/telemetry';
import { namingMyTeam, NluService } from '@app/nlu';
import type { FunctionCallRecord, Language, TrackedContext } from '../shared/conversation-types.js';
import { FORBIDDEN_PROMISES } from '../shared/responsible-gambling.js';
import { stripDelimiters } from '../shared/turn-context.js';
import { resolveTurnFocus } from '../shared/turn-focus.js';
import { localDay, safeTimeZone } from '../shared/zoned-time.js';
import { BettingToolsService } from '../tools/betting-tools.service.js';
import { toolRunConfig, type ToolContext } from '../tools/tool-context.js';
import type { AgentMode, AgentTurnInput, AgentTurnResult, TokenUsage, TurnGrounding } from './agent.types.js';
import { AnswerCache, isContextFree } from './answer-cache.js';
import { AnswerGrounding } from './answer-grounding.js';
import { ChatModelRunner, textOf } from './chat-model.runner.js';
import { contextUpdateFor, primaryMatch, primaryPick, type ExecutedCall } from './context-tracker.js';
import { PromptLeakGuard, promptLeakNotice } from './prompt-leak.guard.js';
import { suggestedActions } from './suggested-actions.js';
import { buildSystemPrompt, buildTurnData } from './system-prompt.js';

/** Tool rounds per turn; after the last one the model must answer without tools. */
export const MAX_TOOL_ROUNDS = 5;
const MAX_MESSAGE_CHARS = 4000;
// A safety cap: the window ChatService passes (MAX_CONVERSATION_HISTORY exchanges) is normally shorter.
const MAX_HISTORY_MESSAGES = 20;
const MAX_HISTORY_CHARS = 4000;
// Rough size of a token for estimates when a model reports no usage.
const CHARS_PER_TOKEN = 4;

/**
 * One conversational turn: understands the message, lets the model call the betting tools (up to
 * five rounds, calls of a round in parallel), streams the answer text as it is produced, and
 * reports what the turn was about so the next one can follow up.
 */
@Injectable()
export class ConversationAgent {
  private readonly logger = new Logger(ConversationAgent.name);

  constructor(
    private readonly nlu: NluService,
    private readonly tools: BettingToolsService,
    private readonly runner: ChatModelRunner,
    private readonly grounding: AnswerGrounding,
    // Absent when the agent is built without the app cache in tests: every turn then runs the model.
    @Optional() private readonly answers?: AnswerCache,
  ) {}

  async run(input: AgentTurnInput, onToken?: (delta: string) => void): Promise<AgentTurnResult> {
    // The client's zone, else the one the user's earlier sessions left.
    const clientZone = safeTimeZone(input.timeZone ?? input.preferences?.timeZone);
    // Personal data never reaches a model, Gemini or offline (ChatService stores the redacted text too),
    // and neither do our data delimiters typed by the user.
    const typed = stripDelimiters(redactPii(input.message)).slice(0, MAX_MESSAGE_CHARS);
    const now = new Date();
    const stored: TrackedContext = { ...input.context, lastTeams: Array.isArray(input.context?.lastTeams) ? input.context.lastTeams : [] };
    const sportHint = stored.lastSport;
    const analyze = (text: string) =>
      this.nlu.analyze(text, { timeZone: clientZone, now, ...(input.languageHint ? { languageHint: input.languageHint } : {}), ...(sportHint ? { sportHint } : {}) });
    const said = analyze(typed);
    // The user's teams, the ones declared now first ("I'm a Liverpool fan").
    const favouriteTeams = [...new Set([...(said.entities.supports ?? []), ...(input.preferences?.favouriteTeams ?? [])])];
    // "When does my team play?" is read, by either engine, as the question about the team they support.
    const message = said.entities.myTeam && favouriteTeams.length > 0 ? namingMyTeam(typed, favouriteTeams[0]) : typed;
    const nlu = message === typed ? said : analyze(message);
    // "No, I mean the basketball team": the last question again, about the clubs' sides in that sport.
    const context = nlu.entities.correctsSport && nlu.entities.sport && stored.lastTeams.length > 0 ? inSport(stored, nlu.entities.sport, (team, sport) => this.nlu.inSport(team, sport)) : stored;
    // Times follow the user: a city they name ("I'm in New York", "what time is that in London?"), then
    // the one they said they are in earlier, then the client's zone.
    const location = nlu.entities.location;
    const timeZone = safeTimeZone(location?.timeZone ?? context.timeZone ?? clientZone);
    const language: Language = nlu.language;
    const focus = resolveTurnFocus(nlu, context, message);
    const userId = input.userId?.trim() ? input.userId : undefined;
    const toolContext: ToolContext = { sessionId: input.sessionId, language, timeZone, ...(userId ? { userId } : {}), ...(favouriteTeams.length > 0 ? { favouriteTeams } : {}) };
    const signal = input.signal;
    const turnId = randomUUID();
    const cacheKey = this.answers?.keyFor({ focus, language, timeZone, localDay: localDay(now, timeZone), authenticated: userId !== undefined, mode: this.runner.mode, ...(location ? { location } : {}), contextFree: isContextFree(nlu, context, message, focus), favouriteTeams });
    const cached = cacheKey === undefined ? undefined : await this.answers?.get(cacheKey);
    if (cached !== undefined) return this.cachedTurn(cached, onToken);

    const systemPrompt = buildSystemPrompt();
    const turnData = buildTurnData({ language, timeZone, now, context, favouriteTeams, authenticated: userId !== undefined, summary: input.summary && redactPii(input.summary) });
    // The system message and the tool declarations are the same on every request (a cacheable
    // prefix); the turn's data rides in front of the user's message, in its own part.
    const latest = new HumanMessage({ content: [{ type: 'text', text: turnData }, { type: 'text', text: message }] });
    const messages: BaseMessage[] = [new SystemMessage(systemPrompt), ...this.history(input.history), latest];

    let content = '';
    const pass = (delta: string) => {
      if (delta.length === 0) return;
      content += delta;
      try {
        onToken?.(delta);
      } catch (error) {
        // A failing listener (a closed socket) must not end the turn; the result still carries the text.
        this.logger.warn({ msg: 'Token listener failed', sessionId: input.sessionId, err: String(error) });
      }
    };
    // Model text streams through a guard that stops an answer quoting the system instructions.
    const leakGuard = PromptLeakGuard.forSystemPrompt(systemPrompt);
    const emit = (delta: string) => pass(leakGuard.push(delta));
    const executed: ExecutedCall[] = [];
    const records: FunctionCallRecord[] = [];
    const usage: TokenUsage = { input: 0, output: 0, total: 0 };
    let mode: AgentMode = this.runner.mode;
    let cancelled = false;
    let rounds = 0;

    try {
      for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
        rounds = round + 1;
        signal?.throwIfAborted();
        const tools = round < MAX_TOOL_ROUNDS ? this.tools.tools : [];
        const response = await this.runner.streamResponse({ turnId, round, messages, tools, signal, onToken: emit });
        if (response.mode === 'offline-fallback' || mode !== 'offline-fallback') mode = response.mode;
        addUsage(usage, response.message, messages);
        const calls = response.message.tool_calls ?? [];
        if (calls.length === 0 || tools.length === 0) break;

        const withIds = calls.map((call) => ({ ...call, id: call.id ?? `call_${randomUUID().slice(0, 12)}` }));
        messages.push(asHistoryMessage(response.message, withIds));
        const results = await Promise.all(withIds.map((call) => this.execute(call, toolContext, signal)));
        results.forEach(({ record, outcome, output }, i) => {
          records.push(record);
          executed.push(outcome);
          messages.push(new ToolMessage({ content: output, tool_call_id: withIds[i].id, name: withIds[i].name }));
        });
      }
    } catch (error) {
      if (!signal?.aborted) throw error;
      cancelled = true;
    }

    pass(leakGuard.flush());
    if (leakGuard.leaked) {
      this.logger.warn({ msg: 'Answer quoted the system instructions; cut off', sessionId: input.sessionId, mode });
      pass(`${content.trim().length > 0 ? '\n\n' : ''}${promptLeakNotice(language)}`);
    }
    if (!cancelled && content.trim().length === 0) {
      pass(language === 'es' ? 'Perdona, no he podido preparar una respuesta. ¿Puedes reformular la pregunta?' : "Sorry, I couldn't put an answer together. Could you rephrase the question?");
    }
    // Only Gemini's answers are checked: the offline engine writes from the tool results (and its
    // answers pass the guard with no flag, see the grounding tests).
    let grounding: TurnGrounding | undefined;
    if (mode === 'gemini' && !cancelled && !leakGuard.leaked && this.grounding.enabled) {
      const grounded = await this.grounding.ground({
        sessionId: input.sessionId,
        turnId,
        round: rounds,
        messages,
        systemPrompt,
        content,
        executed,
        context,
        userMessage: message,
        timeZone,
        language,
        now,
        signal,
      });
      content = grounded.content;
      grounding = grounded.grounding;
      if (grounded.rewrite) addUsage(usage, grounded.rewrite, messages);
    }
    if (FORBIDDEN_PROMISES.some((re) => re.test(content))) {
      this.logger.warn({ msg: 'Answer contains a promise of winning', sessionId: input.sessionId, mode });
    }

    const match = primaryMatch(executed, focus);
    const result: AgentTurnResult = {
      content,
      intent: focus.intent,
      intentConfidence: nlu.confidence,
      // The entities as resolved for the turn: a follow-up's teams are the ones it was about.
      entities: { ...nlu.entities, teams: focus.teams.length > 0 ? [...focus.teams] : nlu.entities.teams },
      language,
      functionCalls: records,
      suggestedActions: suggestedActions({
        intent: focus.intent,
        language,
        match,
        teams: focus.teams,
        pick: primaryPick(executed),
        riskProfile: focus.riskProfile,
        authenticated: userId !== undefined,
        currency: focus.amount?.currency,
      }),
      tokenUsage: { ...usage, total: usage.input + usage.output },
      contextUpdate: cancelled ? {} : { ...(context === stored ? {} : context), ...contextUpdateFor(focus, executed), ...(location?.stays ? { timeZone: location.timeZone } : {}) },
      mode,
      cancelled,
      ...(grounding && { grounding }),
    };
    if (cacheKey !== undefined && mode === this.runner.mode && !leakGuard.leaked) await this.answers?.store(cacheKey, result, executed);
    return result;
  }

  /** A turn answered from the answer cache: no model and no tool ran, the text streams at once. */
  private cachedTurn(cached: Awaited<ReturnType<AnswerCache['get']>> & object, onToken?: (delta: string) => void): AgentTurnResult {
    try {
      onToken?.(cached.content);
    } catch (error) {
      this.logger.warn({ msg: 'Token listener failed', err: String(error) });
    }
    return { ...cached, functionCalls: [], tokenUsage: { input: 0, output: 0, total: 0 }, mode: 'answer-cache', cancelled: false };
  }

  private history(history: AgentTurnInput['history']): BaseMessage[] {
    return (Array.isArray(history) ? history : [])
      .filter((m) => (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string' && m.content.trim().length > 0)
      .slice(-MAX_HISTORY_MESSAGES)
      .map((m) => {
        const text = redactPii(stripDelimiters(m.content)).slice(0, MAX_HISTORY_CHARS);
        return m.role === 'user' ? new HumanMessage(text) : new AIMessage(text);
      });
  }

  /** Runs one tool call, traced as a GenAI `execute_tool` span; upstream calls and Redis commands are its children. */
  private execute(
    call: ToolCall & { id: string },
    context: ToolContext,
    signal: AbortSignal | undefined,
  ): Promise<{ record: FunctionCallRecord; outcome: ExecutedCall; output: string }> {
    const attributes = {
      [GEN_AI.OPERATION_NAME]: 'execute_tool',
      [GEN_AI.TOOL_NAME]: call.name,
      [GEN_AI.TOOL_CALL_ID]: call.id,
      [GEN_AI.TOOL_TYPE]: 'function',
    };
    return inSpan(`execute_tool ${call.name}`, { attributes }, async (span) => {
      const executed = await this.executeTool(call, context, signal);
      if (!executed.record.ok) {
        const code = typeof executed.outcome.result?.error === 'string' ? executed.outcome.result.error : 'TOOL_ERROR';
        span.setAttribute(CHATBET.TOOL_ERROR, code);
        recordFailure(span, new Error(executed.record.error ?? code), code);
      }
      return executed;
    });
  }

  private async executeTool(
    call: ToolCall & { id: string },
    context: ToolContext,
    signal: AbortSignal | undefined,
  ): Promise<{ record: FunctionCallRecord; outcome: ExecutedCall; output: string }> {
    const started = Date.now();
    const args = typeof call.args === 'object' && call.args !== null ? call.args : {};
    const tool = this.tools.get(call.name);
    let output: string;
    if (!tool) {
      output = JSON.stringify({ error: 'UNKNOWN_TOOL', message: `There is no tool named "${call.name}".` });
    } else {
      try {
        output = String(await tool.invoke(args, toolRunConfig(context, signal)));
      } catch (error) {
        if (signal?.aborted) throw error;
        // Arguments that fail the schema end here; the model gets the reason and can retry.
        output = JSON.stringify({ error: 'INVALID_ARGUMENTS', message: error instanceof Error ? error.message.slice(0, 300) : 'Invalid arguments' });
      }
    }
    const result = parseObject(output);
    const error = typeof result?.error === 'string' ? result.error : undefined;
    const record: FunctionCallRecord = { name: call.name, args, ok: error === undefined, durationMs: Date.now() - started };
    if (error) record.error = typeof result?.message === 'string' ? `${error}: ${result.message}`.slice(0, 300) : error;
    return { record, outcome: { name: call.name, args, result, ok: error === undefined }, output };
  }
}

/**
 * The context with its teams read as their sides in `sport`, and what was tied to the other sport's
 * match (its fixture, call and selection) let go, so the last question can be asked again.
 */
export function inSport(context: TrackedContext, sport: NonNullable<TrackedContext['lastSport']>, sideOf: (team: string, sport: NonNullable<TrackedContext['lastSport']>) => string): TrackedContext {
  const { lastFixtureId: _fixture, lastCall: _call, lastSelection: _selection, ...rest } = context;
  return {
    ...rest,
    lastTeams: context.lastTeams.map((team) => sideOf(team, sport)),
    ...(context.lastPick ? { lastPick: sideOf(context.lastPick, sport) } : {}),
    lastSport: sport,
  };
}

function asHistoryMessage(message: AIMessageChunk, calls: Array<ToolCall & { id: string }>): AIMessage {
  return new AIMessage({
    content: message.content,
    tool_calls: calls,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
    ...(message.id ? { id: message.id } : {}),
  });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function addUsage(usage: TokenUsage, response: AIMessageChunk, prompt: readonly BaseMessage[]): void {
  const reported = response.usage_metadata;
  if (reported && (reported.input_tokens > 0 || reported.output_tokens > 0)) {
    usage.input += reported.input_tokens;
    usage.output += reported.output_tokens;
    return;
  }
  const promptChars = prompt.reduce((sum, m) => sum + textOf(m.content).length + JSON.stringify((m as AIMessage).tool_calls ?? []).length - 2, 0);
  const outputChars = textOf(response.content).length + (response.tool_calls?.length ? JSON.stringify(response.tool_calls).length : 0);
  usage.input += Math.ceil(promptChars / CHARS_PER_TOKEN);
  usage.output += Math.ceil(outputChars / CHARS_PER_TOKEN);
  usage.estimated = true;
}
