import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { cacheConfig, type CacheConfig } from '@app/config';
import { Clock, SystemClock } from '../clock.js';
import type { TeamRecord, TournamentRecord } from '../directory.types.js';
import {
  InvalidMarketError,
  InvalidQueryError,
  UnknownFixtureError,
  UnknownTeamError,
  UnknownTournamentError,
  UpstreamRejectedError,
} from '../domain/errors.js';
import type { Fixture, FixtureStatus } from '../domain/fixture.js';
import type { FormResult, HeadToHead, HeadToHeadMeeting, TeamForm } from '../domain/form.js';
import { MARKET_CODES, isMarketCode, type FixtureOdds, type MarketCode } from '../domain/market.js';
import type { FixtureQuery, TournamentQuery } from '../domain/queries.js';
import type { Sport } from '../domain/sport.js';
import type { Team, TeamRef } from '../domain/team.js';
import type { Tournament } from '../domain/tournament.js';
import { normalizeName } from '../name-matching.js';
import { SportsDataProvider } from '../sports-data.provider.js';
import { TeamDirectory } from '../team-directory.js';
import { ChatBetApiClient, type ChatBetClientStats, type ChatBetFixtureType } from './chatbet-api.client.js';
import { ChatBetAdapter, type ChatBetFixtureEntry, type ChatBetTournamentEntry } from './chatbet.adapter.js';

/** Sports, tournaments and the team name → id map change slowly: rebuilt at most once a day. */
export const CATALOGUE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a fixture listing is reused when no cache config is given (the app passes the fixtures TTL). */
const DEFAULT_LISTING_TTL_MS = 60 * 1000;
const DEFAULT_FORM_LENGTH = 5;
const MAX_FORM_LENGTH = 20;
const MAX_HEAD_TO_HEAD_MEETINGS = 10;
const MAX_INDEXED_FIXTURES = 50_000;
const OPEN_STATUSES: readonly FixtureStatus[] = ['pre_match', 'live'];
// Statuses searched when looking a fixture up by id: the open ones first, as they are asked about most.
const LOOKUP_STATUSES: readonly FixtureStatus[] = ['live', 'pre_match', 'finished'];
// Answers by which the upstream says it does not know the results listing (see `listing`).
const RESULTS_UNSUPPORTED_STATUSES = new Set([400, 404, 405, 422]);
// TeamDirectory's records carry model data the upstream has no use for; these neutral values fill it.
const NEUTRAL_RATING = { attack: 1, defence: 1 };

/** Where a fixture lives upstream: what the odds endpoint needs, remembered from listings. */
interface FixtureLocator {
  sportId: string;
  tournamentId: string;
  home: TeamRef;
  away: TeamRef;
}

interface TournamentCatalogue {
  list: Tournament[];
  directory: TeamDirectory;
}

/**
 * Sports data from the ChatBet upstream, through `ChatBetApiClient` (transport, retries, breaker)
 * and `ChatBetAdapter` (wire shapes).
 *
 * The upstream has no team endpoint, so teams are collected from fixture listings; names are
 * enriched with the aliases and countries of the built-in directory where a name matches, so that
 * "Barça" finds the upstream's Barcelona. Tournament and team catalogues are kept for a day.
 *
 * Form and head-to-head: the upstream offers neither, nor any documented results listing. They are
 * derived from finished fixtures requested as `type=finished`, a value outside the published
 * contract; when the upstream refuses it, results are treated as unavailable for a day and form and
 * head-to-head come back empty rather than failing.
 *
 * Failures surface as `UpstreamUnavailableError` (or its subclasses); serving the last good answer
 * is the job of the service above, not of this provider.
 */
@Injectable()
export class ChatBetHttpProvider extends SportsDataProvider {
  readonly name = 'chatbet' as const;

  private readonly logger = new Logger(ChatBetHttpProvider.name);
  private readonly clock: Clock;
  /** The built-in directory, used only to enrich upstream names with aliases and countries. */
  private readonly builtIn = new TeamDirectory();
  private readonly sports: ExpiringValue<Sport[]>;
  private readonly tournaments: ExpiringValue<TournamentCatalogue>;
  private readonly teamSweep: ExpiringValue<void>;
  private readonly teams = new Map<string, TeamRecord>();
  private teamDirectory?: TeamDirectory;
  private readonly fixtureIndex = new Map<string, FixtureLocator>();
  /** One entry per listing request (scope and status): reused for the fixtures TTL, loaded once when asked concurrently. */
  private readonly listingCache = new Map<string, ExpiringValue<Fixture[]>>();
  private readonly listingTtlMs: number;
  private resultsUnsupportedUntil = 0;

  constructor(
    private readonly client: ChatBetApiClient,
    private readonly adapter: ChatBetAdapter,
    @Optional() clock?: Clock,
    @Optional() @Inject(cacheConfig.KEY) cache?: CacheConfig,
  ) {
    super();
    this.clock = clock ?? new SystemClock();
    this.listingTtlMs = cache === undefined ? DEFAULT_LISTING_TTL_MS : cache.ttlSeconds.fixtures * 1000;
    const now = () => this.now();
    this.sports = new ExpiringValue(CATALOGUE_TTL_MS, now, async () => this.adapter.toSports(await this.client.getSports()));
    this.tournaments = new ExpiringValue(CATALOGUE_TTL_MS, now, () => this.loadTournaments());
    this.teamSweep = new ExpiringValue(CATALOGUE_TTL_MS, now, () => this.sweepTeams());
  }

  /** Breaker state and request counters of the upstream client, for metrics and health probes. */
  upstreamStats(): ChatBetClientStats {
    return this.client.stats();
  }

  getSports(): Promise<Sport[]> {
    return this.sports.get();
  }

  async getTournaments(query: TournamentQuery = {}): Promise<Tournament[]> {
    const { list } = await this.tournaments.get();
    const country = query.country === undefined ? undefined : normalizeName(query.country);
    return list.filter(
      (t) =>
        (query.sportId === undefined || t.sportId === query.sportId) &&
        (query.active === undefined || t.active === query.active) &&
        (country === undefined || normalizeName(t.country) === country),
    );
  }

  async getFixtures(query: FixtureQuery): Promise<Fixture[]> {
    const from = toEpoch(query.from, 'from') ?? -Infinity;
    const to = toEpoch(query.to, 'to') ?? Infinity;
    const limit = query.limit === undefined ? Infinity : Math.max(0, Math.floor(query.limit));
    if (from > to || limit === 0) return [];
    const statuses = query.status === undefined ? OPEN_STATUSES : [query.status];

    const fixtures = (await this.listings(await this.scopesFor(query), statuses)).filter((fixture) => {
      const start = Date.parse(fixture.startTime);
      return (
        (query.sportId === undefined || fixture.sportId === query.sportId) &&
        (query.tournamentId === undefined || fixture.tournament.id === query.tournamentId) &&
        (query.teamId === undefined || fixture.home.id === query.teamId || fixture.away.id === query.teamId) &&
        start >= from &&
        start <= to
      );
    });
    return fixtures.sort(byStartTime).slice(0, limit);
  }

  async getFixture(id: string): Promise<Fixture> {
    const located = this.fixtureIndex.get(id);
    const scopes: Scope[] = located === undefined
      ? (await this.getSports()).map((sport) => ({ sportId: sport.id }))
      : [{ sportId: located.sportId, tournamentId: located.tournamentId }];
    const fixtures = await this.listings(scopes, LOOKUP_STATUSES);
    const found = fixtures.find((fixture) => fixture.id === id);
    if (found === undefined) throw new UnknownFixtureError(id);
    return found;
  }

  async getOdds(fixtureId: string, market?: MarketCode): Promise<FixtureOdds> {
    if (market !== undefined && !isMarketCode(market)) throw new InvalidMarketError(String(market), [...MARKET_CODES]);
    const located = this.fixtureIndex.get(fixtureId) ?? locatorOf(await this.getFixture(fixtureId));
    const raw = await this.client.getOdds({
      sportId: located.sportId,
      tournamentId: located.tournamentId,
      fixtureId,
      amount: 1,
    });
    const odds = this.adapter.toFixtureOdds(raw, { fixtureId, home: located.home, away: located.away, now: this.clock.now() });
    if (market === undefined || odds.status === 'inactive') return odds;
    const offered = [...new Set(odds.markets.map((m) => m.market))];
    if (!offered.includes(market)) throw new InvalidMarketError(market, offered);
    return { ...odds, markets: odds.markets.filter((m) => m.market === market) };
  }

  async getTeamForm(teamId: string, last = DEFAULT_FORM_LENGTH): Promise<TeamForm> {
    const team = await this.team(teamId);
    const count = Number.isFinite(last) ? Math.min(MAX_FORM_LENGTH, Math.max(1, Math.floor(last))) : DEFAULT_FORM_LENGTH;
    const played = (await this.finished(team.sportId))
      .filter((f) => f.home.id === team.id || f.away.id === team.id)
      .slice(0, count);
    const results = played.map((fixture): FormResult => {
      const score = fixture.score!;
      const atHome = fixture.home.id === team.id;
      const goalsFor = atHome ? score.home : score.away;
      const goalsAgainst = atHome ? score.away : score.home;
      return {
        fixtureId: fixture.id,
        opponent: atHome ? fixture.away : fixture.home,
        venue: atHome ? 'home' : 'away',
        goalsFor,
        goalsAgainst,
        outcome: goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L' : 'D',
        date: fixture.startTime,
      };
    });
    return { team: { id: team.id, name: team.name }, results };
  }

  async getHeadToHead(teamA: string, teamB: string): Promise<HeadToHead> {
    const a = await this.team(teamA);
    const b = await this.team(teamB);
    const played =
      a.id === b.id || a.sportId !== b.sportId
        ? []
        : (await this.finished(a.sportId))
            .filter((f) => (f.home.id === a.id && f.away.id === b.id) || (f.home.id === b.id && f.away.id === a.id))
            .slice(0, MAX_HEAD_TO_HEAD_MEETINGS);
    const summary = { winsA: 0, draws: 0, winsB: 0 };
    const meetings = played.map((fixture): HeadToHeadMeeting => {
      const score = fixture.score!;
      const goalsA = fixture.home.id === a.id ? score.home : score.away;
      const goalsB = fixture.home.id === a.id ? score.away : score.home;
      if (goalsA > goalsB) summary.winsA++;
      else if (goalsA < goalsB) summary.winsB++;
      else summary.draws++;
      return { fixtureId: fixture.id, date: fixture.startTime, tournament: fixture.tournament, home: fixture.home, away: fixture.away, score };
    });
    return { teamA: { id: a.id, name: a.name }, teamB: { id: b.id, name: b.name }, meetings, summary };
  }

  /**
   * A name the built-in directory knows ("Barcelona", "Lakers") is looked for in its sport's open
   * listings only, which the fixtures question that follows needs anyway; any other name, or one
   * not found there, in the day's sweep of every sport.
   */
  async resolveTeam(nameOrAlias: string): Promise<Team> {
    const hint = this.builtIn.findTeam(nameOrAlias);
    if (hint !== undefined) {
      await this.listings([{ sportId: hint.sportId }], OPEN_STATUSES);
      const found = this.learnedTeams().findTeam(nameOrAlias);
      if (found !== undefined && found.sportId === hint.sportId) return toTeam(found);
    }
    const directory = await this.teamNames();
    const team = directory.findTeam(nameOrAlias);
    if (team === undefined) throw new UnknownTeamError(nameOrAlias, directory.suggest(nameOrAlias));
    return toTeam(team);
  }

  async resolveTournament(nameOrAlias: string): Promise<Tournament> {
    const { list, directory } = await this.tournaments.get();
    const found = directory.findTournament(nameOrAlias);
    const tournament = found === undefined ? undefined : list.find((t) => t.id === found.id);
    if (tournament === undefined) {
      throw new UnknownTournamentError(nameOrAlias, directory.suggestTournaments(nameOrAlias));
    }
    return tournament;
  }

  // --- Catalogues ---

  private async loadTournaments(): Promise<TournamentCatalogue> {
    const [english, spanish, active] = await Promise.all([
      this.client.getAllTournaments({ language: 'en', withActiveFixtures: false }),
      this.client.getAllTournaments({ language: 'es', withActiveFixtures: false }),
      this.client.getAllTournaments({ language: 'en', withActiveFixtures: true }),
    ]);
    const spanishNames = new Map(this.adapter.toAllTournaments(spanish).map((t) => [t.id, t.name]));
    const activeIds = new Set(this.adapter.toAllTournaments(active).map((t) => t.id));
    const records: TournamentRecord[] = [];
    const seen = new Set<string>();
    for (const entry of this.adapter.toAllTournaments(english)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      records.push(this.tournamentRecord(entry, spanishNames.get(entry.id), activeIds.has(entry.id)));
    }
    return {
      list: records.map(({ id, name, nameEs, country, sportId, active: isActive }) => ({ id, name, nameEs, country, sportId, active: isActive })),
      directory: new TeamDirectory({ teams: [], tournaments: records, derbies: [] }),
    };
  }

  private tournamentRecord(entry: ChatBetTournamentEntry, nameEs: string | undefined, active: boolean): TournamentRecord {
    const known = this.builtIn.findTournament(entry.name);
    const match = known !== undefined && known.sportId === entry.sportId ? known : undefined;
    return {
      id: entry.id,
      name: entry.name,
      nameEs: nameEs ?? match?.nameEs ?? entry.name,
      aliases: match === undefined ? [] : [match.name, match.nameEs, ...match.aliases],
      // The upstream says nothing about countries; the built-in directory knows the big competitions.
      country: match?.country ?? '',
      sportId: entry.sportId,
      active,
    };
  }

  /** Teams are only named in fixtures: one sweep over every sport's listings fills the map for a day. */
  private async sweepTeams(): Promise<void> {
    const sports = await this.getSports();
    await this.listings(
      sports.map((sport) => ({ sportId: sport.id })),
      LOOKUP_STATUSES,
    );
    this.logger.log(`ChatBet team catalogue: ${this.teams.size} teams`);
  }

  private async teamNames(): Promise<TeamDirectory> {
    await this.teamSweep.get();
    return this.learnedTeams();
  }

  /** The teams learned from listings so far, without fetching any. */
  private learnedTeams(): TeamDirectory {
    this.teamDirectory ??= new TeamDirectory({ teams: [...this.teams.values()], tournaments: [], derbies: [] });
    return this.teamDirectory;
  }

  private async team(id: string): Promise<TeamRecord> {
    // An id handed out by resolveTeam is already known; only an unknown one needs the sweep.
    const known = this.teams.get(id);
    if (known !== undefined) return known;
    const directory = await this.teamNames();
    const team = this.teams.get(id);
    // Callers sometimes pass a name where an id is expected; the suggestions then point at the team.
    if (team === undefined) throw new UnknownTeamError(id, directory.suggest(id));
    return team;
  }

  /** Learns teams and fixture locations from a listing, so later lookups need no scan. */
  private remember(entries: ChatBetFixtureEntry[]): void {
    for (const { fixture, homeNameEs, awayNameEs } of entries) {
      this.fixtureIndex.delete(fixture.id);
      this.fixtureIndex.set(fixture.id, locatorOf(fixture));
      this.rememberTeam(fixture.home, homeNameEs, fixture);
      this.rememberTeam(fixture.away, awayNameEs, fixture);
    }
    // Oldest first out: Map iteration follows insertion order, and every listing re-inserts what it saw.
    while (this.fixtureIndex.size > MAX_INDEXED_FIXTURES) {
      const oldest = this.fixtureIndex.keys().next();
      if (oldest.done === true) break;
      this.fixtureIndex.delete(oldest.value);
    }
  }

  private rememberTeam(ref: TeamRef, nameEs: string | undefined, fixture: Fixture): void {
    const existing = this.teams.get(ref.id);
    const learnsSpanish = nameEs !== undefined && nameEs !== ref.name && existing?.nameEs === undefined;
    if (existing !== undefined && existing.name === ref.name && !learnsSpanish) {
      if (!existing.tournamentIds.includes(fixture.tournament.id)) existing.tournamentIds.push(fixture.tournament.id);
      return;
    }
    const known = this.builtIn.findTeam(ref.name);
    const match = known !== undefined && known.sportId === fixture.sportId ? known : undefined;
    const spanish = nameEs ?? match?.nameEs;
    this.teams.set(ref.id, {
      id: ref.id,
      name: ref.name,
      ...(spanish === undefined || spanish === ref.name ? {} : { nameEs: spanish }),
      aliases: match === undefined ? [] : [...new Set([match.name, ...match.aliases])].filter((alias) => alias !== ref.name),
      country: match?.country ?? '',
      sportId: fixture.sportId,
      tournamentIds: [...new Set([...(existing?.tournamentIds ?? []), fixture.tournament.id])],
      rating: NEUTRAL_RATING,
      venue: '',
    });
    this.teamDirectory = undefined;
  }

  // --- Fixture listings ---

  private async scopesFor(query: FixtureQuery): Promise<Scope[]> {
    if (query.tournamentId !== undefined) {
      const { list } = await this.tournaments.get();
      const sportId = list.find((t) => t.id === query.tournamentId)?.sportId ?? query.sportId;
      if (query.sportId !== undefined && sportId !== query.sportId) return [];
      return [{ tournamentId: query.tournamentId, ...(sportId === undefined ? {} : { sportId }) }];
    }
    if (query.sportId !== undefined) return [{ sportId: query.sportId }];
    const team = query.teamId === undefined ? undefined : this.teams.get(query.teamId);
    if (team !== undefined) return [{ sportId: team.sportId }];
    return (await this.getSports()).map((sport) => ({ sportId: sport.id }));
  }

  /**
   * Every fixture of the given scopes and statuses, fetched in parallel, each id once. A
   * tournament's fixtures are cut from its sport's listing when that is already held, instead of
   * asking the upstream for the tournament's own.
   */
  private async listings(scopes: Scope[], statuses: readonly FixtureStatus[]): Promise<Fixture[]> {
    const lists = await Promise.all(
      scopes.flatMap((scope) =>
        statuses.map((status) => {
          const whole = scope.tournamentId !== undefined && scope.sportId !== undefined ? this.heldListing({ sportId: scope.sportId }, status) : undefined;
          return whole === undefined ? this.listing(scope, status) : Promise.resolve(whole.filter((f) => f.tournament.id === scope.tournamentId));
        }),
      ),
    );
    const byId = new Map<string, Fixture>();
    for (const fixture of lists.flat()) if (!byId.has(fixture.id)) byId.set(fixture.id, fixture);
    return [...byId.values()];
  }

  /** One listing request, reused for the listing TTL; concurrent callers share one upstream call. */
  private listing(scope: Scope, status: FixtureStatus): Promise<Fixture[]> {
    if (status === 'finished' && this.now() < this.resultsUnsupportedUntil) return Promise.resolve([]);
    const key = listingKey(scope, status);
    let entry = this.listingCache.get(key);
    if (entry === undefined) {
      entry = new ExpiringValue(this.listingTtlMs, () => this.now(), () => this.fetchListing(scope, status));
      this.listingCache.set(key, entry);
    }
    return entry.get();
  }

  /** A listing already held and fresh, without fetching it. */
  private heldListing(scope: Scope, status: FixtureStatus): Fixture[] | undefined {
    return this.listingCache.get(listingKey(scope, status))?.peek();
  }

  private async fetchListing(scope: Scope, status: FixtureStatus): Promise<Fixture[]> {
    const type: ChatBetFixtureType = status;
    let raw: unknown;
    try {
      raw =
        scope.tournamentId !== undefined
          ? await this.client.getFixtures({ tournamentId: scope.tournamentId, type })
          : await this.client.getSportsFixtures({ sportId: scope.sportId, type });
    } catch (error) {
      if (status === 'finished' && error instanceof UpstreamRejectedError && RESULTS_UNSUPPORTED_STATUSES.has(error.upstreamStatus)) {
        this.logger.warn(`ChatBet does not list finished fixtures (HTTP ${error.upstreamStatus}); form and head-to-head will be empty`);
        this.resultsUnsupportedUntil = this.now() + CATALOGUE_TTL_MS;
        return [];
      }
      throw error;
    }
    const entries = this.adapter.toFixtures(raw, { status, now: this.clock.now(), ...(scope.sportId === undefined ? {} : { sportId: scope.sportId }) });
    this.remember(entries);
    return entries.map((entry) => entry.fixture);
  }

  /** Finished fixtures of a sport that carry a score, most recent first. */
  private async finished(sportId: string): Promise<Fixture[]> {
    const fixtures = await this.listing({ sportId }, 'finished');
    return fixtures
      .filter((f) => f.score !== undefined && Date.parse(f.startTime) <= this.now())
      .sort((x, y) => byStartTime(y, x));
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

/** What one listing request covers: a whole sport, or one tournament. */
type Scope = { sportId: string; tournamentId?: undefined } | { tournamentId: string; sportId?: string };

function listingKey(scope: Scope, status: FixtureStatus): string {
  return scope.tournamentId === undefined ? `sport:${scope.sportId}:${status}` : `tournament:${scope.tournamentId}:${status}`;
}

/**
 * A value loaded on first use and kept for `ttlMs`. Concurrent callers share one load, and a failed
 * load is not kept, so the next caller tries again.
 */
class ExpiringValue<T> {
  private value?: { data: T; expiresAt: number };
  private pending?: Promise<T>;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly load: () => Promise<T>,
  ) {}

  /** The value when it is loaded and fresh; never loads. */
  peek(): T | undefined {
    return this.value !== undefined && this.now() < this.value.expiresAt ? this.value.data : undefined;
  }

  get(): Promise<T> {
    const fresh = this.peek();
    if (fresh !== undefined) return Promise.resolve(fresh);
    this.pending ??= this.load()
      .then((data) => {
        this.value = { data, expiresAt: this.now() + this.ttlMs };
        return data;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

function locatorOf(fixture: Fixture): FixtureLocator {
  return { sportId: fixture.sportId, tournamentId: fixture.tournament.id, home: fixture.home, away: fixture.away };
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

function byStartTime(a: Fixture, b: Fixture): number {
  return a.startTime.localeCompare(b.startTime) || a.tournament.id.localeCompare(b.tournament.id) || a.id.localeCompare(b.id);
}

function toEpoch(value: Date | string | undefined, parameter: string): number | undefined {
  if (value === undefined) return undefined;
  const epoch = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(epoch)) {
    throw new InvalidQueryError(parameter, `"${parameter}" must be an ISO-8601 date, received "${String(value)}"`);
  }
  return epoch;
}
