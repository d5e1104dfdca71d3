import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isValidTimeZone } from '@app/common';
import { conversationConfig, type ConversationConfig } from '@app/config';
import { InvalidPreferencesError, SessionAccessDeniedError, SessionNotFoundError } from './conversation.errors.js';
import {
  ConversationStore,
  MAX_STORED_MESSAGES,
  type ContextPatch,
  type PreferencesPatch,
  type SessionRecord,
  type TurnBase,
  type TurnLock,
  type TurnWrite,
} from './conversation.store.js';
import type { ChatMessage, ConversationSession, TrackedContext, UserPreferences } from './conversation.types.js';
import { foldIntoSummary, planModelWindow } from './exchange-summary.js';
import { assertSafeId } from './safe-id.js';

/** A message to store; the id and timestamp are assigned when missing. */
export type NewChatMessage = Omit<ChatMessage, 'id' | 'timestamp'> & { id?: string; timestamp?: string };

export interface AppendResult {
  /** The messages as stored, with their ids and timestamps. */
  messages: ChatMessage[];
  messageCount: number;
  context: TrackedContext;
}

/** What the model is given: the last MAX_CONVERSATION_HISTORY exchanges and the gist of the rest. */
export interface ModelWindow {
  summary?: string;
  messages: ChatMessage[];
}

/** A chat turn's view of its session, from openTurn to closeTurn. */
export interface OpenTurn {
  session: ConversationSession;
  window: ModelWindow;
  /** Where the stored fold stands, and the fold the window above implies (saved with the turn). */
  readonly fold: { stored: number; summary?: string; foldedThrough: number };
  /** The store's own record of what it read, for closeTurn. */
  readonly base?: TurnBase;
}

export interface CloseTurnOptions {
  contextUpdate?: ContextPatch;
  /** What the turn revealed about the user's preferences; undefined leaves them (and their TTL) alone. */
  preferences?: PreferencesPatch;
  /** The lock token openTurn took; the write releases it. */
  lockToken?: string;
}

const MAX_LIST_LIMIT = 100;
const MAX_FAVOURITE_TEAMS = 20;
const ODDS_FORMATS: ReadonlyArray<UserPreferences['oddsFormat']> = ['decimal', 'fractional', 'american'];
const LANGUAGES = ['en', 'es'];

/**
 * Conversation memory for the chat layer: sessions with an owner, their messages, the context that
 * lets follow-ups resolve, per-user preferences, and the window of history given to the model.
 * Reading or deleting a session requires its owner id; writing a turn does not, because the chat
 * layer only writes to a session it has already opened with getOrCreate.
 */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger(ConversationService.name);

  constructor(
    private readonly store: ConversationStore,
    @Inject(conversationConfig.KEY) private readonly config: ConversationConfig,
  ) {}

  /** Opens a session, creating it on first use; throws SessionAccessDeniedError when someone else owns the id. */
  async getOrCreate(sessionId: string, ownerId: string, userId?: string): Promise<ConversationSession> {
    const { record, created } = await this.store.createIfAbsent(newSessionRecord(sessionId, ownerId, userId));
    if (record.ownerId !== ownerId) throw new SessionAccessDeniedError(sessionId);
    if (created) this.logger.debug(`session ${sessionId} created`);
    return this.toSession(record);
  }

  /** The session if `ownerId` owns it: SessionNotFoundError (404) or SessionAccessDeniedError (403) otherwise. */
  async get(sessionId: string, ownerId: string): Promise<ConversationSession> {
    return this.toSession(await this.owned(sessionId, ownerId, true));
  }

  /** Stores one turn (user message and its answer) and the context it established, all or nothing. */
  async appendExchange(sessionId: string, userMessage: NewChatMessage, assistantMessage: NewChatMessage, contextUpdate?: ContextPatch): Promise<AppendResult> {
    if (userMessage.role !== 'user' || assistantMessage.role !== 'assistant') {
      throw new Error('appendExchange takes a user message and then an assistant message');
    }
    const now = new Date().toISOString();
    const user = completeMessage(userMessage, now);
    const assistant = completeMessage({ replyTo: user.id, ...assistantMessage }, now);
    return this.append(sessionId, [user, assistant], contextUpdate);
  }

  /** Stores a single message (a greeting, or a user message whose answer comes later). */
  async appendMessage(sessionId: string, message: NewChatMessage, contextUpdate?: ContextPatch): Promise<AppendResult> {
    return this.append(sessionId, [completeMessage(message, new Date().toISOString())], contextUpdate);
  }

  /**
   * Messages of the session, oldest first: the last `limit`, or, with `afterMessageId`, the first
   * `limit` after that message, so a reconnecting client can page forward from what it has seen.
   * An id no longer retained (or never seen) gives the last `limit` messages.
   */
  async history(sessionId: string, ownerId: string, limit = 20, afterMessageId?: string): Promise<ChatMessage[]> {
    await this.owned(sessionId, ownerId, true);
    const count = clamp(limit, 0, MAX_STORED_MESSAGES);
    if (count === 0) return [];
    if (afterMessageId === undefined) return this.store.recentMessages(sessionId, count);
    const messages = await this.store.retainedMessages(sessionId);
    const index = messages.findIndex((message) => message.id === afterMessageId);
    return index < 0 ? messages.slice(-count) : messages.slice(index + 1, index + 1 + count);
  }

  /** The owner's sessions, most recently active first. */
  async listForOwner(ownerId: string, limit = 20): Promise<ConversationSession[]> {
    assertSafeId(ownerId, 'ownerId');
    const records = await this.store.listByActivity(ownerId, clamp(limit, 1, MAX_LIST_LIMIT));
    const preferences = new Map<string, Promise<UserPreferences>>();
    return Promise.all(
      records.map(async (record) => {
        const subject = preferencesSubject(record);
        if (!preferences.has(subject)) preferences.set(subject, this.store.getPreferences(subject));
        return toSession(record, structuredClone(await preferences.get(subject)!));
      }),
    );
  }

  /** Deletes the session and all its messages; only its owner may. */
  async delete(sessionId: string, ownerId: string): Promise<void> {
    await this.store.delete(await this.owned(sessionId, ownerId, false));
    this.logger.debug(`session ${sessionId} deleted by its owner`);
  }

  /** Deletes every session of the owner and the preferences kept under the owner id; returns how many sessions went. */
  async deleteAllForOwner(ownerId: string): Promise<number> {
    assertSafeId(ownerId, 'ownerId');
    return this.store.deleteOwner(ownerId);
  }

  /** Applies a context patch (a key set to `undefined` clears it) and returns the resulting context. */
  async updateContext(sessionId: string, patch: ContextPatch): Promise<TrackedContext> {
    assertSafeId(sessionId, 'sessionId');
    const record = await this.store.append(sessionId, [], patch);
    if (!record) throw new SessionNotFoundError(sessionId);
    return record.context;
  }

  async getPreferences(userId: string): Promise<UserPreferences> {
    assertSafeId(userId, 'userId');
    return this.store.getPreferences(userId);
  }

  /** Merges `patch` into the user's preferences (a key set to `undefined` resets it) and returns the result. */
  async updatePreferences(userId: string, patch: PreferencesPatch): Promise<UserPreferences> {
    assertSafeId(userId, 'userId');
    return this.store.patchPreferences(userId, validatePreferences(patch));
  }

  /**
   * The last MAX_CONVERSATION_HISTORY exchanges and a summary of everything older. Exchanges that
   * have just left the window are folded into the stored summary here, once.
   */
  async modelWindow(sessionId: string): Promise<ModelWindow> {
    assertSafeId(sessionId, 'sessionId');
    const tail = await this.store.unfoldedTail(sessionId);
    if (!tail) throw new SessionNotFoundError(sessionId);
    const lostMessages = tail.messageCount - tail.foldedThrough - tail.messages.length;
    const plan = planModelWindow(tail.messages, this.config.maxHistory);
    if (plan.folded.length === 0 && lostMessages <= 0) {
      return { ...(tail.summary && { summary: tail.summary }), messages: tail.messages };
    }
    const summary = foldIntoSummary(tail.summary, plan.folded, { lostMessages: Math.max(0, lostMessages) });
    const foldedThrough = tail.foldedThrough + Math.max(0, lostMessages) + plan.foldedMessages;
    // When another instance folded first it folded the same exchanges into the same summary.
    await this.store.saveFold(sessionId, tail.foldedThrough, foldedThrough, summary);
    return { summary, messages: plan.window };
  }

  /**
   * Opens a chat turn in one step: takes the session's lock when `lock` is given ('busy' while
   * another turn holds it), opens or creates the session (SessionAccessDeniedError when someone else
   * owns it), and reads its model window and the owner's preferences.
   */
  async openTurn(sessionId: string, ownerId: string, userId?: string, lock?: TurnLock): Promise<OpenTurn | 'busy'> {
    const record = newSessionRecord(sessionId, ownerId, userId);
    const opened = await this.store.openTurn(record, preferencesSubject(record), lock);
    if (opened.status === 'busy') return 'busy';
    if (opened.status === 'denied' || opened.record.ownerId !== ownerId) throw new SessionAccessDeniedError(sessionId);
    if (opened.created) this.logger.debug(`session ${sessionId} created`);
    const { tail } = opened;
    // As modelWindow: exchanges that left the window are folded; the fold is saved with the turn.
    const lostMessages = Math.max(0, tail.messageCount - tail.foldedThrough - tail.messages.length);
    const plan = planModelWindow(tail.messages, this.config.maxHistory);
    const folds = plan.folded.length > 0 || lostMessages > 0;
    const summary = folds ? foldIntoSummary(tail.summary, plan.folded, { lostMessages }) : tail.summary;
    const window: ModelWindow = { ...(summary && { summary }), messages: folds ? plan.window : tail.messages };
    return {
      session: toSession(opened.record, opened.preferences),
      window,
      fold: { stored: tail.foldedThrough, summary, foldedThrough: folds ? tail.foldedThrough + lostMessages + plan.foldedMessages : tail.foldedThrough },
      ...(opened.base && { base: opened.base }),
    };
  }

  /**
   * Stores the turn opened by openTurn in one step: the user message and its answer, the context
   * they established, the summary of exchanges that left the window, the session's activity, the
   * preferences, and the release of the lock. SessionNotFoundError when the session went meanwhile.
   */
  async closeTurn(turn: OpenTurn, userMessage: NewChatMessage, assistantMessage: NewChatMessage, options: CloseTurnOptions = {}): Promise<void> {
    if (userMessage.role !== 'user' || assistantMessage.role !== 'assistant') {
      throw new Error('closeTurn takes a user message and then an assistant message');
    }
    const { session } = turn;
    const now = new Date().toISOString();
    const user = completeMessage(userMessage, now);
    const assistant = completeMessage({ replyTo: user.id, ...assistantMessage }, now);
    // The exchange is stored even when the preferences it suggests are refused; the refusal is thrown after.
    let preferences: PreferencesPatch | undefined;
    let refused: unknown;
    try {
      preferences = options.preferences && this.unchangedOrValid(session.preferences, options.preferences);
    } catch (error) {
      refused = error;
    }
    // The same folds as modelWindow right after appending would make: the window's, then the new exchange's.
    const plan = planModelWindow([...turn.window.messages, user, assistant], this.config.maxHistory);
    const summary = plan.folded.length > 0 ? foldIntoSummary(turn.fold.summary, plan.folded) : turn.fold.summary;
    const foldedThrough = turn.fold.foldedThrough + plan.foldedMessages;
    const write: TurnWrite = {
      sessionId: session.sessionId,
      ownerId: session.ownerId,
      preferencesSubject: session.userId ?? session.ownerId,
      messages: [user, assistant],
      ...(options.contextUpdate && { contextPatch: options.contextUpdate }),
      ...(foldedThrough !== turn.fold.stored && { fold: { expectedFoldedThrough: turn.fold.stored, foldedThrough, summary: summary ?? '' } }),
      ...(preferences && { preferences }),
      ...(options.lockToken !== undefined && { lockToken: options.lockToken }),
      ...(turn.base && { base: turn.base }),
    };
    if (!(await this.store.closeTurn(write))) throw new SessionNotFoundError(session.sessionId);
    if (refused) throw refused;
  }

  /** A validated patch, emptied of what the stored preferences already say (an empty patch still refreshes their TTL). */
  private unchangedOrValid(current: UserPreferences, patch: PreferencesPatch): PreferencesPatch {
    const valid = validatePreferences(patch);
    const changed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(valid)) {
      if (JSON.stringify(value) !== JSON.stringify((current as unknown as Record<string, unknown>)[field])) changed[field] = value;
    }
    return changed as PreferencesPatch;
  }

  private async append(sessionId: string, messages: ChatMessage[], contextUpdate?: ContextPatch): Promise<AppendResult> {
    assertSafeId(sessionId, 'sessionId');
    const record = await this.store.append(sessionId, messages, contextUpdate);
    if (!record) throw new SessionNotFoundError(sessionId);
    // Folding right away keeps the stored tail short; if it fails, the next window read folds instead.
    await this.modelWindow(sessionId).catch((error: unknown) => {
      this.logger.warn(`could not fold the summary of session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { messages, messageCount: record.messageCount, context: record.context };
  }

  /** Loads a session its owner asked for; reading counts as activity only for the owner. */
  private async owned(sessionId: string, ownerId: string, touch: boolean): Promise<SessionRecord> {
    assertSafeId(sessionId, 'sessionId');
    assertSafeId(ownerId, 'ownerId');
    const record = await this.store.find(sessionId);
    if (!record) throw new SessionNotFoundError(sessionId);
    if (record.ownerId !== ownerId) throw new SessionAccessDeniedError(sessionId);
    if (touch) await this.store.touch(record);
    return record;
  }

  private async toSession(record: SessionRecord): Promise<ConversationSession> {
    return toSession(record, await this.store.getPreferences(preferencesSubject(record)));
  }
}

/** Preferences belong to the verified user when there is one, else to the anonymous owner. */
function preferencesSubject(record: SessionRecord): string {
  return record.userId ?? record.ownerId;
}

function toSession(record: SessionRecord, preferences: UserPreferences): ConversationSession {
  const { foldedThrough: _folded, ...session } = record;
  return { ...session, preferences };
}

function completeMessage(message: NewChatMessage, now: string): ChatMessage {
  return { ...message, id: message.id ?? randomUUID(), timestamp: message.timestamp ?? now };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

/** Preferences often come from what a user typed, so they are checked here rather than trusted. */
function validatePreferences(patch: PreferencesPatch): PreferencesPatch {
  const result: PreferencesPatch = { ...patch };
  if (patch.oddsFormat !== undefined && !ODDS_FORMATS.includes(patch.oddsFormat)) {
    throw new InvalidPreferencesError(`oddsFormat must be one of ${ODDS_FORMATS.join(', ')}`);
  }
  if (patch.language !== undefined && !LANGUAGES.includes(patch.language)) {
    throw new InvalidPreferencesError(`language must be one of ${LANGUAGES.join(', ')}`);
  }
  if (patch.usualStake !== undefined) {
    const { value, currency } = patch.usualStake;
    if (!Number.isFinite(value) || value <= 0) throw new InvalidPreferencesError('usualStake.value must be a positive number');
    if (currency !== null && !/^[A-Z]{3}$/.test(currency)) throw new InvalidPreferencesError('usualStake.currency must be an ISO 4217 code or null');
  }
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
    throw new InvalidPreferencesError('timeZone must be an IANA zone such as Europe/Madrid');
  }
  if (patch.timeZoneSource !== undefined && !['stated', 'client'].includes(patch.timeZoneSource)) {
    throw new InvalidPreferencesError('timeZoneSource must be stated or client');
  }
  if (patch.favouriteTeams !== undefined) {
    if (!Array.isArray(patch.favouriteTeams) || patch.favouriteTeams.some((team) => typeof team !== 'string')) {
      throw new InvalidPreferencesError('favouriteTeams must be a list of team names');
    }
    const seen = new Set<string>();
    result.favouriteTeams = patch.favouriteTeams
      .map((team) => team.trim().slice(0, 80))
      .filter((team) => team !== '' && !seen.has(team.toLowerCase()) && seen.add(team.toLowerCase()))
      .slice(0, MAX_FAVOURITE_TEAMS);
  }
  return result;
}

/** A new, empty session of `ownerId`, its ids checked: what a first turn creates when none exists yet. */
function newSessionRecord(sessionId: string, ownerId: string, userId?: string): SessionRecord {
  assertSafeId(sessionId, 'sessionId');
  assertSafeId(ownerId, 'ownerId');
  if (userId !== undefined) assertSafeId(userId, 'userId');
  const now = new Date().toISOString();
  return {
    sessionId,
    ownerId,
    ...(userId !== undefined && { userId }),
    createdAt: now,
    updatedAt: now,
    context: { lastTeams: [] },
    messageCount: 0,
    foldedThrough: 0,
  };
}
