export type Intent =
  | 'MATCH_SCHEDULE_QUERY'
  | 'ODDS_INFORMATION_QUERY'
  | 'BETTING_RECOMMENDATION'
  | 'TEAM_COMPARISON'
  | 'TOURNAMENT_INFO'
  | 'USER_BALANCE_QUERY'
  | 'BET_SIMULATION'
  | 'GENERAL_SPORTS_QUERY'
  | 'GREETING'
  | 'HELP_REQUEST'
  | 'UNCLEAR';

export type Language = 'en' | 'es';

export type Market = '1x2' | 'over_under' | 'btts' | 'double_chance' | 'handicap';

export type Outcome = 'home' | 'draw' | 'away';

export type RiskProfile = 'safest' | 'value' | 'underdog' | 'accumulator';

export interface AmountEntity {
  value: number;
  /** ISO 4217 code, or null when the user gave a bare number ("bet 50"). */
  currency: string | null;
}

export interface DateRange {
  /** Inclusive, YYYY-MM-DD in the user's time zone. */
  from: string;
  /** Inclusive, YYYY-MM-DD in the user's time zone. */
  to: string;
}

export interface NluEntities {
  /** Canonical team names in order of mention; a derby contributes both of its teams. */
  teams: string[];
  /** Canonical tournament names in order of mention. */
  tournaments: string[];
  dates?: DateRange;
  amounts: AmountEntity[];
  markets: Market[];
  outcome?: Outcome;
  /** Canonical name of the team the user wants to back ("€50 on Chelsea"). */
  pick?: string;
  riskProfile?: RiskProfile;
  isFollowUp: boolean;
}

export interface IntentScore {
  intent: Intent;
  confidence: number;
}

export interface NluResult {
  intent: Intent;
  /** Probability-like score in [0, 1]. */
  confidence: number;
  language: Language;
  entities: NluEntities;
  /** Runner-up intents, best first, only when they carry meaningful probability. */
  alternatives?: IntentScore[];
}

export interface AnalyzeOptions {
  /** IANA time zone used to resolve relative dates (default: the service's default, UTC). */
  timeZone?: string;
  /** Reference instant for relative dates (default: current time). */
  now?: Date;
  /** Used only when the text gives no clear language signal. */
  languageHint?: Language;
}
