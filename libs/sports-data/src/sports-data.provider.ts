import type { HeadToHead, TeamForm } from './domain/form.js';
import type { Fixture } from './domain/fixture.js';
import type { FixtureOdds, MarketCode } from './domain/market.js';
import type { FixtureQuery, TournamentQuery } from './domain/queries.js';
import type { Sport } from './domain/sport.js';
import type { Team } from './domain/team.js';
import type { Tournament } from './domain/tournament.js';

export type SportsDataProviderName = 'embedded' | 'chatbet';

/**
 * Where sports data comes from: the embedded dataset or the ChatBet upstream. Also the Nest DI token,
 * so consumers depend on this class and the module decides which implementation backs it.
 *
 * Failures are reported with the errors of `domain/errors.ts`: unknown ids and names reject with the
 * matching `Unknown*Error` (with suggestions when names were given), an unavailable upstream with
 * `UpstreamUnavailableError`. `describeSportsDataProviderContract` (testing entry) checks all of this.
 */
export abstract class SportsDataProvider {
  abstract readonly name: SportsDataProviderName;

  abstract getSports(): Promise<Sport[]>;

  abstract getTournaments(query?: TournamentQuery): Promise<Tournament[]>;

  /** Sorted by start time, earliest first; `limit` applies after sorting. */
  abstract getFixtures(query: FixtureQuery): Promise<Fixture[]>;

  /** Rejects with `UnknownFixtureError`. */
  abstract getFixture(id: string): Promise<Fixture>;

  /**
   * Current prices of a fixture, optionally narrowed to one market. Rejects with `UnknownFixtureError`,
   * or `InvalidMarketError` when the market is not a known code or is not offered for the fixture.
   */
  abstract getOdds(fixtureId: string, market?: MarketCode): Promise<FixtureOdds>;

  /** The team's last `last` finished matches (default 5), most recent first. Rejects with `UnknownTeamError`. */
  abstract getTeamForm(teamId: string, last?: number): Promise<TeamForm>;

  /** Finished meetings of two teams (ids), most recent first. Rejects with `UnknownTeamError`. */
  abstract getHeadToHead(teamA: string, teamB: string): Promise<HeadToHead>;

  /** Rejects with `UnknownTeamError` carrying close-match suggestions. */
  abstract resolveTeam(nameOrAlias: string): Promise<Team>;

  /** Rejects with `UnknownTournamentError` carrying close-match suggestions. */
  abstract resolveTournament(nameOrAlias: string): Promise<Tournament>;
}
