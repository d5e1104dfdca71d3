export * from './domain/index.js';
export { SportsDataProvider, type SportsDataProviderName } from './sports-data.provider.js';
export * from './team-directory.js';
export { normalizeName } from './name-matching.js';
