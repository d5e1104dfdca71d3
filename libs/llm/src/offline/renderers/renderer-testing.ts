import type { Language } from '../../shared/conversation-types.js';
import type { TurnFocus } from '../../shared/turn-focus.js';
import type { ResultOf, ToolName } from '../../tools/tool-result-map.js';
import type { MatchSummary } from '../../tools/tool-results.js';
import type { RenderContext, TurnResults } from './renderer.js';

/** Builders for renderer specs: typed tool results and a turn around them. */

/** Barcelona vs Real Madrid, Saturday 12 December 2026 at 20:00 UTC (21:00 in Madrid). */
export function aMatch(over: Partial<MatchSummary> = {}): MatchSummary {
  return {
    id: 'fx-1',
    sport: 'football',
    competition: 'La Liga',
    competitionId: '10',
    home: 'Barcelona',
    away: 'Real Madrid',
    kickoff: '2026-12-12T20:00:00.000Z',
    kickoffLocal: '2026-12-12 21:00',
    status: 'pre_match',
    venue: 'Spotify Camp Nou',
    ...over,
  };
}

export function aContext(language: Language = 'en', focus: Partial<TurnFocus> = {}, message = ''): RenderContext {
  return { message, language, timeZone: 'Europe/Madrid', focus: { intent: 'MATCH_SCHEDULE_QUERY', usedContext: false, teams: [], ...focus } };
}

/** The turn's results: only those given, by tool. */
export function theTurn(results: Partial<{ [N in ToolName]: ResultOf<N>[] }> = {}): TurnResults {
  return { all: (name) => results[name] ?? [] };
}

export const FRESH = { source: 'embedded', stale: false } as const;
