import type { Score } from '../domain/fixture.js';
import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { numericId } from '../random.js';

/** A fixture as planned, before the current time decides its status and score. */
export interface ScheduledFixture {
  id: string;
  tournament: TournamentRecord;
  home: TeamRecord;
  away: TeamRecord;
  /** Kick-off / tip-off, epoch milliseconds. */
  start: number;
  venue: string;
  /**
   * For knockout games: when the pairing becomes known (the earlier ties decided, the previous game
   * of a series played). Before that the game is not listed, so the listing never gives away a
   * result that has not happened yet.
   */
  knownFrom?: number;
}

/** The final score of a fixture, for competitions whose later stages depend on results. */
export type ScoreOf = (fixture: ScheduledFixture) => Score;

export function scheduled(
  tournament: TournamentRecord,
  home: TeamRecord,
  away: TeamRecord,
  start: number,
  extra: { venue?: string; knownFrom?: number } = {},
): ScheduledFixture {
  const day = new Date(start).toISOString().slice(0, 10);
  return {
    // The id depends on the teams and the day only, so it stays the same for a given kick-off.
    id: numericId('fixture', tournament.id, home.id, away.id, day),
    tournament,
    home,
    away,
    start,
    venue: extra.venue ?? home.venue,
    ...(extra.knownFrom === undefined ? {} : { knownFrom: extra.knownFrom }),
  };
}
