import { DomainError } from '@app/common';
import type { MarketCode } from './market.js';

/** Base of the errors a sports-data provider raises about the request or the upstream, never about a bug. */
export abstract class SportsDataError extends DomainError {}

/**
 * Something the user named does not exist. `query` is the text or id as given, and `suggestions`
 * holds close matches (canonical names) so a reply can ask "did you mean ...?".
 */
export abstract class SportsDataNotFoundError extends SportsDataError {
  readonly httpStatus = 404;
  override readonly details: { query: string; suggestions: string[] };

  constructor(
    message: string,
    readonly query: string,
    readonly suggestions: string[],
  ) {
    super(message);
    this.details = { query, suggestions };
  }
}

export class UnknownTeamError extends SportsDataNotFoundError {
  readonly code = 'UNKNOWN_TEAM';

  constructor(
    readonly teamName: string,
    suggestions: string[] = [],
  ) {
    super(`Unknown team "${teamName}"${didYouMean(suggestions)}`, teamName, suggestions);
  }
}

export class UnknownTournamentError extends SportsDataNotFoundError {
  readonly code = 'UNKNOWN_TOURNAMENT';

  constructor(
    readonly tournamentName: string,
    suggestions: string[] = [],
  ) {
    super(`Unknown tournament "${tournamentName}"${didYouMean(suggestions)}`, tournamentName, suggestions);
  }
}

export class UnknownFixtureError extends SportsDataNotFoundError {
  readonly code = 'UNKNOWN_FIXTURE';

  constructor(
    readonly fixtureId: string,
    suggestions: string[] = [],
  ) {
    super(`Unknown fixture "${fixtureId}"${didYouMean(suggestions)}`, fixtureId, suggestions);
  }
}

export class InvalidMarketError extends SportsDataError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_MARKET';
  override readonly details: { market: string; validMarkets: MarketCode[] };

  constructor(
    readonly market: string,
    readonly validMarkets: MarketCode[],
  ) {
    super(`Market "${market}" is not available; valid markets: ${validMarkets.join(', ')}`);
    this.details = { market, validMarkets };
  }
}

/** A query parameter that cannot be understood, such as a date that does not parse. */
export class InvalidQueryError extends SportsDataError {
  readonly httpStatus = 400;
  readonly code = 'INVALID_QUERY';
  override readonly details: { parameter: string };

  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.details = { parameter };
  }
}

/** Suggested wait before retrying when the source gave no hint of its own. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

export class UpstreamUnavailableError extends SportsDataError {
  readonly httpStatus = 503;
  readonly code = 'UPSTREAM_UNAVAILABLE';
  override readonly retryAfterSeconds?: number;

  constructor(message = 'Sports data is temporarily unavailable', retryAfterSeconds?: number) {
    super(message);
    // Clients always get a Retry-After: the upstream's own hint or the breaker's wait when known.
    this.retryAfterSeconds = retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }
}

/**
 * The upstream refused a request (a 4xx other than an expired token), so repeating it cannot help.
 * Still an `UpstreamUnavailableError` to callers: the data cannot be had from the source right now.
 */
export class UpstreamRejectedError extends UpstreamUnavailableError {
  override readonly details: { upstreamStatus: number };

  constructor(
    readonly upstreamStatus: number,
    /** The upstream's own explanation, for logs only: it is not passed on to clients. */
    readonly upstreamDetail?: string,
  ) {
    super(`Sports data source rejected the request (HTTP ${upstreamStatus})`);
    this.details = { upstreamStatus };
  }
}

/** The upstream answered with a body that cannot be read (not JSON, or not the expected shape). */
export class UpstreamMalformedResponseError extends UpstreamUnavailableError {
  constructor(readonly path: string) {
    super('Sports data source sent an unreadable answer');
  }
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
}
