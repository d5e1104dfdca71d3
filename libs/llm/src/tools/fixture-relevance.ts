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

export function relevanceRank(fixture: Fixture, language: Language): number {
  const order = COMPETITION_ORDER[language];
  const place = order.indexOf(normalizeName(fixture.tournament.name));
  return (place < 0 ? order.length : place) - (isDerby(fixture) ? DERBY_BONUS : 0);
}

/** Fixtures most relevant first; equal relevance keeps kick-off order. */
export function byRelevance(fixtures: readonly Fixture[], language: Language): Fixture[] {
  return fixtures
    .map((fixture, index) => ({ fixture, index, rank: relevanceRank(fixture, language) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.fixture);
}
