import { Injectable, Optional } from '@nestjs/common';
import type { ScoreMatrix } from '@app/betting';
import { Clock, SystemClock } from './clock.js';
import { SPORT_DATA } from './data/sports.data.js';
import type { TeamRecord, TournamentRecord } from './directory.types.js';
import {
  InvalidMarketError,
  InvalidQueryError,
  UnknownFixtureError,
  UnknownTeamError,
  UnknownTournamentError,
} from './domain/errors.js';
import type { Fixture, FixtureStatus, Score } from './domain/fixture.js';
import type { FormResult, HeadToHead, HeadToHeadMeeting, TeamForm } from './domain/form.js';
import { MARKET_CODES, isMarketCode, type FixtureOdds, type MarketCode, type MarketOdds } from './domain/market.js';
import type { FixtureQuery, TournamentQuery } from './domain/queries.js';
import { FOOTBALL_SPORT_ID, type Sport } from './domain/sport.js';
import type { Team, TeamRef } from './domain/team.js';
import type { Tournament } from './domain/tournament.js';
import {
  basketballBooks,
  basketballLines,
  expectedPoints,
  sampleBasketballScore,
  type PointModel,
} from './embedded/basketball-model.js';
import { DAY_MS, LIVE_WINDOW_MS, MINUTE_MS, weekOf } from './embedded/calendar.js';
import { FixtureSchedule } from './embedded/fixture-schedule.js';
import type { ScheduledFixture } from './embedded/scheduled-fixture.js';
import {
  balancedHandicapLine,
  expectedGoals,
  footballBooks,
  footballMatchMinute,
  inPlayMatrix,
  preMatchMatrix,
  sampleFootballMatch,
  scoreAtMinute,
  type GoalRates,
  type GoalTimeline,
} from './embedded/football-model.js';
import { priceBook, type MarketBook } from './embedded/market-book.js';
import { ODDS_BUCKET_MS, driftAt, oddsBucket } from './embedded/odds-drift.js';
import { normalizeName } from './name-matching.js';
import { seededRandom } from './random.js';
import { SportsDataProvider } from './sports-data.provider.js';
import { TeamDirectory } from './team-directory.js';

/** Fixtures are listed this far either side of now. */
export const EMBEDDED_HORIZON_DAYS = 14;
export { LIVE_WINDOW_MS };
const BASKETBALL_PLAYING_MINUTES = 115;
const DEFAULT_FORM_LENGTH = 5;
const MAX_FORM_LENGTH = 20;
// Form reaches back over a summer break into the previous season; head-to-head over three seasons.
const FORM_LOOKBACK_WEEKS = 26;
const HEAD_TO_HEAD_LOOKBACK_WEEKS = 156;
const MAX_HEAD_TO_HEAD_MEETINGS = 10;
// Size of one bucket's shock on the log of the scoring rates: goal rates move by about 0.6% per
// bucket, enough to show at two decimals; basketball prices react far more to a point of margin,
// so its rates move by much less.
const FOOTBALL_DRIFT = 0.006;
const BASKETBALL_DRIFT = 0.0012;
const OPEN_STATUSES: readonly FixtureStatus[] = ['pre_match', 'live'];

/** What a fixture looks like at a given instant. */
interface FixtureState {
  status: FixtureStatus;
  score?: Score;
  /** Share of the playing time gone, for in-play prices. */
  elapsedFraction: number;
}

/**
 * A self-contained, deterministic sports dataset for development, demos and tests, used when no
 * upstream is configured. Every competition follows its real calendar (see embedded/): the football
 * leagues as double round robins from August to May with midweek rounds, international and winter
 * breaks, the Champions League league phase and knockouts midweek, the EuroLeague on Thursday and
 * Friday from October to April then its play-offs and Final Four, the NBA nightly from late October to its June finals. Fixtures are
 * listed 14 days either side of the clock, and each league's marquee games are in its next round,
 * so that they are always coming up while the league is playing. Results and prices come from team
 * ratings through a goal (points) model, so a strong side is favoured in the odds and wins more
 * often in the results.
 */
@Injectable()
export class EmbeddedSportsProvider extends SportsDataProvider {
  readonly name = 'embedded' as const;

  private readonly clock: Clock;
  private readonly directory = new TeamDirectory();
  private readonly schedule = new FixtureSchedule(
    (tournamentId) => this.directory.teamsInTournament(tournamentId),
    (fixture) => this.finalScore(fixture),
  );

  constructor(@Optional() clock?: Clock) {
    super();
    this.clock = clock ?? new SystemClock();
  }

  async getSports(): Promise<Sport[]> {
    return SPORT_DATA.map((sport) => ({ ...sport }));
  }

  async getTournaments(query: TournamentQuery = {}): Promise<Tournament[]> {
    const country = query.country === undefined ? undefined : normalizeName(query.country);
    return this.directory.tournaments
      .filter(
        (t) =>
          (query.sportId === undefined || t.sportId === query.sportId) &&
          (query.active === undefined || t.active === query.active) &&
          (country === undefined || normalizeName(t.country) === country),
      )
      .map(toTournament);
  }

  async getFixtures(query: FixtureQuery): Promise<Fixture[]> {
    const now = this.now();
    const from = Math.max(now - EMBEDDED_HORIZON_DAYS * DAY_MS, toEpoch(query.from, 'from') ?? -Infinity);
    const to = Math.min(now + EMBEDDED_HORIZON_DAYS * DAY_MS, toEpoch(query.to, 'to') ?? Infinity);
    const limit = query.limit === undefined || Number.isNaN(query.limit) ? Infinity : Math.max(0, Math.floor(query.limit));
    if (from > to || limit === 0) return [];
    const statuses = query.status === undefined ? OPEN_STATUSES : [query.status];

    // A team's fixtures are in its own competitions only: no need to draw the others' seasons.
    const teamTournaments = query.teamId === undefined ? undefined : this.directory.teamById(query.teamId)?.tournamentIds ?? [];
    const tournaments = this.directory.tournaments.filter(
      (t) =>
        (query.tournamentId === undefined || t.id === query.tournamentId) &&
        (query.sportId === undefined || t.sportId === query.sportId) &&
        (teamTournaments === undefined || teamTournaments.includes(t.id)),
    );
    const fixtures: Fixture[] = [];
    for (const tournament of tournaments) {
      for (let week = weekOf(from); week <= weekOf(to); week++) {
        for (const scheduled of this.week(tournament, week)) {
          if (scheduled.start < from || scheduled.start > to) continue;
          if (query.teamId !== undefined && scheduled.home.id !== query.teamId && scheduled.away.id !== query.teamId) continue;
          const fixture = this.toFixture(scheduled, now);
          if (statuses.includes(fixture.status)) fixtures.push(fixture);
        }
      }
    }
    fixtures.sort(byStartTime);
    return fixtures.slice(0, limit);
  }

  async getFixture(id: string): Promise<Fixture> {
    const now = this.now();
    return this.toFixture(this.scheduledFixture(id, now), now);
  }

  async getOdds(fixtureId: string, market?: MarketCode): Promise<FixtureOdds> {
    if (market !== undefined && !isMarketCode(market)) throw new InvalidMarketError(String(market), [...MARKET_CODES]);
    const now = this.now();
    const scheduled = this.scheduledFixture(fixtureId, now);
    const bucket = oddsBucket(now);
    const updatedAt = new Date(bucket * ODDS_BUCKET_MS).toISOString();
    const state = this.stateAt(scheduled, now);
    if (state.status === 'finished') return { fixtureId, status: 'inactive', markets: [], updatedAt };

    const books = this.books(scheduled, state, bucket);
    const offered = [...new Set(books.map((book) => book.market))];
    if (market !== undefined && !offered.includes(market)) throw new InvalidMarketError(market, offered);
    const markets: MarketOdds[] = books
      .filter((book) => market === undefined || book.market === market)
      .map((book) => priceBook(book, fixtureId, updatedAt));
    return { fixtureId, status: 'active', markets, updatedAt };
  }

  async getTeamForm(teamId: string, last = DEFAULT_FORM_LENGTH): Promise<TeamForm> {
    const team = this.team(teamId);
    const count = Number.isFinite(last) ? Math.min(MAX_FORM_LENGTH, Math.max(1, Math.floor(last))) : DEFAULT_FORM_LENGTH;
    const now = this.now();
    const played = this.finishedFixtures(now, FORM_LOOKBACK_WEEKS, team.tournamentIds, count, (f) =>
      f.home.id === team.id || f.away.id === team.id,
    );
    const results = played.map((scheduled): FormResult => {
      const score = this.finalScore(scheduled);
      const atHome = scheduled.home.id === team.id;
      const goalsFor = atHome ? score.home : score.away;
      const goalsAgainst = atHome ? score.away : score.home;
      return {
        fixtureId: scheduled.id,
        opponent: ref(atHome ? scheduled.away : scheduled.home),
        venue: atHome ? 'home' : 'away',
        goalsFor,
        goalsAgainst,
        outcome: goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L' : 'D',
        date: new Date(scheduled.start).toISOString(),
      };
    });
    return { team: ref(team), results };
  }

  async getHeadToHead(teamA: string, teamB: string): Promise<HeadToHead> {
    const a = this.team(teamA);
    const b = this.team(teamB);
    const shared = a.tournamentIds.filter((id) => b.tournamentIds.includes(id));
    const now = this.now();
    const played =
      a.id === b.id
        ? []
        : this.finishedFixtures(now, HEAD_TO_HEAD_LOOKBACK_WEEKS, shared, MAX_HEAD_TO_HEAD_MEETINGS, (f) =>
            (f.home.id === a.id && f.away.id === b.id) || (f.home.id === b.id && f.away.id === a.id),
          );
    const summary = { winsA: 0, draws: 0, winsB: 0 };
    const meetings = played.map((scheduled): HeadToHeadMeeting => {
      const score = this.finalScore(scheduled);
      const goalsA = scheduled.home.id === a.id ? score.home : score.away;
      const goalsB = scheduled.home.id === a.id ? score.away : score.home;
      if (goalsA > goalsB) summary.winsA++;
      else if (goalsA < goalsB) summary.winsB++;
      else summary.draws++;
      return {
        fixtureId: scheduled.id,
        date: new Date(scheduled.start).toISOString(),
        tournament: { id: scheduled.tournament.id, name: scheduled.tournament.name },
        home: ref(scheduled.home),
        away: ref(scheduled.away),
        score,
      };
    });
    return { teamA: ref(a), teamB: ref(b), meetings, summary };
  }

  async resolveTeam(nameOrAlias: string): Promise<Team> {
    const team = this.directory.findTeam(nameOrAlias);
    if (team === undefined) throw new UnknownTeamError(nameOrAlias, this.directory.suggest(nameOrAlias));
    return toTeam(team);
  }

  async resolveTournament(nameOrAlias: string): Promise<Tournament> {
    const tournament = this.directory.findTournament(nameOrAlias);
    if (tournament === undefined) {
      throw new UnknownTournamentError(nameOrAlias, this.directory.suggestTournaments(nameOrAlias));
    }
    return toTournament(tournament);
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private team(id: string): TeamRecord {
    const team = this.directory.teamById(id);
    // Callers sometimes pass a name where an id is expected; the suggestions then point at the team.
    if (team === undefined) throw new UnknownTeamError(id, this.directory.suggest(id));
    return team;
  }

  /** One tournament's fixtures of one schedule week, as the calendar stands now. */
  private week(tournament: TournamentRecord, week: number): ScheduledFixture[] {
    return this.schedule.week(tournament, week, this.now());
  }

  /**
   * A fixture by id: anything in the listing window, or anything an earlier form or head-to-head
   * lookup reached further back.
   */
  private scheduledFixture(id: string, now: number): ScheduledFixture {
    const known = this.schedule.fixtureById(id);
    if (known !== undefined) return known;
    const first = weekOf(now - EMBEDDED_HORIZON_DAYS * DAY_MS);
    const last = weekOf(now + EMBEDDED_HORIZON_DAYS * DAY_MS);
    for (const tournament of this.directory.tournaments) {
      for (let week = first; week <= last; week++) this.week(tournament, week);
    }
    const found = this.schedule.fixtureById(id);
    if (found === undefined) throw new UnknownFixtureError(id);
    return found;
  }

  /**
   * Finished fixtures matching `predicate`, most recent first, walking back week by week until
   * `count` are found or `lookbackWeeks` are exhausted.
   */
  private finishedFixtures(
    now: number,
    lookbackWeeks: number,
    tournamentIds: readonly string[],
    count: number,
    predicate: (fixture: ScheduledFixture) => boolean,
  ): ScheduledFixture[] {
    const tournaments = tournamentIds
      .map((id) => this.directory.tournamentById(id))
      .filter((t): t is TournamentRecord => t !== undefined);
    const found: ScheduledFixture[] = [];
    const current = weekOf(now);
    for (let week = current; week > current - lookbackWeeks && found.length < count; week--) {
      const inWeek = tournaments
        .flatMap((tournament) => this.week(tournament, week))
        .filter((f) => f.start + LIVE_WINDOW_MS <= now && predicate(f))
        .sort((x, y) => y.start - x.start || compare(x.id, y.id));
      found.push(...inWeek);
    }
    return found.slice(0, count);
  }

  private toFixture(scheduled: ScheduledFixture, now: number): Fixture {
    const state = this.stateAt(scheduled, now);
    return {
      id: scheduled.id,
      sportId: scheduled.tournament.sportId,
      tournament: { id: scheduled.tournament.id, name: scheduled.tournament.name },
      home: ref(scheduled.home),
      away: ref(scheduled.away),
      startTime: new Date(scheduled.start).toISOString(),
      status: state.status,
      venue: scheduled.venue,
      ...(state.score === undefined ? {} : { score: state.score }),
    };
  }

  private stateAt(scheduled: ScheduledFixture, now: number): FixtureState {
    if (now < scheduled.start) return { status: 'pre_match', elapsedFraction: 0 };
    if (now >= scheduled.start + LIVE_WINDOW_MS) {
      return { status: 'finished', score: this.finalScore(scheduled), elapsedFraction: 1 };
    }
    const elapsedMinutes = (now - scheduled.start) / MINUTE_MS;
    if (isFootball(scheduled)) {
      const minute = footballMatchMinute(elapsedMinutes);
      return { status: 'live', score: scoreAtMinute(this.footballTimeline(scheduled), minute), elapsedFraction: minute / 90 };
    }
    const fraction = Math.min(1, elapsedMinutes / BASKETBALL_PLAYING_MINUTES);
    const final = this.finalScore(scheduled);
    return {
      status: 'live',
      score: { home: Math.round(final.home * fraction), away: Math.round(final.away * fraction) },
      elapsedFraction: fraction,
    };
  }

  private finalScore(scheduled: ScheduledFixture): Score {
    if (isFootball(scheduled)) return this.footballTimeline(scheduled).final;
    return sampleBasketballScore(basketballModel(scheduled), seededRandom('result', scheduled.id));
  }

  private footballTimeline(scheduled: ScheduledFixture): GoalTimeline {
    return sampleFootballMatch(preMatchMatrix(expectedGoals(scheduled.home, scheduled.away)), seededRandom('result', scheduled.id));
  }

  /** The fixture's markets as fair probabilities at this bucket: the model, nudged by the drift. */
  private books(scheduled: ScheduledFixture, state: FixtureState, bucket: number): MarketBook[] {
    const homeName = scheduled.home.name;
    const awayName = scheduled.away.name;
    const homeDrift = driftAt(scheduled.id, 'home', bucket);
    const awayDrift = driftAt(scheduled.id, 'away', bucket);
    if (isFootball(scheduled)) {
      const rates = expectedGoals(scheduled.home, scheduled.away);
      const drifted: GoalRates = {
        home: rates.home * Math.exp(FOOTBALL_DRIFT * homeDrift),
        away: rates.away * Math.exp(FOOTBALL_DRIFT * awayDrift),
      };
      // The handicap line comes from the undrifted model so that it stays put as prices move.
      const line = balancedHandicapLine(preMatchMatrix(rates));
      const matrix: ScoreMatrix =
        state.status === 'live'
          ? inPlayMatrix(drifted, state.score ?? { home: 0, away: 0 }, state.elapsedFraction)
          : preMatchMatrix(drifted);
      return footballBooks(matrix, homeName, awayName, line);
    }
    const model = basketballModel(scheduled);
    const drifted: PointModel = {
      ...model,
      home: model.home * Math.exp(BASKETBALL_DRIFT * homeDrift),
      away: model.away * Math.exp(BASKETBALL_DRIFT * awayDrift),
    };
    return basketballBooks(drifted, basketballLines(model), homeName, awayName, state.score, state.elapsedFraction);
  }
}

function isFootball(scheduled: ScheduledFixture): boolean {
  return scheduled.tournament.sportId === FOOTBALL_SPORT_ID;
}

function basketballModel(scheduled: ScheduledFixture): PointModel {
  return expectedPoints(scheduled.tournament.id, scheduled.home, scheduled.away);
}

function ref(team: TeamRecord): TeamRef {
  return { id: team.id, name: team.name };
}

function toTeam(record: TeamRecord): Team {
  return {
    id: record.id,
    name: record.name,
    ...(record.nameEs === undefined ? {} : { nameEs: record.nameEs }),
    aliases: [...record.aliases],
    country: record.country,
    sportId: record.sportId,
  };
}

function toTournament(record: TournamentRecord): Tournament {
  const { id, name, nameEs, country, sportId, active } = record;
  return { id, name, nameEs, country, sportId, active };
}

function byStartTime(a: Fixture, b: Fixture): number {
  return compare(a.startTime, b.startTime) || compare(a.tournament.id, b.tournament.id) || compare(a.id, b.id);
}

// Code-unit order: ISO timestamps and digit ids of equal length sort correctly, whatever the locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toEpoch(value: Date | string | undefined, parameter: string): number | undefined {
  if (value === undefined) return undefined;
  const epoch = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(epoch)) {
    throw new InvalidQueryError(parameter, `"${parameter}" must be an ISO-8601 date, received "${String(value)}"`);
  }
  return epoch;
}
