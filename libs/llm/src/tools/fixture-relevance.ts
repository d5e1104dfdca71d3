import { DERBIES, TEAMS, normalizeName, type Fixture } from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';

/**
 * Orders a broad fixture list ("what's on this weekend?") by what a user most likely means: the
 * competitions followed in their language first, the big matches (derbies) within them, then the
 * rest; ties by kick-off. Lists for one team are already what the user asked for and keep their order.
 */

// Competition order per language, by normalised name; anything unlisted comes after these.
const COMPETITION_ORDER: Record<Language, readonly string[]> = {
  es: ['la liga', 'champions league', 'premier league', 'serie a', 'bundesliga', 'ligue 1', 'euroleague', 'nba'],
  en: ['premier league', 'champions league', 'la liga', 'serie a', 'bundesliga', 'ligue 1', 'nba', 'euroleague'],
};
// A derby weighs as much as this many competition places.
const DERBY_BONUS = 3;

const teamNameById = new Map(TEAMS.map((team) => [team.id, normalizeName(team.name)]));
const DERBY_PAIRS = new Set(
  DERBIES.map((derby) => derby.teams.map((id) => teamNameById.get(id) ?? '').sort().join('|')),
);

export function isDerby(fixture: Fixture): boolean {
  return DERBY_PAIRS.has([normalizeName(fixture.home.name), normalizeName(fixture.away.name)].sort().join('|'));
}

/** Whether one of `teams` (any spelling of their names) plays in the fixture. */
export function playsIn(fixture: Fixture, teams: readonly string[]): boolean {
  if (teams.length === 0) return false;
  const wanted = new Set(teams.map(normalizeName));
  return wanted.has(normalizeName(fixture.home.name)) || wanted.has(normalizeName(fixture.away.name));
}

export function relevanceRank(fixture: Fixture, language: Language, favouriteTeams: readonly string[] = []): number {
  const order = COMPETITION_ORDER[language];
  const place = order.indexOf(normalizeName(fixture.tournament.name));
  // The user's own teams come before any competition.
  const favourite = playsIn(fixture, favouriteTeams) ? order.length + DERBY_BONUS + 1 : 0;
  return (place < 0 ? order.length : place) - (isDerby(fixture) ? DERBY_BONUS : 0) - favourite;
}

/** Fixtures most relevant first (the user's teams, then by competition and derby); equal relevance keeps kick-off order. */
export function byRelevance(fixtures: readonly Fixture[], language: Language, favouriteTeams: readonly string[] = []): Fixture[] {
  return fixtures
    .map((fixture, index) => ({ fixture, index, rank: relevanceRank(fixture, language, favouriteTeams) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.fixture);
}

/** One from each list in turn ("Premier League and Serie A": each competition gets its share of a page). */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}
