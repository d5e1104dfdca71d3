import type { Intent } from './nlu.types.js';

export interface IntentDescriptor {
  name: Intent;
  description: string;
}

/** Ordered catalogue of every intent the NLU can return, for documentation endpoints. */
export const INTENTS: readonly IntentDescriptor[] = [
  { name: 'MATCH_SCHEDULE_QUERY', description: 'When a team plays next, fixtures for a date or competition.' },
  { name: 'ODDS_INFORMATION_QUERY', description: 'Odds or payouts for a match, outcome or market.' },
  { name: 'BETTING_RECOMMENDATION', description: 'Asks for a suggested bet: safest, value, underdog or accumulator.' },
  { name: 'TEAM_COMPARISON', description: 'Compares teams: who is better, form, head-to-head record.' },
  { name: 'TOURNAMENT_INFO', description: 'Competitions covered, standings, format or details of a tournament.' },
  { name: 'USER_BALANCE_QUERY', description: 'The user asks about their account balance or available funds.' },
  { name: 'BET_SIMULATION', description: 'Potential return of a stake on a pick ("how much would I win with €50 on Chelsea").' },
  { name: 'GENERAL_SPORTS_QUERY', description: 'Other sports questions: players, coaches, results, rules, history.' },
  { name: 'GREETING', description: 'Greetings, thanks and farewells.' },
  { name: 'HELP_REQUEST', description: 'What the assistant can do or how to use it.' },
  { name: 'UNCLEAR', description: 'No recognisable request (gibberish, empty or off-topic).' },
] as const;

export const INTENT_NAMES: readonly Intent[] = INTENTS.map((d) => d.name);
