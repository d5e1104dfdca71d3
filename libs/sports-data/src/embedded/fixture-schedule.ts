import { CHAMPIONS_LEAGUE_ID, EUROLEAGUE_ID, NBA_ID } from '../data/tournaments.data.js';
import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import { WEEK_MS, seasonOf, weekOf, weekStart } from './calendar.js';
import { buildChampionsLeagueSeason } from './champions-league-season.js';
import { buildEuroLeagueSeason } from './euroleague-season.js';
import { buildLeagueSeason, isRoundRobinLeague, marqueePivot } from './league-season.js';
import { buildNbaSeason } from './nba-season.js';
import type { ScheduledFixture, ScoreOf } from './scheduled-fixture.js';

const MAX_CACHED_SEASONS = 120;

/** Draws one season of a competition; `pivot` is the round of a league's marquee games, if any. */
type SeasonBuilder = (
  tournament: TournamentRecord,
  teams: readonly TeamRecord[],
  season: number,
  context: { pivot: number | undefined; scoreOf: ScoreOf },
) => ScheduledFixture[];

// Competitions whose later stages depend on results; every other one is a plain round-robin league.
const SEASON_BUILDERS: Record<string, SeasonBuilder> = {
  [NBA_ID]: (tournament, teams, season, { scoreOf }) => buildNbaSeason(tournament, teams, season, scoreOf),
  [CHAMPIONS_LEAGUE_ID]: (tournament, teams, season, { scoreOf }) => buildChampionsLeagueSeason(tournament, teams, season, scoreOf),
  [EUROLEAGUE_ID]: (tournament, teams, season, { scoreOf }) => buildEuroLeagueSeason(tournament, teams, season, scoreOf),
};
const buildRoundRobinSeason: SeasonBuilder = (tournament, teams, season, { pivot }) => buildLeagueSeason(tournament, teams, season, pivot);

interface SeasonView {
  byWeek: Map<number, ScheduledFixture[]>;
}

/**
 * The embedded dataset's calendar: every competition's season on its real calendar (see
 * league-season.ts, champions-league-season.ts, euroleague-season.ts and nba-season.ts), built a
 * season at a time and kept. A league season depends on the round that holds its marquee games,
 * which follows the clock; the other competitions' seasons are fixed. Knockout games are listed only once their
 * pairing is known.
 */
export class FixtureSchedule {
  private readonly seasons = new Map<string, SeasonView>();
  private readonly byId = new Map<string, ScheduledFixture>();

  constructor(
    private readonly teamsOf: (tournamentId: string) => readonly TeamRecord[],
    private readonly scoreOf: ScoreOf,
  ) {}

  /** One tournament's fixtures starting in a schedule week, as the calendar stands at `now`. */
  week(tournament: TournamentRecord, week: number, now: number): ScheduledFixture[] {
    if (!tournament.active) return [];
    const start = weekStart(week);
    const seasons = new Set([seasonOf(start), seasonOf(start + WEEK_MS - 1)]);
    return [...seasons].flatMap((season) =>
      (this.season(tournament, season, now).byWeek.get(week) ?? []).filter((f) => f.knownFrom === undefined || f.knownFrom <= now),
    );
  }

  /** A fixture of any season built so far, by id. */
  fixtureById(id: string): ScheduledFixture | undefined {
    return this.byId.get(id);
  }

  private season(tournament: TournamentRecord, season: number, now: number): SeasonView {
    const teams = this.teamsOf(tournament.id);
    const pivot = isRoundRobinLeague(tournament.id) ? marqueePivot(tournament.id, teams.length, seasonOf(now), now) : undefined;
    const pivotRound = pivot?.season === season ? pivot.round : undefined;
    const key = `${tournament.id}:${season}:${pivotRound ?? '-'}`;
    const cached = this.seasons.get(key);
    if (cached !== undefined) return cached;

    const build = SEASON_BUILDERS[tournament.id] ?? buildRoundRobinSeason;
    const fixtures = build(tournament, teams, season, { pivot: pivotRound, scoreOf: this.scoreOf });
    const byWeek = new Map<number, ScheduledFixture[]>();
    for (const fixture of fixtures) {
      const week = weekOf(fixture.start);
      byWeek.set(week, [...(byWeek.get(week) ?? []), fixture]);
      this.byId.set(fixture.id, fixture);
    }
    const view = { byWeek };
    this.seasons.set(key, view);
    if (this.seasons.size > MAX_CACHED_SEASONS) this.evictOldest();
    return view;
  }

  private evictOldest(): void {
    const oldest = this.seasons.keys().next();
    if (oldest.done === true) return;
    for (const fixtures of this.seasons.get(oldest.value)?.byWeek.values() ?? []) {
      for (const fixture of fixtures) if (this.byId.get(fixture.id) === fixture) this.byId.delete(fixture.id);
    }
    this.seasons.delete(oldest.value);
  }
}
