import type { Logger } from '@nestjs/common';
import { isDomainError, DomainError } from '@app/common';
import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID, type Fixture, type Sourced } from '@app/sports-data';
import { localDateTime } from '../shared/zoned-time.js';

/** A fixture as tools report it: flat, with the kick-off both in UTC and in the user's zone. */
export interface MatchSummary {
  id: string;
  sport: string;
  competition: string;
  competitionId: string;
  home: string;
  away: string;
  /** ISO-8601 UTC. */
  kickoff: string;
  /** "YYYY-MM-DD HH:mm" in the turn's time zone. */
  kickoffLocal: string;
  status: Fixture['status'];
  venue?: string;
  score?: { home: number; away: number };
}

export interface ToolErrorResult {
  error: string;
  message: string;
  suggestions?: string[];
}

export interface Freshness {
  source: string;
  stale: boolean;
  /** Age in seconds of the oldest stale part. */
  ageSeconds?: number;
  /** When the first of the data read runs out of its TTL (ISO-8601); a cached answer lives no longer. */
  validUntil?: string;
}

export function sportName(sportId: string): string {
  if (sportId === FOOTBALL_SPORT_ID) return 'football';
  if (sportId === BASKETBALL_SPORT_ID) return 'basketball';
  return `sport ${sportId}`;
}

export function summariseMatch(fixture: Fixture, timeZone: string): MatchSummary {
  const match: MatchSummary = {
    id: fixture.id,
    sport: sportName(fixture.sportId),
    competition: fixture.tournament.name,
    competitionId: fixture.tournament.id,
    home: fixture.home.name,
    away: fixture.away.name,
    kickoff: fixture.startTime,
    kickoffLocal: localDateTime(fixture.startTime, timeZone),
    status: fixture.status,
  };
  if (fixture.venue) match.venue = fixture.venue;
  if (fixture.score) match.score = { ...fixture.score };
  return match;
}

type FreshnessPart = Pick<Sourced<unknown>, 'source' | 'stale' | 'ageSeconds' | 'validUntil'> | { source: string; stale: boolean; ageSeconds?: number; validUntil?: string };

/** Combined freshness of several answers: stale when any part is. */
export function freshness(...parts: Array<FreshnessPart | undefined>): Freshness {
  const present = parts.filter((p): p is FreshnessPart => p !== undefined);
  const stale = present.filter((p) => p.stale);
  const result: Freshness = { source: present[0]?.source ?? 'unknown', stale: stale.length > 0 };
  const ages = stale.map((p) => p.ageSeconds).filter((age): age is number => age !== undefined);
  if (ages.length > 0) result.ageSeconds = Math.max(...ages);
  const until = present.map((p) => p.validUntil).filter((at): at is string => at !== undefined).sort()[0];
  if (until !== undefined) result.validUntil = until;
  return result;
}

/** A request the tool understood but cannot serve; reported to the model like a domain error. */
export class ToolRequestError extends DomainError {
  readonly httpStatus = 400;

  constructor(
    readonly code: string,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

export function toolError(error: unknown, logger: Logger, toolName: string): ToolErrorResult {
  if (isDomainError(error)) {
    const suggestions = error instanceof ToolRequestError ? error.suggestions : (error.details as { suggestions?: unknown }).suggestions;
    const result: ToolErrorResult = { error: error.code, message: error.message };
    if (Array.isArray(suggestions) && suggestions.length > 0) result.suggestions = suggestions.map(String).slice(0, 5);
    return result;
  }
  logger.error({ msg: 'Tool failed', tool: toolName, err: error instanceof Error ? error.message : String(error) });
  return { error: 'INTERNAL_ERROR', message: 'The data could not be fetched; try again shortly.' };
}

/** Runs a tool body and returns its JSON; failures become an error result the model can read. */
export async function runTool(toolName: string, logger: Logger, body: () => Promise<object>): Promise<string> {
  try {
    return JSON.stringify(await body());
  } catch (error) {
    return JSON.stringify(toolError(error, logger, toolName));
  }
}

/**
 * Probabilities keep six decimals: answers show them as percentages with one decimal, and rounding
 * twice (to four decimals here, then to one there) would sometimes move the shown figure.
 */
export const PROBABILITY_DIGITS = 6;

export function probability(value: number): number {
  return round(value, PROBABILITY_DIGITS);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
