import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { LIVE_WINDOW_MS } from './calendar.js';
import { scheduled, type ScheduledFixture, type ScoreOf } from './scheduled-fixture.js';

export interface SeriesFormat {
  /** Wins that take the series: 4 for a best-of-seven. */
  wins: number;
  /** For each game, whether the team with home court hosts it (2-2-1-1-1, 2-2-1). */
  highAtHome: readonly boolean[];
}

export interface SeriesResult {
  fixtures: ScheduledFixture[];
  winner: TeamRecord;
  /** When the last game is over. */
  decidedAt: number;
}

/**
 * A playoff series played game by game until a team has the wins it needs, so that no game is
 * scheduled after the series is decided. The first `wins` games are certain once the series is set
 * (`knownFrom`); each later one becomes known when the game before it is over.
 */
export function playSeries(
  tournament: TournamentRecord,
  high: TeamRecord,
  low: TeamRecord,
  format: SeriesFormat,
  tipOffs: readonly number[],
  knownFrom: number,
  scoreOf: ScoreOf,
): SeriesResult {
  const fixtures: ScheduledFixture[] = [];
  let highWins = 0;
  let lowWins = 0;
  for (let game = 0; highWins < format.wins && lowWins < format.wins && game < tipOffs.length; game++) {
    const [home, away] = format.highAtHome[game] ? [high, low] : [low, high];
    const known = game < format.wins ? knownFrom : fixtures.at(-1)!.start + LIVE_WINDOW_MS;
    const fixture = scheduled(tournament, home, away, tipOffs[game]!, { knownFrom: known });
    fixtures.push(fixture);
    const score = scoreOf(fixture);
    if ((score.home > score.away) === (home === high)) highWins++;
    else lowWins++;
  }
  return { fixtures, winner: highWins >= lowWins ? high : low, decidedAt: fixtures.at(-1)!.start + LIVE_WINDOW_MS };
}
