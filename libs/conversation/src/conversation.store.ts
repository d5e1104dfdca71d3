import type { ChatMessage, TrackedContext, UserPreferences } from './conversation.types.js';

/** Oldest messages beyond this many are trimmed from a session; the summary keeps their gist. */
export const MAX_STORED_MESSAGES = 500;

/** Preferences outlive any one session so they carry over to the user's next conversation. */
export const PREFERENCES_TTL_SECONDS = 30 * 24 * 3600;

/** A session as stored: without the owner's preferences (kept per user), plus folding bookkeeping. */
export interface SessionRecord {
  sessionId: string;
  ownerId: string;
  userId?: string;
  createdAt: string;
  updatedAt: string;
  summary?: string;
  context: TrackedContext;
  /** Messages ever appended; storage keeps only the last MAX_STORED_MESSAGES of them. */
  messageCount: number;
  /** How many messages, counted from the first, are already folded into `summary`. */
  foldedThrough: number;
}

/** What is not yet folded into the summary: the model window plus anything waiting to be folded. */
export interface UnfoldedTail {
  summary?: string;
  messageCount: number;
  foldedThrough: number;
  /** Retained messages after `foldedThrough`, oldest first. */
  messages: ChatMessage[];
}

/** A key set to `undefined` clears that field (back to its default). */
export type ContextPatch = Partial<TrackedContext>;
export type PreferencesPatch = Partial<UserPreferences>;

export interface CreateResult {
  record: SessionRecord;
  /** False when the session already existed (possibly owned by someone else). */
  created: boolean;
}

/** The Redis lock of a session taken together with the reads of a turn (see SessionLockService). */
export interface TurnLock {
  token: string;
  ttlMs: number;
}

/** A turn's opening: `busy` while another turn holds the lock, `denied` when the session is someone else's (nothing taken then). */
export type OpenTurnResult =
  | { status: 'busy' }
  | { status: 'denied' }
  | { status: 'opened'; record: SessionRecord; created: boolean; tail: UnfoldedTail; preferences: UserPreferences };

/** Everything a turn stores once it is answered, written in one step. */
export interface TurnWrite {
  sessionId: string;
  ownerId: string;
  /** Whose preferences the turn reads and refreshes (the verified user, else the owner). */
  preferencesSubject: string;
  messages: readonly ChatMessage[];
  contextPatch?: ContextPatch;
  /** A new summary, saved only if nobody folded since `expectedFoldedThrough`. */
  fold?: { expectedFoldedThrough: number; foldedThrough: number; summary: string };
  /** Merged into the preferences (an empty patch only refreshes their TTL); undefined leaves them alone. */
  preferences?: PreferencesPatch;
  /** The lock token taken by openTurn, released by this write. */
  lockToken?: string;
}

/**
 * Persistence of conversations. Implementations keep every key of a session alive for the session
 * TTL from its last activity, and apply each write (one turn, one patch) all-or-nothing.
 * Ownership is checked by ConversationService, not here.
 */
export abstract class ConversationStore {
  abstract readonly kind: 'redis' | 'memory';

  /** Creates the session unless it exists; when it exists and `record.ownerId` owns it, that counts as activity. */
  abstract createIfAbsent(record: SessionRecord): Promise<CreateResult>;

  abstract find(sessionId: string): Promise<SessionRecord | undefined>;

  /** Appends messages and applies a context patch as one unit; `undefined` when the session does not exist. */
  abstract append(sessionId: string, messages: readonly ChatMessage[], contextPatch?: ContextPatch): Promise<SessionRecord | undefined>;

  /** Refreshes the TTL of every key of the session and its place in the owner's list. */
  abstract touch(record: SessionRecord): Promise<void>;

  /** The last `limit` retained messages, oldest first. */
  abstract recentMessages(sessionId: string, limit: number): Promise<ChatMessage[]>;

  /** Every retained message, oldest first. */
  abstract retainedMessages(sessionId: string): Promise<ChatMessage[]>;

  abstract unfoldedTail(sessionId: string): Promise<UnfoldedTail | undefined>;

  /** Saves a new summary if nobody folded since `expectedFoldedThrough` was read; false otherwise. */
  abstract saveFold(sessionId: string, expectedFoldedThrough: number, foldedThrough: number, summary: string): Promise<boolean>;

  /** The owner's live sessions, most recently active first. */
  abstract listByActivity(ownerId: string, limit: number): Promise<SessionRecord[]>;

  abstract delete(record: SessionRecord): Promise<void>;

  /** Deletes every session of the owner, the owner's list and the preferences kept under the owner id; returns the sessions deleted. */
  abstract deleteOwner(ownerId: string): Promise<number>;

  /** Preferences of a user (defaults when none are stored); reading them counts as that user's activity. */
  abstract getPreferences(subject: string): Promise<UserPreferences>;

  abstract patchPreferences(subject: string, patch: PreferencesPatch): Promise<UserPreferences>;

  /**
   * The reads a chat turn starts with, in one step: takes the lock (when given and free), creates the
   * session unless it exists (an existing one must be `record.ownerId`'s), and returns it with its
   * unfolded tail and the preferences of `preferencesSubject`. Activity is refreshed by closeTurn.
   */
  abstract openTurn(record: SessionRecord, preferencesSubject: string, lock?: TurnLock): Promise<OpenTurnResult>;

  /**
   * The writes a chat turn ends with, in one step: the messages, context, summary, activity (the
   * session's TTLs and its place in the owner's list), preferences, and the lock's release.
   * False (and nothing written but the release) when the session no longer exists.
   */
  abstract closeTurn(write: TurnWrite): Promise<boolean>;
}
