import type { Intent } from '@app/nlu';
import type { TrackedContext } from '../shared/conversation-types.js';
import { DATA_INTENTS, type TurnFocus } from '../shared/turn-focus.js';
import { COMPARE_TEAMS } from '../tools/compare-teams.tool.js';
import { GET_MATCH_ODDS } from '../tools/get-match-odds.tool.js';
import { MATCH_VERDICT } from '../tools/match-verdict.tool.js';
import { PREDICT_MATCH } from '../tools/predict-match.tool.js';
import { PROPOSE_BET } from '../tools/propose-bet.tool.js';
import { RECOMMEND_BETS } from '../tools/recommend-bets.tool.js';
import { SEARCH_FIXTURES } from '../tools/search-fixtures.tool.js';
import { SIMULATE_BET } from '../tools/simulate-bet.tool.js';

/** A tool call of the turn with its parsed result (undefined when the output was not JSON). */
export interface ExecutedCall {
  name: string;
  args: Record<string, unknown>;
  result?: Record<string, unknown>;
  ok: boolean;
}

/** The match a turn ended up being about. */
export interface PrimaryMatch {
  id: string;
  home: string;
  away: string;
}

const OUTCOMES = new Set(['home', 'draw', 'away']);

// The calls whose answer a later "show me more", "why those?" or "put 10 on it" continues, most
// specific first.
const REMEMBERED_CALLS: readonly string[] = [
  SIMULATE_BET,
  PROPOSE_BET,
  RECOMMEND_BETS,
  MATCH_VERDICT,
  PREDICT_MATCH,
  GET_MATCH_ODDS,
  COMPARE_TEAMS,
  SEARCH_FIXTURES,
];

/** The match the turn's answer centres on, read from the tool results whatever model made the calls. */
export function primaryMatch(calls: readonly ExecutedCall[], focus: TurnFocus): PrimaryMatch | undefined {
  for (const call of calls) {
    if (!call.ok || !call.result) continue;
    const r = call.result;
    let match: unknown;
    switch (call.name) {
      case GET_MATCH_ODDS:
      case PREDICT_MATCH:
      case MATCH_VERDICT:
        match = r.match;
        break;
      case SIMULATE_BET:
        match = firstOf(r.legs)?.match;
        break;
      case COMPARE_TEAMS:
        match = r.nextMeeting;
        break;
      case PROPOSE_BET: {
        const leg = firstOf(r.legs);
        if (leg) match = { id: leg.match_id, home: leg.home, away: leg.away };
        break;
      }
      case RECOMMEND_BETS:
        match = firstOf(r.selections)?.match;
        break;
      case SEARCH_FIXTURES: {
        const filters = r.filters as { team?: string; status?: string } | undefined;
        // A list for a competition or a day has no single subject; finished games are not bettable.
        if (!filters?.team || filters.status === 'finished') break;
        const matches = Array.isArray(r.matches) ? (r.matches as Array<{ home: string; away: string }>) : [];
        const opponent = focus.teams.find((t) => t !== filters.team);
        match = (opponent ? matches.find((m) => m.home === opponent || m.away === opponent) : undefined) ?? matches[0];
        break;
      }
    }
    if (isMatch(match)) return { id: match.id, home: match.home, away: match.away };
  }
  return undefined;
}

/** The team an answer suggests backing (a 1X2 pick of a recommendation or simulation), if any. */
export function primaryPick(calls: readonly ExecutedCall[]): string | undefined {
  for (const call of calls) {
    if (!call.ok || !call.result) continue;
    const first = call.name === RECOMMEND_BETS ? firstOf(call.result.selections) : call.name === SIMULATE_BET ? firstOf(call.result.legs) : undefined;
    if (!first || first.market !== '1x2' || (first.selection !== 'home' && first.selection !== 'away')) continue;
    const match = first.match as { home?: unknown; away?: unknown } | undefined;
    const team = first.selection === 'home' ? match?.home : match?.away;
    if (typeof team === 'string') return team;
  }
  return undefined;
}

export function contextUpdateFor(focus: TurnFocus, calls: readonly ExecutedCall[]): Partial<TrackedContext> {
  const update: Partial<TrackedContext> = {};
  // Small talk and balance checks keep the previous topic, so a later "and the odds?" still works.
  if (!DATA_INTENTS.has(focus.intent as Intent)) return update;
  update.lastIntent = focus.intent;
  const match = primaryMatch(calls, focus);
  if (focus.teams.length > 0) update.lastTeams = [...focus.teams];
  else if (match) update.lastTeams = [match.home, match.away];
  if (match) update.lastFixtureId = match.id;
  if (focus.tournament) update.lastTournament = focus.tournament;
  if (focus.dates) update.lastDates = { ...focus.dates };
  if (focus.amount) update.lastAmount = { ...focus.amount };
  if (focus.pick) update.lastPick = focus.pick;
  // The sport the conversation is now in: the one named or read, or football when clubs were named without one.
  if (focus.sport) update.lastSport = focus.sport;
  else if (focus.teams.length > 0 && !focus.usedContext) update.lastSport = 'football';

  const remembered = REMEMBERED_CALLS.map((name) => calls.find((c) => c.ok && c.name === name && c.result && c.result.error === undefined)).find((c) => c !== undefined);
  if (remembered) update.lastCall = { name: remembered.name, args: { ...remembered.args } };
  if (focus.selection) update.lastSelection = { ...focus.selection };
  else if (remembered?.name === RECOMMEND_BETS) {
    // "Vale, pon 5 €" after a tip: the tip's selection (its match is the turn's primary match).
    const tip = firstOf(remembered.result?.selections) as { market?: unknown; selection?: unknown; line?: unknown } | undefined;
    if (typeof tip?.selection === 'string' && typeof tip.market === 'string') {
      update.lastSelection = { selection: tip.selection, market: tip.market, ...(typeof tip.line === 'number' ? { line: tip.line } : {}) };
    }
  }

  const leg = calls.find((c) => c.ok && c.name === SIMULATE_BET)?.result;
  const firstLeg = firstOf(leg?.legs) as { market?: string; selection?: string } | undefined;
  const market = focus.market ?? firstLeg?.market;
  if (market) update.lastMarket = market;
  const outcome = focus.outcome ?? firstLeg?.selection;
  if (outcome && OUTCOMES.has(outcome)) update.lastOutcome = outcome as TrackedContext['lastOutcome'];
  return update;
}

function firstOf(value: unknown): Record<string, unknown> | undefined {
  return Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null ? (value[0] as Record<string, unknown>) : undefined;
}

function isMatch(value: unknown): value is PrimaryMatch {
  const m = value as Partial<PrimaryMatch> | null | undefined;
  return typeof m?.id === 'string' && typeof m.home === 'string' && typeof m.away === 'string';
}
