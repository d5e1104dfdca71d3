import type { TeamRef } from './team.js';

export type FixtureStatus = 'pre_match' | 'live' | 'finished';

export const FIXTURE_STATUSES: readonly FixtureStatus[] = ['pre_match', 'live', 'finished'];

export interface Score {
  home: number;
  away: number;
}

export interface Fixture {
  /** Digits only, as the upstream issues them. */
  id: string;
  sportId: string;
  tournament: { id: string; name: string };
  home: TeamRef;
  away: TeamRef;
  /** ISO-8601 in UTC with a trailing `Z`, e.g. `2026-11-28T20:00:00.000Z`. */
  startTime: string;
  status: FixtureStatus;
  venue?: string;
  /** Present once the fixture has started: the running score when live, the final one when finished. */
  score?: Score;
}
