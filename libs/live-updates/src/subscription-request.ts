import { z } from 'zod';
import { InvalidMessageFormatError } from './live-updates.errors.js';

/** Most entries of each list in one message. */
export const MAX_ENTRIES_PER_LIST = 50;

// Fixture ids as the REST routes accept them; names as people write them (letters in any script,
// digits, spaces and the punctuation team names use), nothing that could smuggle markup or control
// characters into logs and room names.
const FIXTURE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .,'’&()/-]{0,99}$/u;

const fixtureIds = z
  .array(z.string().regex(FIXTURE_ID, 'must be a fixture id of 1-64 characters of A-Z, a-z, 0-9, _ or -'))
  .max(MAX_ENTRIES_PER_LIST, `must have at most ${MAX_ENTRIES_PER_LIST} entries`);
const names = z
  .array(z.string().trim().regex(NAME, "must be a name of 1-100 letters, digits, spaces or . , ' & ( ) / -"))
  .max(MAX_ENTRIES_PER_LIST, `must have at most ${MAX_ENTRIES_PER_LIST} entries`);

const schema = z.strictObject({
  fixture_ids: fixtureIds.optional(),
  teams: names.optional(),
  tournaments: names.optional(),
});

/** The fields of a subscribe or unsubscribe request. */
export const SUBSCRIPTION_FIELDS: readonly string[] = Object.keys(schema.shape);

// The original ChatBet protocol's competition ids: tournament ids, which its clients may keep as numbers.
const competitionIds = z
  .array(z.union([z.string().regex(FIXTURE_ID, 'must be a competition id of 1-64 characters of A-Z, a-z, 0-9, _ or -'), z.number().int().nonnegative().transform(String)]))
  .max(MAX_ENTRIES_PER_LIST, `must have at most ${MAX_ENTRIES_PER_LIST} entries`);

/** Validates the original protocol's `competitions` (tournament ids): a list, or the query's comma-separated text. */
export function parseCompetitions(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter((id) => id.length > 0) : value;
  const parsed = competitionIds.safeParse(list);
  if (!parsed.success) throw new InvalidMessageFormatError(describeIssue(parsed.error.issues[0], 'competitions'));
  return unique(parsed.data);
}

/** A subscribe or unsubscribe request after validation; names are not resolved yet. */
export interface SubscriptionRequest {
  fixtureIds: string[];
  teams: string[];
  tournaments: string[];
}

export type SubscriptionAction = 'subscribe' | 'unsubscribe';

/**
 * Validates `{fixture_ids?, teams?, tournaments?}`. A subscribe must name something; an
 * unsubscribe that names nothing means "unsubscribe from everything".
 */
export function parseSubscriptionRequest(payload: unknown, action: SubscriptionAction): SubscriptionRequest {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidMessageFormatError(`${action} expects an object {fixture_ids?, teams?, tournaments?} of string arrays`);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new InvalidMessageFormatError(`${action}: ${describeIssue(parsed.error.issues[0])}`);
  const request: SubscriptionRequest = {
    fixtureIds: unique(parsed.data.fixture_ids ?? []),
    teams: unique(parsed.data.teams ?? []),
    tournaments: unique(parsed.data.tournaments ?? []),
  };
  if (action === 'subscribe' && request.fixtureIds.length + request.teams.length + request.tournaments.length === 0) {
    throw new InvalidMessageFormatError('subscribe needs at least one of fixture_ids, teams or tournaments');
  }
  return request;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, list?: string): string {
  if (issue === undefined) return 'invalid message';
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.join(', ')}; expected fixture_ids, teams or tournaments`;
  }
  const [field, index] = list === undefined ? issue.path : [list, ...issue.path];
  const where = index === undefined ? String(field) : `${String(field)}[${String(index)}]`;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') return `${where} must be ${index === undefined ? 'an array of strings' : 'a string'}`;
  return `${where} ${issue.message}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
