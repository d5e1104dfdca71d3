import type { BaseMessage } from '@langchain/core/messages';
import type { Language, TrackedContext } from './conversation-types.js';
import { safeTimeZone } from './zoned-time.js';

/**
 * Facts about the turn that travel as a delimited JSON block in the first part of the user's latest
 * message (see buildTurnData), so that any model (Gemini or the offline engine) reads the same
 * thing: time zone, language, the current instant and what the conversation was about.
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

/** The turn's context block: in the first part of the latest human message, or (older prompts) in the system message. */
export function turnContextIn(messages: readonly BaseMessage[]): TurnContext | undefined {
  const human = [...messages].reverse().find((m) => m.type === 'human');
  const data = human === undefined ? undefined : turnDataPartOf(human);
  if (data !== undefined) return parseTurnContext(data);
  return parseTurnContext(messages.filter((m) => m.type === 'system').map((m) => m.text).join('\n'));
}

/** What the user wrote in a human message, without the turn data part the agent puts first. */
export function userTextOf(message: BaseMessage): string {
  if (!Array.isArray(message.content) || turnDataPartOf(message) === undefined) return message.text;
  return message.content
    .slice(1)
    .map((part) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

function turnDataPartOf(message: BaseMessage): string | undefined {
  if (!Array.isArray(message.content)) return undefined;
  const first: unknown = message.content[0];
  const text = typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string' ? first.text : undefined;
  return text !== undefined && text.includes(OPEN) ? text : undefined;
}
