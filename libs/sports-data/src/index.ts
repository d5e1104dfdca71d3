export * from './domain/index.js';
export { SportsDataProvider, type SportsDataProviderName } from './sports-data.provider.js';
export * from './team-directory.js';
export { normalizeName } from './name-matching.js';
export { Clock, SystemClock } from './clock.js';
export { EmbeddedSportsProvider, EMBEDDED_HORIZON_DAYS, LIVE_WINDOW_MS } from './embedded-sports.provider.js';
export { ODDS_BUCKET_MS } from './embedded/odds-drift.js';
