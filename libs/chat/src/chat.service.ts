import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type Identity, TokenService } from '@app/auth';
import { currentCorrelation, isValidTimeZone, redactPii } from '@app/common';
import { conversationConfig, type ConversationConfig } from '@app/config';
import { type ChatMessage, ConversationService, type FunctionCallRecord, type OpenTurn, type PreferencesPatch, SessionBusyError, SessionLockService, type TurnLock, type UserPreferences } from '@app/conversation';
import { type AgentTurnResult, ConversationAgent } from '@app/llm';
import { MetricsService } from '@app/metrics';
import { CHATBET, GEN_AI, inSpan, setDefined } from '@app/telemetry';
import { randomBytes, randomUUID } from 'node:crypto';
import { MessageTooLongError } from './chat.errors.js';
import { FeedbackService } from './feedback.service.js';

/** Who is asking: a verified user, or an anonymous client that still owns its sessions (see resolveIdentity). */
export type ChatIdentity = Identity;

export interface ChatTurnRequest {
  message: string;
  identity: ChatIdentity;
  sessionId?: string;
  messageId?: string;
  timeZone?: string;
  signal?: AbortSignal;
}

/** The answer to one turn, in the REST API's field names. */
export interface ChatTurnResponse {
  message: string;
  session_id: string;
  message_id: string;
  reply_to: string;
  timestamp: string;
  response_time_ms: number;
  token_count: number;
  detected_intent: string;
  intent_confidence: number;
  entities: Record<string, unknown>;
  language: string;
  function_calls_made: FunctionCallRecord[];
  suggested_actions: string[];
  mode: AgentTurnResult['mode'];
  cancelled: boolean;
  /**
   * Only when the grounding guard changed the answer: `message` is then the corrected text (or the
   * model's rewrite), and this says which figures of the streamed text were wrong and what they are.
   */
  grounding?: AnswerCorrection;
  /**
   * Only on the answer that gave a caller without any identity a fresh anonymous owner: that owner
   * and its token (as from generate_token), needed to continue, read or delete the session.
   */
  user_id?: string;
  token?: string;
}

export interface AnswerCorrection {
  /** `annotated`: wrong figures replaced in place (or marked unverified); `rewritten`: the model wrote the answer again. */
  action: 'annotated' | 'rewritten';
  corrections: Array<{ kind: string; value: string; expected: string | null }>;
}

export type TokenListener = (delta: string, index: number) => void;

/**
 * One chat turn from question to stored answer: the session is opened (or checked to belong to the
 * caller), turns of a session run one at a time across instances, the agent answers (streaming
 * tokens to `onToken`), and the exchange is stored with what the conversation is now about.
 */
@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);

  constructor(
    private readonly conversations: ConversationService,
    private readonly locks: SessionLockService,
    private readonly agent: ConversationAgent,
    private readonly tokens: TokenService,
    private readonly feedback: FeedbackService,
    @Inject(conversationConfig.KEY) private readonly config: ConversationConfig,
    // Absent when the chat module is built on its own in tests.
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  newSessionId(): string {
    return `s_${randomBytes(12).toString('base64url')}`;
  }

  async turn(request: ChatTurnRequest, onToken?: TokenListener): Promise<ChatTurnResponse> {
    const started = performance.now();
    const trimmed = request.message.trim();
    if (trimmed.length === 0 || trimmed.length > this.config.maxMessageLength) {
      throw new MessageTooLongError(this.config.maxMessageLength, trimmed.length);
    }
    // What the model reads, what the history keeps and what a resume replays: e-mail, phone and
    // card numbers are never stored.
    const text = redactPii(trimmed);
    const sessionId = request.sessionId ?? this.newSessionId();
    const userMessageId = request.messageId ?? randomUUID();
    const { ownerId, userId } = request.identity;
    const correlation = currentCorrelation();
    const attributes = {
      [GEN_AI.OPERATION_NAME]: 'invoke_agent',
      [GEN_AI.AGENT_NAME]: 'chatbet',
      [GEN_AI.CONVERSATION_ID]: sessionId,
      [CHATBET.SESSION_ID]: sessionId,
      [CHATBET.MESSAGE_ID]: userMessageId,
      [CHATBET.REQUEST_ID]: correlation.requestId ?? correlation.turnId ?? userMessageId,
    };

    // The lock is taken with the turn's reads (one round trip), when Redis shares locks.
    let opened: OpenTurn | undefined;
    const take = async (lock: TurnLock) => {
      const turn = await this.conversations.openTurn(sessionId, ownerId, userId, lock);
      if (turn === 'busy') return false;
      opened = turn;
      return true;
    };
    // One span for the whole turn: the lock, the model calls, the tools and the store are its children.
    return inSpan('invoke_agent chatbet', { attributes }, (span) => this.locks.withSessionLock(sessionId, async (_signal, lease) => {
      // Without a shared lock (no Redis, or while it is away) the reads come here.
      const turn = opened ?? (await this.conversations.openTurn(sessionId, ownerId, userId));
      if (turn === 'busy') throw new SessionBusyError(sessionId);
      const { session, window } = turn;
      let index = 0;
      let firstTokenAt: number | undefined;
      const result = await this.agent.run(
        {
          sessionId,
          userId,
          message: text,
          history: window.messages.map((m) => ({ role: m.role, content: m.content })),
          summary: window.summary,
          context: session.context,
          timeZone: request.timeZone,
          languageHint: session.preferences.language,
          preferences: { favouriteTeams: session.preferences.favouriteTeams, timeZone: session.preferences.timeZone },
          signal: request.signal,
        },
        // Always listened to, even without a caller listening, so time to first token is measured for
        // whole-answer turns too; the agent streams either way.
        (delta) => {
          if (delta.length > 0) firstTokenAt ??= performance.now();
          onToken?.(delta, index++);
        },
      );
      const now = new Date().toISOString();
      const userMessage: ChatMessage = {
        id: userMessageId,
        role: 'user',
        content: text,
        timestamp: now,
        language: result.language,
        intent: result.intent,
        intentConfidence: result.intentConfidence,
        entities: result.entities,
      };
      const assistantMessage: ChatMessage = {
        // Rateable by its id alone (FeedbackService): nothing is written to make it so.
        id: this.feedback.newAnswerId(),
        role: 'assistant',
        content: result.content,
        timestamp: now,
        language: result.language,
        functionCalls: result.functionCalls,
        cancelled: result.cancelled || undefined,
        replyTo: userMessageId,
      };
      // The exchange, its context, summary, activity, preferences and the lock's release go in one write.
      await this.conversations.closeTurn(turn, userMessage, assistantMessage, {
        contextUpdate: result.contextUpdate,
        ...(request.identity.proof !== 'new' && { preferences: preferencesOf(result, session.preferences, request.timeZone) }),
        ...(lease.lock && { lockToken: lease.lock.token }),
      });
      lease.releasedByWrite();
      const credential = request.identity.proof === 'new' ? await this.tokens.issueAnonymous(ownerId) : undefined;
      const finished = performance.now();
      const responseTimeMs = Math.round(finished - started);
      this.metrics?.recordChatTurn({
        mode: result.mode,
        durationSeconds: (finished - started) / 1000,
        timeToFirstTokenSeconds: firstTokenAt === undefined ? undefined : (firstTokenAt - started) / 1000,
        inputTokens: result.tokenUsage.input,
        outputTokens: result.tokenUsage.output,
        toolCalls: result.functionCalls.map((call) => ({ tool: call.name, ok: call.ok })),
        ungroundedNumbers: result.grounding?.flags.map((flag) => flag.kind),
      });
      setDefined(span, {
        [GEN_AI.USAGE_INPUT_TOKENS]: result.tokenUsage.input,
        [GEN_AI.USAGE_OUTPUT_TOKENS]: result.tokenUsage.output,
        [CHATBET.LLM_MODE]: result.mode,
        [CHATBET.INTENT]: result.intent,
      });
      const correction = correctionOf(result);
      this.logger.log({
        msg: 'chat turn',
        sessionId,
        intent: result.intent,
        mode: result.mode,
        tools: result.functionCalls.map((c) => c.name),
        responseTimeMs,
        tokens: result.tokenUsage.total,
        ...(result.grounding && { numbersChecked: result.grounding.claims, ungroundedNumbers: result.grounding.flags.length }),
      });
      return {
        message: result.content,
        session_id: sessionId,
        message_id: assistantMessage.id,
        reply_to: userMessageId,
        timestamp: now,
        response_time_ms: responseTimeMs,
        token_count: result.tokenUsage.total,
        detected_intent: result.intent,
        intent_confidence: result.intentConfidence,
        entities: result.entities,
        language: result.language,
        function_calls_made: result.functionCalls,
        suggested_actions: result.suggestedActions,
        mode: result.mode,
        cancelled: result.cancelled,
        ...(correction && { grounding: correction }),
        ...(credential && { user_id: credential.user_id, token: credential.token }),
      };
    }, { take }));
  }

  async history(sessionId: string, identity: ChatIdentity, limit = 20) {
    const session = await this.conversations.get(sessionId, identity.ownerId);
    const messages = await this.conversations.history(sessionId, identity.ownerId, limit);
    return { session_id: sessionId, message_count: session.messageCount, count: messages.length, messages };
  }

  async deleteHistory(sessionId: string, identity: ChatIdentity) {
    await this.conversations.delete(sessionId, identity.ownerId);
    return { session_id: sessionId, deleted: true };
  }

  async conversationsOf(ownerId: string, limit = 20, sessionId?: string) {
    if (sessionId) {
      const session = await this.conversations.get(sessionId, ownerId);
      const messages = await this.conversations.history(sessionId, ownerId, limit);
      return { user_id: ownerId, count: 1, conversations: [{ ...describeSession(session), messages }] };
    }
    const sessions = await this.conversations.listForOwner(ownerId, limit);
    return { user_id: ownerId, count: sessions.length, conversations: sessions.map(describeSession) };
  }

  async deleteConversations(ownerId: string, sessionId?: string) {
    if (sessionId) {
      await this.conversations.delete(sessionId, ownerId);
      return { user_id: ownerId, deleted: 1 };
    }
    return { user_id: ownerId, deleted: await this.conversations.deleteAllForOwner(ownerId) };
  }
}

function correctionOf(result: AgentTurnResult): AnswerCorrection | undefined {
  const grounding = result.grounding;
  if (!grounding || grounding.action === 'none') return undefined;
  return {
    action: grounding.action,
    corrections: grounding.flags.map((flag) => ({ kind: flag.kind, value: flag.text, expected: flag.expected ?? null })),
  };
}

/**
 * What a user's turns reveal about them, carried to their next sessions: the language they write
 * in, and the stake they usually name.
 */
/**
 * What a user's turn reveals about them, carried to their next sessions: the language they write
 * in, the stake they usually name, the teams they support and the time zone they are in.
 */
export function preferencesOf(result: AgentTurnResult, known: UserPreferences, clientZone: string | undefined): PreferencesPatch {
  const stake = result.entities.amounts?.[0];
  const supports = result.entities.supports ?? [];
  return {
    language: result.language,
    ...(stake ? { usualStake: { value: stake.value, currency: stake.currency } } : {}),
    // The team declared last is "my team"; earlier ones stay behind it.
    ...(supports.length > 0 ? { favouriteTeams: [...new Set([...supports, ...known.favouriteTeams])] } : {}),
    ...rememberedZone(result.contextUpdate.timeZone, clientZone, known),
  };
}

/**
 * The zone to keep for the user's next sessions: one they state ("I'm in Mexico City") always; the
 * client's only while they have stated none.
 */
export function rememberedZone(stated: string | undefined, client: string | undefined, known: UserPreferences): Pick<UserPreferences, 'timeZone' | 'timeZoneSource'> {
  if (stated !== undefined && isValidTimeZone(stated)) return { timeZone: stated, timeZoneSource: 'stated' };
  if (client !== undefined && isValidTimeZone(client) && known.timeZoneSource !== 'stated') return { timeZone: client, timeZoneSource: 'client' };
  return {};
}

function describeSession(session: Awaited<ReturnType<ConversationService['get']>>) {
  return {
    session_id: session.sessionId,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
    message_count: session.messageCount,
    summary: session.summary ?? null,
    context: session.context,
  };
}
