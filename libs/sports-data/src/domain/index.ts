export * from './sport.js';
export * from './tournament.js';
export * from './team.js';
export * from './fixture.js';
export * from './market.js';
export * from './form.js';
export * from './queries.js';
export * from './errors.js';
