import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppCacheService, LocalTextCache } from '@app/cache';
import { conversationConfig, type CacheResourceName, type ConversationConfig } from '@app/config';
import type { Intent, NluResult } from '@app/nlu';
import { SportsDataService } from '@app/sports-data';
import type { Language, TrackedContext } from '../shared/conversation-types.js';
import { DATA_INTENTS, resolveTurnFocus, type TurnFocus } from '../shared/turn-focus.js';
import type { AgentMode, AgentTurnResult } from './agent.types.js';
import type { ExecutedCall } from './context-tracker.js';

/** Bumped when the shape or wording of stored answers changes, so older entries are never served. */
const ANSWER_FORMAT_VERSION = 3;
/** Answers that read no data (what the assistant can do) are still rewritten now and then. */
const NO_DATA_TTL_MS = 60 * 60 * 1000;
/** Answers kept in the process as well, in front of the shared cache: the most recent ones, bounded in number and length. */
const LOCAL_ANSWERS = 1_000;
const LOCAL_ANSWERS_TOTAL_LENGTH = 8 * 2 ** 20;

/** Intents whose answer can be public; anything about the user's own account never is. */
const PUBLIC_INTENTS: ReadonlySet<Intent> = new Set<Intent>([...DATA_INTENTS, 'GREETING', 'HELP_REQUEST']);

/** Tools over public data only, with the cache resource whose TTL bounds an answer built on them. */
const PUBLIC_TOOLS: Readonly<Record<string, CacheResourceName>> = {
  search_fixtures: 'fixtures',
  list_tournaments: 'tournaments',
  get_match_odds: 'odds',
  compare_teams: 'odds',
  predict_match: 'odds',
  match_verdict: 'odds',
  recommend_bets: 'odds',
  simulate_bet: 'odds',
};

/** What a turn is, for the answer cache: enough to tell two questions with different answers apart. */
export interface AnswerKeyInput {
  focus: TurnFocus;
  language: Language;
  timeZone: string;
  /** The user's calendar day in `timeZone`: "today" and "tomorrow" mean other days tomorrow. */
  localDay: string;
  authenticated: boolean;
  mode: AgentMode;
  /** A city named in the message: whether the user says they are there changes the context the turn leaves. */
  location?: { timeZone: string; stays: boolean };
  /** See `isContextFree`. */
  contextFree: boolean;
  /** The user's teams: broad lists lead with their matches, so they are part of the answer. */
  favouriteTeams?: readonly string[];
}

/** A stored answer: what the turn said and what it leaves in the conversation context. */
type CachedAnswer = Pick<AgentTurnResult, 'content' | 'intent' | 'intentConfidence' | 'entities' | 'language' | 'suggestedActions' | 'contextUpdate'>;
/** As stored: with the time (epoch ms) the shared copy expires, so a copy kept in a process never outlives it. */
type StoredAnswer = CachedAnswer & { expiresAt: number };

/**
 * Answers to context-free questions over public data ("Which tournaments are active?", "Odds for
 * Arsenal vs Chelsea?", "What can you do?"), shared by every user, so that a repeated question
 * costs no model and no upstream call. Stored in the app cache (Redis when configured, else in
 * memory), keyed by intent, the turn's resolved entities, language, time zone and day, and the data
 * version (source and answer format). An answer lives no longer than what is left of the TTL of the
 * data it was built on (`validUntil` of the tool results).
 *
 * Never cached: follow-ups and anything else read from the conversation context, the user's own
 * data (balance, bets, proposals: by intent before the turn and by the tools that actually ran after
 * it), answers built on stale or failed data, and cut-off answers. An answer lives no longer than
 * the shortest TTL of the data it read (odds: the odds TTL).
 */
@Injectable()
export class AnswerCache {
  private readonly logger = new Logger(AnswerCache.name);
  /**
   * The answers this process wrote or last read, as their JSON, until the shared copy expires: a
   * repeated question is then answered without a round trip to the store before its first token.
   * Parsed on every read, so no two turns share an object.
   */
  private readonly local = new LocalTextCache(LOCAL_ANSWERS, LOCAL_ANSWERS_TOTAL_LENGTH);

  constructor(
    private readonly cache: AppCacheService,
    private readonly sportsData: SportsDataService,
    @Inject(conversationConfig.KEY) private readonly config: ConversationConfig,
  ) {}

  /** The key of a turn that may be answered from the cache, or undefined when it may not. */
  keyFor(input: AnswerKeyInput): string | undefined {
    const { focus } = input;
    if (!this.config.answerCache || !input.contextFree || !PUBLIC_INTENTS.has(focus.intent)) return undefined;
    if (focus.chasingLosses === true || focus.offTopic === true) return undefined;
    const parts = {
      v: ANSWER_FORMAT_VERSION,
      source: this.sportsData.source,
      mode: input.mode,
      intent: focus.intent,
      teams: focus.teams,
      tournament: focus.tournament,
      tournaments: focus.tournaments,
      dates: focus.dates,
      market: focus.market,
      outcome: focus.outcome,
      pick: focus.pick,
      amount: focus.amount,
      risk: focus.riskProfile,
      legs: focus.legs,
      ask: focus.ask,
      sport: focus.sport,
      unknown: focus.unknownTeams,
      certainty: focus.certainty,
      selection: focus.selection,
      supports: focus.supports,
      myTeam: focus.myTeam,
      favourites: input.favouriteTeams !== undefined && input.favouriteTeams.length > 0 ? input.favouriteTeams : undefined,
      language: input.language,
      timeZone: input.timeZone,
      location: input.location === undefined ? undefined : { zone: input.location.timeZone, stays: input.location.stays },
      day: input.localDay,
      authenticated: input.authenticated,
    };
    return `answer:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    // While Redis is away no answer is served, as when none is kept here.
    if (!this.cache.available) return undefined;
    const kept = this.local.get(key);
    if (kept !== undefined) return JSON.parse(kept.toString('utf8')) as CachedAnswer;
    const stored = await this.cache.get<StoredAnswer>(key);
    if (stored === undefined) return undefined;
    const { expiresAt, ...answer } = stored;
    if (typeof expiresAt === 'number') this.local.set(key, JSON.stringify(answer), expiresAt);
    return answer;
  }

  /** Stores a finished turn's answer when everything it read was public, fresh and read without error. */
  async store(key: string, result: AgentTurnResult, executed: readonly ExecutedCall[]): Promise<void> {
    if (result.cancelled || result.content.trim().length === 0) return;
    const ttlMs = this.ttlFor(executed);
    if (ttlMs === undefined) return;
    const answer: CachedAnswer = {
      content: result.content,
      intent: result.intent,
      intentConfidence: result.intentConfidence,
      entities: result.entities,
      language: result.language,
      suggestedActions: result.suggestedActions,
      contextUpdate: result.contextUpdate,
    };
    // Taken before the write: the copy kept here never outlives the stored one.
    const expiresAt = Date.now() + ttlMs;
    // Kept here only once the store holds it: while Redis is away nothing is cached, in any process.
    if (await this.cache.set<StoredAnswer>(key, { ...answer, expiresAt }, ttlMs)) this.local.set(key, JSON.stringify(answer), expiresAt);
    this.logger.debug({ msg: 'answer cached', key, ttlMs });
  }

  /** What is left of the TTL of the data the answer was built on; undefined when it must not be stored. */
  private ttlFor(executed: readonly ExecutedCall[]): number | undefined {
    const now = Date.now();
    let ttlMs = NO_DATA_TTL_MS;
    for (const call of executed) {
      const resource = PUBLIC_TOOLS[call.name];
      if (resource === undefined || !call.ok || call.result?.stale === true) return undefined;
      const validUntil = typeof call.result?.validUntil === 'string' ? Date.parse(call.result.validUntil) : Number.NaN;
      ttlMs = Math.min(ttlMs, this.cache.ttlMs(resource), Number.isNaN(validUntil) ? Infinity : validUntil - now);
    }
    return ttlMs > 0 ? ttlMs : undefined;
  }
}

/**
 * True when the conversation so far changes nothing in what a message asks: it is not a follow-up,
 * and its focus read with an empty context is the one read with the real context. Only such a
 * message may be answered with another conversation's answer.
 */
export function isContextFree(nlu: NluResult, context: TrackedContext, message: string, focus: TurnFocus): boolean {
  if (nlu.entities.isFollowUp || focus.usedContext) return false;
  const alone = resolveTurnFocus(nlu, { lastTeams: [] }, message);
  return JSON.stringify(withoutContextMarks(alone)) === JSON.stringify(withoutContextMarks(focus));
}

function withoutContextMarks(focus: TurnFocus): Omit<TurnFocus, 'lastCall' | 'usedContext'> {
  const { lastCall: _lastCall, usedContext: _usedContext, ...rest } = focus;
  return rest;
}
