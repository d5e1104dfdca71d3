import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppCacheService } from '@app/cache';
import type { CacheResourceName } from '@app/config';
import { MetricsService } from '@app/metrics';
import { ChatBetHttpProvider } from '../chatbet/chatbet-http.provider.js';
import { InvalidMarketError, UpstreamUnavailableError } from '../domain/errors.js';
import type { Fixture } from '../domain/fixture.js';
import type { HeadToHead, TeamForm } from '../domain/form.js';
import type { FixtureOdds, MarketCode } from '../domain/market.js';
import type { FixtureQuery, TournamentQuery } from '../domain/queries.js';
import type { Sport } from '../domain/sport.js';
import type { Team } from '../domain/team.js';
import type { Tournament } from '../domain/tournament.js';
import { SportsDataProvider } from '../sports-data.provider.js';
import type { Sourced } from './sourced.js';

// How long the last good answer is kept for serving while the source is down.
const LAST_GOOD_TTL_MS = 24 * 3600 * 1000;

interface Stored<T> {
  data: T;
  fetchedAt: string;
}

/**
 * The one entry point to sports data for REST routes and chat tools. It adds, on top of whichever
 * provider is configured: a read-through cache with the per-resource TTLs (so REST and chat quote the
 * same prices within a TTL), and a last-good copy served with `stale: true` when the source fails.
 */
@Injectable()
export class SportsDataService {
  private readonly logger = new Logger(SportsDataService.name);
  private readonly inFlight = new Map<string, Promise<Sourced<unknown>>>();

  constructor(
    private readonly provider: SportsDataProvider,
    private readonly cache: AppCacheService,
    // Absent when sports data is built without the app's metrics in tests.
    @Optional() private readonly metrics?: MetricsService,
  ) {
    // The upstream client keeps its own counters; they are read at scrape time, never pushed.
    const upstream = this.provider;
    if (upstream instanceof ChatBetHttpProvider) {
      metrics?.observeUpstream('chatbet', () => {
        const { breaker, requests, retries } = upstream.upstreamStats();
        return {
          requests,
          retries,
          errors: breaker.totalFailures,
          circuitRejections: breaker.totalRejected,
          circuitOpened: breaker.timesOpened,
          circuitState: breaker.state,
        };
      });
    }
  }

  get source() {
    return this.provider.name;
  }

  getSports(): Promise<Sourced<Sport[]>> {
    return this.load('tournaments', 'sports', [], () => this.provider.getSports());
  }

  getTournaments(query: TournamentQuery = {}): Promise<Sourced<Tournament[]>> {
    return this.load('tournaments', 'tournaments', [query], () => this.provider.getTournaments(query));
  }

  getFixtures(query: FixtureQuery): Promise<Sourced<Fixture[]>> {
    const key = { ...query, from: toIso(query.from), to: toIso(query.to) };
    return this.load('fixtures', 'fixtures', [key], () => this.provider.getFixtures(query));
  }

  getFixture(id: string): Promise<Sourced<Fixture>> {
    return this.load('fixtures', 'fixture', [id], () => this.provider.getFixture(id));
  }

  /**
   * All markets of a fixture are fetched and cached together, and one market is cut from that copy,
   * so every caller (REST, chat tools, the odds watcher) quotes the same prices within a TTL.
   */
  async getOdds(fixtureId: string, market?: MarketCode): Promise<Sourced<FixtureOdds>> {
    const all = await this.load('odds', 'odds', [fixtureId], () => this.provider.getOdds(fixtureId));
    if (market === undefined || all.data.status === 'inactive') return all;
    const markets = all.data.markets.filter((m) => m.market === market);
    if (markets.length === 0) {
      throw new InvalidMarketError(market, [...new Set(all.data.markets.map((m) => m.market))]);
    }
    return { ...all, data: { ...all.data, markets } };
  }

  getTeamForm(teamId: string, last = 5): Promise<Sourced<TeamForm>> {
    return this.load('fixtures', 'form', [teamId, last], () => this.provider.getTeamForm(teamId, last));
  }

  getHeadToHead(teamA: string, teamB: string): Promise<Sourced<HeadToHead>> {
    return this.load('fixtures', 'h2h', [teamA, teamB], () => this.provider.getHeadToHead(teamA, teamB));
  }

  resolveTeam(nameOrAlias: string): Promise<Team> {
    return this.provider.resolveTeam(nameOrAlias);
  }

  resolveTournament(nameOrAlias: string): Promise<Tournament> {
    return this.provider.resolveTournament(nameOrAlias);
  }

  /**
   * Single flight: callers asking for the same thing while it is being read (from the cache or the
   * source) share that one read, so 50 concurrent questions about one match make one upstream call.
   */
  private load<T>(resource: CacheResourceName, op: string, args: unknown[], fetch: () => Promise<T>): Promise<Sourced<T>> {
    const key = `sd:${this.provider.name}:${op}:${JSON.stringify(args)}`;
    const pending = this.inFlight.get(key) as Promise<Sourced<T>> | undefined;
    if (pending !== undefined) return pending;
    const loading = this.read(resource, op, key, fetch).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private async read<T>(resource: CacheResourceName, op: string, key: string, fetch: () => Promise<T>): Promise<Sourced<T>> {
    const cached = await this.cache.get<Stored<T>>(key);
    if (cached) {
      this.metrics?.cacheHit('service', resource);
      return this.sourced(cached, false, resource);
    }
    this.metrics?.cacheMiss('service', resource);
    try {
      const stored: Stored<T> = { data: await fetch(), fetchedAt: new Date().toISOString() };
      void this.cache.set(key, stored, resource);
      void this.cache.set(`lkg:${key}`, stored, LAST_GOOD_TTL_MS);
      return this.sourced(stored, false, resource);
    } catch (error) {
      if (!(error instanceof UpstreamUnavailableError)) throw error;
      const lastGood = await this.cache.get<Stored<T>>(`lkg:${key}`);
      if (!lastGood) throw error;
      this.logger.warn({ msg: `Serving last good ${op} while the source is unavailable`, op, reason: error.message });
      return this.sourced(lastGood, true, resource);
    }
  }

  private sourced<T>(stored: Stored<T>, stale: boolean, resource: CacheResourceName): Sourced<T> {
    const validUntil = stale ? new Date() : new Date(Date.parse(stored.fetchedAt) + this.cache.ttlMs(resource));
    const result: Sourced<T> = { data: stored.data, source: this.provider.name, stale, fetchedAt: stored.fetchedAt, validUntil: validUntil.toISOString() };
    if (stale) result.ageSeconds = Math.max(0, Math.round((Date.now() - Date.parse(stored.fetchedAt)) / 1000));
    return result;
  }
}

function toIso(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}
