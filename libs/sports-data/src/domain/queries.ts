import type { FixtureStatus } from './fixture.js';

export interface FixtureQuery {
  sportId?: string;
  tournamentId?: string;
  /** Fixtures in which this team plays, home or away. */
  teamId?: string;
  /** Inclusive lower bound on the start time (a Date or an ISO-8601 string). */
  from?: Date | string;
  /** Inclusive upper bound on the start time (a Date or an ISO-8601 string). */
  to?: Date | string;
  /**
   * Without a status only open fixtures (`pre_match` and `live`) are listed, as a bookmaker lists them;
   * finished ones must be asked for explicitly.
   */
  status?: FixtureStatus;
  /** Maximum number of fixtures, counted after sorting by start time. */
  limit?: number;
}

export interface TournamentQuery {
  sportId?: string;
  /** Compared case- and accent-insensitively. */
  country?: string;
  active?: boolean;
}
