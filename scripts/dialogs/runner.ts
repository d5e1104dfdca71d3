/**
 * Plays dialogues against a running app over its REST API and judges every turn: one user id per
 * dialogue, the session id of the first answer carried on, each check evaluated against the data
 * as it was just before and just after the answer (prices move every few seconds; an answer
 * matching either moment is right).
 */
import type { Check, Dialog, DialogCategory, DialogLanguage, DialogTurn } from './dialog.types.js';
import { type ChatAnswer, checkIntent, checkTeams, type CheckOutcome, evaluateCheck } from './checks.js';
import { prepareDialog, usesMatchDay } from './match-day.js';
import { Oracle, type SportsApi } from './oracle.js';

export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

/** Above this share of turns that cannot be scored on the day's data, a run's score proves little. */
export const MAX_UNSCORABLE_SHARE = 0.05;

export interface CheckResult extends CheckOutcome {
  /** A check of the set, the turn's intents or teams, or the chat request itself. */
  kind: Check['kind'] | 'intent' | 'teams' | 'request';
}

export interface TurnResult {
  index: number;
  user: string;
  answer: string;
  detectedIntent?: string;
  tools: string[];
  /** Set when the chat request itself failed. */
  error?: string;
  checks: CheckResult[];
  pass: boolean;
  /**
   * Why the turn cannot be scored on today's data (a check's expectation could not be computed:
   * no such fixture, market or match day); such a turn counts neither as right nor as wrong.
   */
  unscorable?: string;
}

export interface DialogResult {
  id: string;
  category: DialogCategory;
  language: DialogLanguage;
  turns: TurnResult[];
  pass: boolean;
}

/** The body of POST /api/v1/chat/message. */
export interface ChatRequest {
  message: string;
  time_zone?: string;
  user_id: string;
  session_id?: string;
}

/** What the set says of the turn being sent (the app never sees it; a self-test answers from it). */
export interface TurnContext {
  turn: DialogTurn;
  language: DialogLanguage;
  /** The dialogue's time zone (the request may carry another, or none). */
  zone: string;
}

/** Sends one chat turn; the app's answer or its error. */
export interface ChatClient {
  send(body: ChatRequest, context: TurnContext): Promise<(ChatAnswer & { session_id: string }) | { error: string }>;
}

export class HttpChatClient implements ChatClient {
  constructor(private readonly baseUrl: string) {}

  async send(body: ChatRequest) {
    const response = await fetch(new URL('/api/v1/chat/message', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) return { error: `chat answered ${response.status}: ${text.slice(0, 300)}` };
    return JSON.parse(text) as ChatAnswer & { session_id: string };
  }
}

const NO_ANSWER: ChatAnswer = { message: '', detected_intent: '', entities: {}, function_calls_made: [], language: '' };

async function judge(check: Check, answer: ChatAnswer, before: Oracle, after: Oracle): Promise<CheckResult> {
  const now = await evaluateCheck(check, answer, after);
  if (now.pass) return { kind: check.kind, ...now };
  const earlier = await evaluateCheck(check, answer, before);
  return { kind: check.kind, ...(earlier.pass ? earlier : now) };
}

async function playTurn(turn: DialogTurn, index: number, context: { chat: ChatClient; api: SportsApi; zone: string; language: DialogLanguage; userId: string; sessionId?: string }) {
  // The zone the request carries (or none); checks read days in the dialogue's zone either way.
  const sentZone = turn.timeZone === undefined ? context.zone : (turn.timeZone ?? undefined);
  const before = new Oracle(context.api, new Date(), context.zone);
  // Fetches everything the checks need as the data stands before the question.
  await Promise.all([...turn.checks.map((check) => evaluateCheck(check, NO_ANSWER, before)), checkTeams(turn, NO_ANSWER, before)]);
  const reply = await context.chat.send(
    { message: turn.user, ...(sentZone ? { time_zone: sentZone } : {}), user_id: context.userId, ...(context.sessionId ? { session_id: context.sessionId } : {}) },
    { turn, language: context.language, zone: context.zone },
  );
  if ('error' in reply) {
    const result: TurnResult = { index, user: turn.user, answer: '', tools: [], error: reply.error, checks: [{ kind: 'request', pass: false, detail: reply.error }], pass: false };
    return { result, sessionId: context.sessionId };
  }
  const after = new Oracle(context.api, new Date(), context.zone);
  const checks: CheckResult[] = [];
  const intent = checkIntent(turn, reply);
  if (intent) checks.push({ kind: 'intent', ...intent });
  const teams = (await checkTeams(turn, reply, after)) ?? undefined;
  if (teams) checks.push({ kind: 'teams', ...(teams.pass ? teams : ((await checkTeams(turn, reply, before)) ?? teams)) });
  for (const check of turn.checks) checks.push(await judge(check, reply, before, after));
  const result: TurnResult = {
    index,
    user: turn.user,
    answer: reply.message,
    detectedIntent: reply.detected_intent,
    tools: reply.function_calls_made.map((call) => call.name),
    checks,
    pass: checks.every((check) => check.pass),
  };
  const unevaluated = checks.filter((check) => !check.pass && check.oracleError);
  if (unevaluated.length > 0) result.unscorable = unevaluated.map((check) => `${check.kind}: ${check.detail}`).join('; ');
  return { result, sessionId: reply.session_id };
}

export async function runDialog(original: Dialog, chat: ChatClient, api: SportsApi, userId: string): Promise<DialogResult> {
  const zone = original.timeZone ?? DEFAULT_TIME_ZONE;
  const prepared = await prepareDialog(original, new Oracle(api, new Date(), zone));
  if ('unscorable' in prepared) {
    // Not played: its questions would ask about a day the data has no match on.
    const turns = original.turns.map((turn, index): TurnResult => ({ index, user: turn.user, answer: '', tools: [], checks: [], pass: false, unscorable: prepared.unscorable }));
    return { id: original.id, category: original.category, language: original.language, turns, pass: false };
  }
  const dialog = prepared.dialog;
  const turns: TurnResult[] = [];
  let sessionId: string | undefined;
  for (const [index, turn] of dialog.turns.entries()) {
    if (turn.newSession) sessionId = undefined;
    const played = await playTurn(turn, index, { chat, api, zone, language: dialog.language, userId, sessionId });
    turns.push(played.result);
    sessionId = played.sessionId;
  }
  return { id: dialog.id, category: dialog.category, language: dialog.language, turns, pass: turns.every((t) => t.pass) };
}

/**
 * Dialogues whose id starts with, or whose category or language equals, one of the filters; a filter
 * starting with a dot (".c.") matches that part anywhere in the id, to pick one writer's dialogues
 * across categories.
 */
export function selectDialogs(dialogs: readonly Dialog[], filters: readonly string[]): Dialog[] {
  if (filters.length === 0) return [...dialogs];
  const matches = (d: Dialog, f: string) => (f.startsWith('.') ? d.id.includes(f) : d.id.startsWith(f)) || d.category === f || d.language === f;
  return dialogs.filter((d) => filters.some((f) => matches(d, f)));
}

/** Problems of the set itself: duplicate ids, turns without checks, empty dialogues. */
export function validateSet(dialogs: readonly Dialog[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const dialog of dialogs) {
    if (seen.has(dialog.id)) problems.push(`${dialog.id}: duplicate id`);
    seen.add(dialog.id);
    if (dialog.turns.length === 0) problems.push(`${dialog.id}: no turns`);
    if (usesMatchDay(dialog) && dialog.matchDay === undefined) problems.push(`${dialog.id}: uses {day} or match_day without a matchDay`);
    dialog.turns.forEach((turn, index) => {
      if (turn.checks.length === 0) problems.push(`${dialog.id} turn ${index + 1}: no checks`);
      if (turn.user.trim().length === 0) problems.push(`${dialog.id} turn ${index + 1}: empty message`);
    });
  }
  return problems;
}

/** Every team name a dialogue relies on the data knowing, and the invented ones it must not know. */
export function teamNamesOf(dialog: Dialog): { known: Set<string>; invented: Set<string> } {
  const known = new Set<string>();
  const invented = new Set<string>();
  const ref = (r: { team: string; opponent?: string }) => {
    known.add(r.team);
    if (r.opponent) known.add(r.opponent);
  };
  if (dialog.matchDay) known.add(dialog.matchDay.team);
  for (const turn of dialog.turns) {
    for (const team of turn.teams ?? []) known.add(team);
    for (const check of turn.checks) {
      switch (check.kind) {
        case 'fixture':
        case 'odds':
        case 'favourite':
        case 'local_time':
          ref(check.fixture);
          break;
        case 'payout':
          check.legs.forEach(ref);
          break;
        case 'unknown_team':
          invented.add(check.name);
          if (check.suggest) known.add(check.suggest);
          break;
        default:
          break;
      }
    }
  }
  return { known, invented };
}

/** Teams of the set the data does not know, and invented teams it does. */
export async function setTeamProblems(dialogs: readonly Dialog[], oracle: Oracle): Promise<string[]> {
  const problems: string[] = [];
  for (const dialog of dialogs) {
    const { known, invented } = teamNamesOf(dialog);
    for (const name of known) if ((await oracle.team(name)) === undefined) problems.push(`${dialog.id}: the data does not know the team "${name}"`);
    for (const name of invented) {
      const found = await oracle.team(name);
      if (found !== undefined) problems.push(`${dialog.id}: "${name}" is meant to be unknown but the data resolves it to ${found.name}`);
    }
  }
  return problems;
}
