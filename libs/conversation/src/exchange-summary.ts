/**
 * The model sees only the last few exchanges of a conversation; everything older is folded into a
 * running summary, one compact line per exchange, built without calling a model so it is cheap,
 * deterministic and testable.
 */
import type { ChatMessage, Language } from './conversation.types.js';

/** Summaries longer than this lose their oldest lines first: recent facts matter most to follow-ups. */
export const SUMMARY_MAX_CHARS = 1_500;
export const SUMMARY_OMITTED_MARKER = '[earlier exchanges omitted]';

const USER_SNIPPET_CHARS = 60;
const ASSISTANT_SNIPPET_CHARS = 90;
const SUBJECT_MAX_CHARS = 90;

/** One user message with the assistant messages answering it (or assistant messages before any user message). */
export type Exchange = ChatMessage[];

/** Splits messages into exchanges: each user message starts one; assistant messages join the current one. */
export function groupExchanges(messages: readonly ChatMessage[]): Exchange[] {
  const exchanges: Exchange[] = [];
  for (const message of messages) {
    const current = exchanges.at(-1);
    if (message.role === 'user' || current === undefined) exchanges.push([message]);
    else current.push(message);
  }
  return exchanges;
}

export interface WindowPlan {
  /** Exchanges that no longer fit the window, oldest first. */
  folded: Exchange[];
  /** Messages of the exchanges kept in the window, oldest first. */
  window: ChatMessage[];
  /** How many messages `folded` holds. */
  foldedMessages: number;
}

/** Keeps the last `maxExchanges` exchanges of `messages` and marks the rest for folding. */
export function planModelWindow(messages: readonly ChatMessage[], maxExchanges: number): WindowPlan {
  const exchanges = groupExchanges(messages);
  const excess = Math.max(0, exchanges.length - Math.max(1, maxExchanges));
  const folded = exchanges.slice(0, excess);
  return {
    folded,
    window: exchanges.slice(excess).flat(),
    foldedMessages: folded.reduce((sum, exchange) => sum + exchange.length, 0),
  };
}

export interface FoldOptions {
  maxChars?: number;
  /** Messages that were trimmed from storage before they could be folded. */
  lostMessages?: number;
}

/**
 * Appends one line per exchange to `previous` and trims the oldest lines past `maxChars`.
 * Only the new exchanges are described: the earlier summary is reused as it is.
 */
export function foldIntoSummary(previous: string | undefined, exchanges: readonly Exchange[], options: FoldOptions = {}): string {
  const maxChars = options.maxChars ?? SUMMARY_MAX_CHARS;
  let omitted = false;
  const lines: string[] = [];
  for (const line of (previous ?? '').split('\n')) {
    if (line === SUMMARY_OMITTED_MARKER) omitted = true;
    else if (line.trim() !== '') lines.push(line);
  }
  if (options.lostMessages) lines.push(`- [${options.lostMessages} older messages were not retained]`);
  for (const exchange of exchanges) lines.push(describeExchange(exchange));

  const length = () => lines.reduce((sum, line) => sum + line.length + 1, omitted ? SUMMARY_OMITTED_MARKER.length + 1 : 0);
  while (lines.length > 1 && length() > maxChars) {
    lines.shift();
    omitted = true;
  }
  const text = (omitted ? [SUMMARY_OMITTED_MARKER, ...lines] : lines).join('\n');
  return text.length > maxChars ? truncate(text, maxChars) : text;
}

interface Wording {
  user: string;
  assistantSaid: string;
  answered: string;
  answeredUsing: string;
  failed: string;
  cancelled: string;
  unanswered: string;
  said: string;
  on: string;
  topics: Record<string, string>;
}

const WORDING: Record<Language, Wording> = {
  en: {
    user: 'User',
    assistantSaid: 'Assistant said',
    answered: 'assistant answered',
    answeredUsing: 'assistant answered using',
    failed: 'failed',
    cancelled: "assistant's answer was cancelled",
    unanswered: 'no answer yet',
    said: 'said',
    on: 'on',
    topics: {
      MATCH_SCHEDULE_QUERY: 'asked about the schedule',
      ODDS_INFORMATION_QUERY: 'asked about odds',
      BETTING_RECOMMENDATION: 'asked for a betting tip',
      TEAM_COMPARISON: 'asked to compare teams',
      TOURNAMENT_INFO: 'asked about a tournament',
      USER_BALANCE_QUERY: 'asked about their balance',
      BET_SIMULATION: 'simulated a bet',
      GENERAL_SPORTS_QUERY: 'asked a sports question',
      GREETING: 'greeted',
      HELP_REQUEST: 'asked for help',
    },
  },
  es: {
    user: 'El usuario',
    assistantSaid: 'El asistente dijo',
    answered: 'el asistente respondió',
    answeredUsing: 'el asistente respondió usando',
    failed: 'falló',
    cancelled: 'la respuesta se canceló',
    unanswered: 'aún sin respuesta',
    said: 'dijo',
    on: 'a',
    topics: {
      MATCH_SCHEDULE_QUERY: 'preguntó por el calendario',
      ODDS_INFORMATION_QUERY: 'preguntó por cuotas',
      BETTING_RECOMMENDATION: 'pidió una recomendación de apuesta',
      TEAM_COMPARISON: 'pidió comparar equipos',
      TOURNAMENT_INFO: 'preguntó por un torneo',
      USER_BALANCE_QUERY: 'preguntó por su saldo',
      BET_SIMULATION: 'simuló una apuesta',
      GENERAL_SPORTS_QUERY: 'hizo una pregunta de deportes',
      GREETING: 'saludó',
      HELP_REQUEST: 'pidió ayuda',
    },
  },
};

/**
 * One line for one exchange, in the language of the exchange, e.g.
 * `- User asked about odds: Barcelona v Real Madrid, 1x2 (ODDS_INFORMATION_QUERY); assistant answered using get_odds: "Barcelona 2.10…"`.
 */
export function describeExchange(exchange: Exchange): string {
  const user = exchange.find((message) => message.role === 'user');
  const replies = exchange.filter((message) => message.role === 'assistant');
  const language: Language = user?.language ?? replies[0]?.language ?? 'en';
  const words = WORDING[language];

  if (!user) return `- ${words.assistantSaid}: "${snippet(replies.map((m) => m.content).join(' '), ASSISTANT_SNIPPET_CHARS)}"`;

  const topic = user.intent ? words.topics[user.intent] : undefined;
  const subject = describeEntities(user.entities, words);
  const intent = user.intent ? ` (${user.intent})` : '';
  const asked = topic
    ? `${words.user} ${topic}${subject ? `: ${subject}` : ''}${intent}`
    : `${words.user} ${words.said} "${snippet(user.content, USER_SNIPPET_CHARS)}"${subject ? ` [${subject}]` : ''}${intent}`;
  return `- ${asked}; ${describeReplies(replies, words)}`;
}

function describeReplies(replies: readonly ChatMessage[], words: Wording): string {
  if (replies.length === 0) return words.unanswered;
  if (replies.some((reply) => reply.cancelled)) return words.cancelled;
  const calls = replies.flatMap((reply) => reply.functionCalls ?? []);
  const names = [...new Set(calls.map((call) => call.name))];
  const failed = [...new Set(calls.filter((call) => !call.ok).map((call) => call.name))];
  const text = snippet(replies.at(-1)?.content ?? '', ASSISTANT_SNIPPET_CHARS);
  const using = names.length > 0 ? `${words.answeredUsing} ${names.join(', ')}${failed.length ? ` (${failed.join(', ')} ${words.failed})` : ''}` : words.answered;
  return text ? `${using}: "${text}"` : using;
}

/** The facts the NLU found, read defensively: entities are untyped at this layer. */
function describeEntities(entities: Record<string, unknown> | undefined, words: Wording): string {
  if (!entities) return '';
  const parts: string[] = [];
  const teams = strings(entities.teams);
  if (teams.length === 2) parts.push(`${teams[0]} v ${teams[1]}`);
  else if (teams.length > 0) parts.push(teams.join(', '));
  parts.push(...strings(entities.tournaments), ...strings(entities.markets));
  const dates = entities.dates as { from?: unknown; to?: unknown } | undefined;
  if (dates && typeof dates.from === 'string') {
    parts.push(typeof dates.to === 'string' && dates.to !== dates.from ? `${dates.from}..${dates.to}` : dates.from);
  }
  const amount = Array.isArray(entities.amounts) ? (entities.amounts[0] as { value?: unknown; currency?: unknown } | undefined) : undefined;
  const stake = amount && typeof amount.value === 'number' ? `${amount.value}${typeof amount.currency === 'string' ? ` ${amount.currency}` : ''}` : '';
  const pick = typeof entities.pick === 'string' ? entities.pick : '';
  if (stake || pick) parts.push([stake, pick && `${stake ? `${words.on} ` : ''}${pick}`].filter(Boolean).join(' '));
  return truncate(parts.join(', '), SUBJECT_MAX_CHARS);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** Single-line, quote-safe excerpt. */
function snippet(text: string, maxChars: number): string {
  return truncate(text.replace(/\s+/g, ' ').replace(/"/g, "'").trim(), maxChars);
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}
