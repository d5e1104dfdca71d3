import type { RunnableConfig } from '@langchain/core/runnables';
import type { Language } from '../shared/conversation-types.js';
import { safeTimeZone } from '../shared/zoned-time.js';

/**
 * Per-turn facts the server knows and the model must not be able to change. Tools read it from
 * `RunnableConfig.configurable`, never from their arguments, so a message such as "I am user 42"
 * cannot make a tool act for another account.
 */
export interface ToolContext {
  sessionId: string;
  /** The verified user id of the session, absent for anonymous visitors. */
  userId?: string;
  language: Language;
  /** IANA zone in which dates are read and times are shown. */
  timeZone: string;
  /** Teams the user supports, newest first: broad lists lead with their matches. */
  favouriteTeams?: string[];
}

const CONFIG_KEY = 'chatbetToolContext';

/** The config under which tools run for one turn. */
export function toolRunConfig(context: ToolContext, signal?: AbortSignal): RunnableConfig {
  return { configurable: { [CONFIG_KEY]: context }, ...(signal ? { signal } : {}) };
}

/** The turn's context, or an anonymous English/UTC one when a tool runs outside a turn. */
export function toolContextOf(config: RunnableConfig | undefined): ToolContext {
  const raw: unknown = config?.configurable?.[CONFIG_KEY];
  const value = typeof raw === 'object' && raw !== null ? (raw as Partial<ToolContext>) : {};
  const context: ToolContext = {
    sessionId: typeof value.sessionId === 'string' ? value.sessionId : 'anonymous',
    language: value.language === 'es' ? 'es' : 'en',
    timeZone: safeTimeZone(value.timeZone),
  };
  if (typeof value.userId === 'string' && value.userId.trim().length > 0) context.userId = value.userId;
  const favourites = Array.isArray(value.favouriteTeams) ? value.favouriteTeams.filter((t): t is string => typeof t === 'string') : [];
  if (favourites.length > 0) context.favouriteTeams = favourites;
  return context;
}
