import type { Score } from './fixture.js';
import type { TeamRef } from './team.js';

export type MatchOutcome = 'W' | 'D' | 'L';

export interface FormResult {
  fixtureId: string;
  opponent: TeamRef;
  venue: 'home' | 'away';
  goalsFor: number;
  goalsAgainst: number;
  outcome: MatchOutcome;
  /** Kick-off, ISO-8601 UTC. */
  date: string;
}

export interface TeamForm {
  team: TeamRef;
  /** Most recent first. */
  results: FormResult[];
}

export interface HeadToHeadMeeting {
  fixtureId: string;
  /** Kick-off, ISO-8601 UTC. */
  date: string;
  tournament: { id: string; name: string };
  home: TeamRef;
  away: TeamRef;
  score: Score;
}

export interface HeadToHead {
  teamA: TeamRef;
  teamB: TeamRef;
  /** Finished meetings, most recent first. */
  meetings: HeadToHeadMeeting[];
  summary: { winsA: number; draws: number; winsB: number };
}
