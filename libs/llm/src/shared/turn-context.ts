import type { Language, TrackedContext } from './conversation-types.js';
import { safeTimeZone } from './zoned-time.js';

/**
 * Facts about the turn that travel inside the system message as a delimited JSON block, so that any
 * model (Gemini or the offline engine) reads the same thing: time zone, language, the current
 * instant and what the conversation was about.
 */
export interface TurnContext {
  now: string;
  timeZone: string;
  language: Language;
  authenticated: boolean;
  tracked: TrackedContext;
  /** Teams the user supports, newest first. */
  favouriteTeams?: string[];
}

const OPEN = '<conversation_context>';
const CLOSE = '</conversation_context>';
const BLOCK_RE = /<conversation_context>\s*([\s\S]*?)\s*<\/conversation_context>/;
// Our delimiters inside user-supplied text would let it pose as server data.
const DELIMITER_RE = /<\/?\s*conversation_[a-z_]*\s*>/gi;

export function renderTurnContext(context: TurnContext): string {
  return `${OPEN}\n${JSON.stringify(context)}\n${CLOSE}`;
}

/** Removes anything that looks like one of the prompt's data delimiters. */
export function stripDelimiters(text: string): string {
  return text.replace(DELIMITER_RE, '');
}

export function parseTurnContext(systemText: string): TurnContext | undefined {
  const match = BLOCK_RE.exec(systemText);
  if (!match) return undefined;
  try {
    const raw = JSON.parse(match[1]) as Partial<TurnContext>;
    const now = typeof raw.now === 'string' && !Number.isNaN(Date.parse(raw.now)) ? raw.now : new Date().toISOString();
    const tracked = typeof raw.tracked === 'object' && raw.tracked !== null ? raw.tracked : { lastTeams: [] };
    const favouriteTeams = Array.isArray(raw.favouriteTeams) ? raw.favouriteTeams.filter((t): t is string => typeof t === 'string') : [];
    return {
      now,
      timeZone: safeTimeZone(raw.timeZone),
      language: raw.language === 'es' ? 'es' : 'en',
      authenticated: raw.authenticated === true,
      tracked: { ...tracked, lastTeams: Array.isArray(tracked.lastTeams) ? tracked.lastTeams.filter((t) => typeof t === 'string') : [] },
      ...(favouriteTeams.length > 0 ? { favouriteTeams } : {}),
    };
  } catch {
    return undefined;
  }
}
