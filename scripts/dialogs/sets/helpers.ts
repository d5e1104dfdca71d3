/** Short forms for writing dialogues: intents by what a turn asks, legs, and common checks. */
import type { Check, DialogLanguage, FixtureRef, LegRef } from '../dialog.types.js';

/** Acceptable detected intents per kind of question (the project's intent names). */
export const INTENTS = {
  schedule: ['MATCH_SCHEDULE_QUERY'],
  odds: ['ODDS_INFORMATION_QUERY'],
  payout: ['BET_SIMULATION', 'ODDS_INFORMATION_QUERY'],
  verdict: ['ODDS_INFORMATION_QUERY', 'TEAM_COMPARISON', 'BETTING_RECOMMENDATION'],
  comparison: ['TEAM_COMPARISON'],
  tournaments: ['TOURNAMENT_INFO'],
  balance: ['USER_BALANCE_QUERY'],
} as const satisfies Record<string, readonly string[]>;

export const intents = (kind: keyof typeof INTENTS): string[] => [...INTENTS[kind]];

/** The named team wins its fixture (the next one, or as narrowed by `ref`). */
export const wins = (team: string, ref: Omit<FixtureRef, 'team'> = {}): LegRef => ({ team, ...ref, pick: 'team' });
/** The named team's opponent wins. */
export const loses = (team: string, ref: Omit<FixtureRef, 'team'> = {}): LegRef => ({ team, ...ref, pick: 'opponent' });
export const draw = (team: string, ref: Omit<FixtureRef, 'team'> = {}): LegRef => ({ team, ...ref, pick: 'draw' });
export const over = (team: string, line = 2.5): LegRef => ({ team, pick: 'over', market: 'over_under', line });
export const under = (team: string, line = 2.5): LegRef => ({ team, pick: 'under', market: 'over_under', line });
export const bttsYes = (team: string): LegRef => ({ team, pick: 'yes', market: 'btts' });

export const payout = (stake: number, ...legs: LegRef[]): Check => ({ kind: 'payout', stake, legs });
/** Every price of the leg's selection, as an odds check on its fixture. */
export const legPrice = (leg: LegRef): Check => {
  const { pick, market, line, ...fixture } = leg;
  return { kind: 'odds', fixture, selections: [pick], ...(market ? { market } : {}), ...(line !== undefined ? { line } : {}) };
};
export const fixture = (team: string, ref: Omit<FixtureRef, 'team'> = {}): Check => ({ kind: 'fixture', fixture: { team, ...ref } });
export const odds = (team: string, ref: Omit<FixtureRef, 'team'> = {}): Check => ({ kind: 'odds', fixture: { team, ...ref } });
export const favourite = (team: string, ref: Omit<FixtureRef, 'team'> = {}): Check => ({ kind: 'favourite', fixture: { team, ...ref } });
/** Both sides' match-winner prices: a verdict backed by the numbers. */
export const sidePrices = (team: string, ref: Omit<FixtureRef, 'team'> = {}): Check => ({ kind: 'odds', fixture: { team, ...ref }, selections: ['team', 'opponent'] });
export const language = (lang: DialogLanguage): Check => ({ kind: 'language', language: lang });
export const NO_PROMISE: Check = { kind: 'no_promise' };

/** A judgement of value rests on probabilities or prices, in either language. */
export const VALUE_REASONING: Check = {
  kind: 'mentions',
  any: ['value', 'valor', 'probab', 'implied', 'implícita', '%', 'fair', 'justa', 'edge', 'ventaja', 'expected', 'esperado'],
};
