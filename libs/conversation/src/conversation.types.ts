/** The shapes of a stored conversation, shared by the memory store, the engine and the chat API. */

export type Language = 'en' | 'es';
export type ChatRole = 'user' | 'assistant';

export interface Amount {
  value: number;
  /** ISO 4217 code, or null when the user gave none. */
  currency: string | null;
}

export interface FunctionCallRecord {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  durationMs: number;
  /** Short error text when `ok` is false. */
  error?: string;
}

export interface ChatMessage {
  id: string;
  role: ChatRole;
  content: string;
  /** ISO-8601. */
  timestamp: string;
  language?: Language;
  intent?: string;
  intentConfidence?: number;
  entities?: Record<string, unknown>;
  functionCalls?: FunctionCallRecord[];
  /** True when the answer was stopped before it was complete. */
  cancelled?: boolean;
  /** For an assistant message: the id of the user message it answers. */
  replyTo?: string;
}

/** What the conversation is about, so follow-ups ("And the odds?", "¿Y el Barcelona?") resolve. */
export interface TrackedContext {
  lastTeams: string[];
  lastTournament?: string;
  lastFixtureId?: string;
  lastMarket?: string;
  lastOutcome?: 'home' | 'draw' | 'away';
  /** The team the user picked ("€20 on Chelsea"). */
  lastPick?: string;
  lastAmount?: Amount;
  lastIntent?: string;
  lastDates?: { from: string; to: string };
  /**
   * The data call behind the last answer ("show me more" pages it, "why those?" explains it, "put
   * 10 on it" bets on it).
   */
  lastCall?: { name: string; args: Record<string, unknown> };
  /** The time zone of the city the user said they are in ("I'm in New York"); wins over the client's. */
  timeZone?: string;
  /** The sport the conversation is in: a club named without a sport word is read in it. */
  lastSport?: 'football' | 'basketball';
  /** The selection last priced or asked about ("over 2.5", "the draw"), for "put 10 on it". */
  lastSelection?: { selection: string; market?: string; line?: number };
}

export interface UserPreferences {
  /** Teams the user said they support, newest first ("my team" is the first). */
  favouriteTeams: string[];
  usualStake?: Amount;
  language?: Language;
  oddsFormat: 'decimal' | 'fractional' | 'american';
  /** IANA zone used when a request carries none. */
  timeZone?: string;
  /**
   * `stated`: the user named the city or zone they are in; a client's zone does not replace it.
   * `client`: the zone a client last sent.
   */
  timeZoneSource?: 'stated' | 'client';
}

export interface ConversationSession {
  sessionId: string;
  /** The verified user id, or an anonymous client id; only the owner may read or delete it. */
  ownerId: string;
  userId?: string;
  createdAt: string;
  updatedAt: string;
  /** Running summary of exchanges older than the model window. */
  summary?: string;
  context: TrackedContext;
  preferences: UserPreferences;
  messageCount: number;
}

export const EMPTY_CONTEXT: TrackedContext = { lastTeams: [] };
export const DEFAULT_PREFERENCES: UserPreferences = { favouriteTeams: [], oddsFormat: 'decimal' };
