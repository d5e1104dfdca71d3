import { Injectable, Logger } from '@nestjs/common';
import { SportsDataService } from '@app/sports-data';
import { FollowedTopics } from './followed-topics.js';

/** Open (live, then upcoming) fixtures followed per subscribed team, earliest first. */
export const FIXTURES_PER_TEAM = 3;
/** Open fixtures followed per subscribed tournament, earliest first. */
export const FIXTURES_PER_TOURNAMENT = 20;
/** Fixtures polled in one round at most; fixtures subscribed by id come first. */
export const MAX_WATCHED_FIXTURES = 200;

/**
 * Which fixtures the watcher polls: those followed by id, plus the next open fixtures of the
 * followed teams and tournaments (on this instance, or on every instance with Redis), bounded so a
 * few broad subscriptions cannot make every round poll the whole calendar.
 */
@Injectable()
export class WatchListService {
  private readonly logger = new Logger(WatchListService.name);
  private warnedAboutCap = false;

  constructor(
    private readonly followed: FollowedTopics,
    private readonly sportsData: SportsDataService,
  ) {}

  async fixtureIds(): Promise<string[]> {
    const active = await this.followed.current();
    // The listings are the cached fixture lists (no time bounds, so the cache key stays the same
    // from round to round); a fixture that ended meanwhile is skipped by the watcher.
    const [byTeam, byTournament] = await Promise.all([
      Promise.all(active.teamIds.map((teamId) => this.listed({ teamId, limit: FIXTURES_PER_TEAM }))),
      Promise.all(active.tournamentIds.map((tournamentId) => this.listed({ tournamentId, limit: FIXTURES_PER_TOURNAMENT }))),
    ]);
    const ids = [...new Set([...active.fixtureIds, ...byTeam.flat(), ...byTournament.flat()])];
    if (ids.length > MAX_WATCHED_FIXTURES && !this.warnedAboutCap) {
      this.warnedAboutCap = true;
      this.logger.warn({ msg: `Subscriptions cover ${ids.length} fixtures; polling the first ${MAX_WATCHED_FIXTURES}`, fixtures: ids.length });
    }
    return ids.slice(0, MAX_WATCHED_FIXTURES);
  }

  private async listed(query: { teamId?: string; tournamentId?: string; limit: number }): Promise<string[]> {
    try {
      return (await this.sportsData.getFixtures(query)).data.map((fixture) => fixture.id);
    } catch (error) {
      this.logger.warn({ msg: 'Could not list fixtures to watch', query, reason: (error as Error).message });
      return [];
    }
  }
}
