import { Injectable } from '@nestjs/common';
import { impliedProbability } from '@app/betting';
import { isDomainError } from '@app/common';
import { InvalidQueryError } from '../domain/errors.js';
import type { TeamForm } from '../domain/form.js';
import { type FixtureOdds, marketOverround, winnerMarketOf } from '../domain/market.js';
import type { FixtureQuery } from '../domain/queries.js';
import { normalizeName } from '../name-matching.js';
import { PredictionService } from '../service/prediction.service.js';
import type { Sourced } from '../service/sourced.js';
import { SportsDataService } from '../service/sports-data.service.js';
import type { BatchMatchesDto, CompareQueryDto, FixturesQueryDto, OddsQueryDto, TournamentsQueryDto } from './dto/sports-queries.dto.js';

const DAY_MS = 24 * 3600 * 1000;
const MAX_RANGE_DAYS = 62;

/** Freshness fields every sports answer carries. */
function meta<T>(sourced: Sourced<T>) {
  return {
    source: sourced.source,
    stale: sourced.stale,
    ...(sourced.ageSeconds !== undefined ? { ageSeconds: sourced.ageSeconds } : {}),
    fetchedAt: sourced.fetchedAt,
  };
}

/** Shapes sports data for the REST API: resolves names, checks ranges, adds derived figures. */
@Injectable()
export class SportsApiService {
  constructor(
    private readonly sportsData: SportsDataService,
    private readonly predictions: PredictionService,
  ) {}

  async sports() {
    const sports = await this.sportsData.getSports();
    return { ...meta(sports), sports: sports.data };
  }

  async tournaments(query: TournamentsQueryDto) {
    const sportId = query.sport ? await this.resolveSportId(query.sport) : undefined;
    const tournaments = await this.sportsData.getTournaments({ sportId, country: query.country, active: query.active });
    return { ...meta(tournaments), count: tournaments.data.length, tournaments: tournaments.data };
  }

  async fixtures(query: FixturesQueryDto) {
    const { from, to } = dateRange(query);
    const filter: FixtureQuery = { from, to, status: query.type, limit: query.limit ?? 50 };
    if (query.sport) filter.sportId = await this.resolveSportId(query.sport);
    if (query.team) filter.teamId = (await this.sportsData.resolveTeam(query.team)).id;
    if (query.tournament) filter.tournamentId = (await this.sportsData.resolveTournament(query.tournament)).id;
    const fixtures = await this.sportsData.getFixtures(filter);
    return { ...meta(fixtures), count: fixtures.data.length, fixtures: fixtures.data };
  }

  async odds(query: OddsQueryDto) {
    const [fixture, odds] = await Promise.all([
      this.sportsData.getFixture(query.match_id),
      this.sportsData.getOdds(query.match_id, query.market),
    ]);
    return { ...meta(odds), stale: odds.stale || fixture.stale, fixture: fixture.data, ...describeOdds(odds.data) };
  }

  async team(name: string) {
    const team = await this.sportsData.resolveTeam(name);
    const [form, upcoming] = await Promise.all([
      this.sportsData.getTeamForm(team.id, 5),
      this.sportsData.getFixtures({ teamId: team.id, limit: 1 }),
    ]);
    return {
      ...meta(form),
      stale: form.stale || upcoming.stale,
      team,
      form: summariseForm(form.data),
      nextFixture: upcoming.data[0] ?? null,
    };
  }

  async compare(query: CompareQueryDto) {
    const [a, b] = await Promise.all([this.sportsData.resolveTeam(query.team_a), this.sportsData.resolveTeam(query.team_b)]);
    if (a.id === b.id) throw new InvalidQueryError('team_b', 'team_a and team_b must be two different teams');
    const [formA, formB, h2h, upcomingA] = await Promise.all([
      this.sportsData.getTeamForm(a.id, 5),
      this.sportsData.getTeamForm(b.id, 5),
      this.sportsData.getHeadToHead(a.id, b.id),
      this.sportsData.getFixtures({ teamId: a.id, limit: 20 }),
    ]);
    const nextMeeting = upcomingA.data.find((f) => f.home.id === b.id || f.away.id === b.id) ?? null;
    const odds = nextMeeting ? await this.winnerOdds(nextMeeting.id) : undefined;
    return {
      ...meta(h2h),
      stale: [formA, formB, h2h, upcomingA].some((s) => s.stale),
      teamA: { team: a, form: summariseForm(formA.data) },
      teamB: { team: b, form: summariseForm(formB.data) },
      headToHead: h2h.data,
      nextMeeting,
      odds: odds ? describeOdds(odds.data) : null,
    };
  }

  async prediction(matchId: string) {
    const { prediction, stale, source } = await this.predictions.predict(matchId);
    return { source, stale, ...prediction };
  }

  /** Odds and prediction for each id; one bad id gives an error item, not a failed batch. */
  async batch(body: BatchMatchesDto) {
    const ids = [...new Set(body.match_ids)];
    const results = await Promise.all(
      ids.map(async (matchId) => {
        try {
          const [odds, prediction] = await Promise.all([this.odds({ match_id: matchId }), this.predictions.predict(matchId).catch(() => undefined)]);
          return { match_id: matchId, status: 'ok' as const, odds, prediction: prediction?.prediction ?? null };
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return { match_id: matchId, status: 'error' as const, error: { statusCode: error.httpStatus, code: error.code, message: error.message } };
        }
      }),
    );
    return { count: results.length, results };
  }

  /** The match-winner market of a fixture (moneyline or 1X2), or undefined when none is priced. */
  private async winnerOdds(fixtureId: string): Promise<Sourced<FixtureOdds> | undefined> {
    const odds = await this.sportsData.getOdds(fixtureId).catch(() => undefined);
    const winner = odds ? winnerMarketOf(odds.data.markets) : undefined;
    return odds && winner ? { ...odds, data: { ...odds.data, markets: [winner] } } : undefined;
  }

  private async resolveSportId(sport: string): Promise<string> {
    const wanted = normalizeName(sport);
    const synonyms: Record<string, string> = { soccer: 'football', futbol: 'football', baloncesto: 'basketball', basquet: 'basketball' };
    const name = synonyms[wanted] ?? wanted;
    const sports = (await this.sportsData.getSports()).data;
    const match = sports.find((s) => s.id === sport || normalizeName(s.name) === name || normalizeName(s.nameEs) === name);
    if (!match) {
      throw new InvalidQueryError('sport', `Unknown sport "${sport}"; known sports: ${sports.map((s) => s.name).join(', ')}`);
    }
    return match.id;
  }
}

/** Odds with each selection's implied probability and each market's margin. */
export function describeOdds(odds: FixtureOdds) {
  return {
    status: odds.status,
    updatedAt: odds.updatedAt,
    markets: odds.markets.map((market) => ({
      market: market.market,
      ...(market.line !== undefined ? { line: market.line } : {}),
      overround: Math.round(marketOverround(market) * 10_000) / 10_000,
      selections: market.selections.map((s) => ({ ...s, impliedProbability: Math.round(impliedProbability(s.odds) * 10_000) / 10_000 })),
      updatedAt: market.updatedAt,
    })),
  };
}

export function summariseForm(form: TeamForm) {
  const points = form.results.reduce((sum, r) => sum + (r.outcome === 'W' ? 3 : r.outcome === 'D' ? 1 : 0), 0);
  return {
    last: form.results.map((r) => r.outcome).join(''),
    points,
    goalsFor: form.results.reduce((sum, r) => sum + r.goalsFor, 0),
    goalsAgainst: form.results.reduce((sum, r) => sum + r.goalsAgainst, 0),
    results: form.results,
  };
}

function dateRange(query: FixturesQueryDto): { from?: string; to?: string } {
  if (query.date && (query.from || query.to)) {
    throw new InvalidQueryError('date', 'Use either date or from/to, not both');
  }
  if (query.date) {
    const start = Date.parse(`${query.date}T00:00:00.000Z`);
    return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS - 1).toISOString() };
  }
  const from = query.from ? startOf(query.from) : undefined;
  const to = query.to ? endOf(query.to) : undefined;
  // The DTO lets only readable forms through; this keeps an unreadable one a 400, never a 500.
  if (from !== undefined && !Number.isFinite(from)) throw new InvalidQueryError('from', 'from must be an ISO-8601 date or date-time');
  if (to !== undefined && !Number.isFinite(to)) throw new InvalidQueryError('to', 'to must be an ISO-8601 date or date-time');
  if (from !== undefined && to !== undefined) {
    if (from > to) throw new InvalidQueryError('from', 'from must not be after to');
    if (to - from > MAX_RANGE_DAYS * DAY_MS) throw new InvalidQueryError('to', `A range may span at most ${MAX_RANGE_DAYS} days`);
  }
  return { from: from !== undefined ? new Date(from).toISOString() : undefined, to: to !== undefined ? new Date(to).toISOString() : undefined };
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const startOf = (value: string) => Date.parse(isDay(value) ? `${value}T00:00:00.000Z` : value);
// A bare day as the end of a range means the whole of that day.
const endOf = (value: string) => (isDay(value) ? Date.parse(`${value}T00:00:00.000Z`) + DAY_MS - 1 : Date.parse(value));
