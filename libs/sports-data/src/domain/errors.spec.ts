import { isDomainError } from '@app/common';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  InvalidMarketError,
  InvalidQueryError,
  UnknownFixtureError,
  UnknownTeamError,
  UnknownTournamentError,
  UpstreamUnavailableError,
} from './errors.js';

describe('sports-data errors', () => {
  it.each([
    [new UnknownTeamError('Barcelonaa', ['Barcelona']), 404, 'UNKNOWN_TEAM'],
    [new UnknownTournamentError('Premier Leage', ['Premier League']), 404, 'UNKNOWN_TOURNAMENT'],
    [new UnknownFixtureError('123'), 404, 'UNKNOWN_FIXTURE'],
    [new InvalidMarketError('corners', ['1x2', 'btts']), 400, 'INVALID_MARKET'],
    [new InvalidQueryError('from', 'bad date'), 400, 'INVALID_QUERY'],
    [new UpstreamUnavailableError(undefined, 30), 503, 'UPSTREAM_UNAVAILABLE'],
  ])('%p answers with its own status and code', (error, status, code) => {
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error.httpStatus).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it('carries what was not found and the suggestions, also in the response details', () => {
    const error = new UnknownTeamError('Barcelonaa', ['Barcelona']);
    expect(error.teamName).toBe('Barcelonaa');
    expect(error.query).toBe('Barcelonaa');
    expect(error.suggestions).toEqual(['Barcelona']);
    expect(error.details).toEqual({ query: 'Barcelonaa', suggestions: ['Barcelona'] });
    expect(error.message).toBe('Unknown team "Barcelonaa"; did you mean "Barcelona"?');
    expect(new UnknownFixtureError('42').message).toBe('Unknown fixture "42"');
  });

  it('lists the valid markets and the retry delay', () => {
    expect(new InvalidMarketError('corners', ['1x2']).details).toEqual({ market: 'corners', validMarkets: ['1x2'] });
    expect(new UpstreamUnavailableError('down', 12).retryAfterSeconds).toBe(12);
    expect(new UpstreamUnavailableError().retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS);
  });
});
