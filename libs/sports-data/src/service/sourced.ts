import type { SportsDataProviderName } from '../sports-data.provider.js';

/** Data with where it came from and how fresh it is; REST answers and chat tools pass this on. */
export interface Sourced<T> {
  data: T;
  source: SportsDataProviderName;
  /** True when the source failed and this is the last good answer. */
  stale: boolean;
  /** Age of a stale answer in seconds. */
  ageSeconds?: number;
  /** When the data was fetched from the source (ISO-8601). */
  fetchedAt: string;
  /**
   * When the data's cache TTL runs out (ISO-8601; now for a stale answer): nothing built from it,
   * such as a cached chat answer, should be served after that.
   */
  validUntil: string;
}
