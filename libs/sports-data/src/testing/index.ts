// Test helpers, kept out of the production entry point.
export { describeSportsDataProviderContract } from './provider-contract.js';
export { FixedClock } from './fixed-clock.js';
