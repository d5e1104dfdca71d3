import { type Fixture, type Sourced, type Team, SportsDataService } from '@app/sports-data';
import { ToolRequestError } from './tool-results.js';

export interface MatchReference {
  matchId?: string;
  teamA?: string;
  teamB?: string;
  /** Only fixtures kicking off within this window ("odds for Chelsea on Saturday"). */
  window?: { from: Date; to: Date };
}

// How many of a team's open fixtures are searched for a meeting with another team (the providers
// list two weeks ahead, which is far fewer than this).
const SEARCH_LIMIT = 60;

/**
 * Finds the fixture a tool call is about: by id, by the two teams (their next meeting), or by one
 * team (its next match), optionally within a date window. Teams are resolved through the
 * directory, so aliases and typos work.
 */
export class MatchFinder {
  constructor(private readonly sportsData: SportsDataService) {}

  async find(ref: MatchReference): Promise<Sourced<Fixture>> {
    if (ref.matchId) return this.sportsData.getFixture(ref.matchId);
    if (!ref.teamA && !ref.teamB) {
      throw new ToolRequestError('MISSING_MATCH', 'Give match_id, or team_a (and team_b for a specific meeting).');
    }
    const names = [ref.teamA, ref.teamB].filter((n): n is string => typeof n === 'string' && n.length > 0);
    const teams = await Promise.all(names.map((name) => this.sportsData.resolveTeam(name)));
    return this.nextMatch(teams[0], teams[1], ref.window);
  }

  /** The next open fixture of `team`, against `opponent` when given, within `window` when given. */
  async nextMatch(team: Team, opponent?: Team, window?: { from: Date; to: Date }): Promise<Sourced<Fixture>> {
    if (opponent && opponent.id === team.id) {
      throw new ToolRequestError('INVALID_ARGUMENT', 'team_a and team_b must be two different teams.');
    }
    const fixtures = await this.sportsData.getFixtures({ teamId: team.id, limit: SEARCH_LIMIT, ...(window ? { from: window.from, to: window.to } : {}) });
    const match = fixtures.data.find((f) => f.status !== 'finished' && (!opponent || f.home.id === opponent.id || f.away.id === opponent.id));
    if (!match) {
      const what = opponent ? `${team.name} and ${opponent.name}` : team.name;
      const when = window ? ' in that period' : ' in the published schedule';
      const next = opponent || window ? fixtures.data.filter((f) => f.status !== 'finished').slice(0, 3).map((f) => `${f.home.name} vs ${f.away.name}`) : [];
      throw new ToolRequestError('NO_UPCOMING_MATCH', `No upcoming match for ${what}${when}.`, next);
    }
    return { ...fixtures, data: match };
  }
}
