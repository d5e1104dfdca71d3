import type { GroundingPolicy } from '@app/config';
import type { UngroundedNumber } from '@app/grounding';
import type { NluEntities } from '@app/nlu';
import type { FunctionCallRecord, Language, TrackedContext } from '../shared/conversation-types.js';

/**
 * Which engine answered: Gemini, the offline engine by configuration, the offline engine after
 * Gemini failed, the scripted model (LLM_PROVIDER=scripted, for measuring the service itself), or
 * no engine at all: the answer cache gave the answer to the same public question.
 */
export type AgentMode = 'gemini' | 'offline' | 'offline-fallback' | 'scripted' | 'answer-cache';

export interface AgentHistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface AgentTurnInput {
  sessionId: string;
  /** Verified identity from the authenticated connection; never read from the message. */
  userId?: string;
  message: string;
  /** Earlier exchanges inside the model window, oldest first. */
  history: AgentHistoryMessage[];
  /** Summary of exchanges older than the window. */
  summary?: string;
  context: TrackedContext;
  /** IANA time zone of the user (default UTC). */
  timeZone?: string;
  languageHint?: Language;
  /** What the user's earlier sessions told about them. */
  preferences?: AgentPreferences;
  signal?: AbortSignal;
}

/** The stored preferences a turn reads: the user's teams (newest first) and their usual time zone. */
export interface AgentPreferences {
  favouriteTeams?: readonly string[];
  /** Used when the request carries no time zone. */
  timeZone?: string;
}

export interface TokenUsage {
  input: number;
  output: number;
  total: number;
  /** True when at least one round had no usage report and was estimated from text length. */
  estimated?: boolean;
}

/**
 * The NLU entities as a plain object type (not an interface), so they can be stored wherever a
 * `Record<string, unknown>` is expected, such as a chat message's entities.
 */
export type TurnEntities = { [K in keyof NluEntities]: NluEntities[K] };

/** What the grounding guard found in a model answer (see docs/grounding.md). */
export interface TurnGrounding {
  policy: GroundingPolicy;
  /** Factual numbers the answer stated. */
  claims: number;
  /** Numbers of the streamed answer that no tool value of the turn backs. */
  flags: UngroundedNumber[];
  /**
   * `none`: the streamed text stands; `annotated`: the flagged numbers were replaced by the right
   * ones (or marked unverified); `rewritten`: the model wrote the answer again (strict policy).
   */
  action: 'none' | 'annotated' | 'rewritten';
}

export interface AgentTurnResult {
  /** The answer as stored: the streamed text, or its correction when the grounding guard made one. */
  content: string;
  intent: string;
  intentConfidence: number;
  entities: TurnEntities;
  language: Language;
  functionCalls: FunctionCallRecord[];
  /** 2–4 short follow-up prompts in the user's language. */
  suggestedActions: string[];
  tokenUsage: TokenUsage;
  /** What this turn was about, to merge into the tracked context. */
  contextUpdate: Partial<TrackedContext>;
  mode: AgentMode;
  cancelled: boolean;
  /** Present when the answer was checked (model-written answers, policy not off). */
  grounding?: TurnGrounding;
}
