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

export type Sport = 'football' | 'basketball';

/**
 * What the question wants besides its intent: a verdict on who is favourite, whether a price is
 * value, the reasons behind the last answer, or more of the last list.
 */
export type Ask = 'favourite' | 'value' | 'explain' | 'more';

/** One leg of a several-selection bet ("Barcelona to beat Real Madrid", "over 2.5 in Inter-Milan"). */
export interface LegEntity {
  /** Canonical name of the team the leg is about (the backed side for win legs). */
  team: string;
  /** The other side, when the leg names the match. */
  opponent?: string;
  /** `lose` backs the team's opponent ("Chelsea to lose"). */
  selection: 'win' | 'lose' | 'draw' | 'over' | 'under' | 'yes' | 'no';
  /** Goal or point line for over/under legs. */
  line?: number;
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
  /** Sport named by a word ("baloncesto", "NBA", "football"); teams are then read in that sport. */
  sport?: Sport;
  /** Two or more legs of an accumulator, in order of mention. */
  legs?: LegEntity[];
  ask?: Ask;
  /**
   * Names written where a team belongs that match no known team ("Real Springfield FC"); such a
   * name is never taken for a real team that merely shares a word with it.
   */
  unknownTeams?: string[];
  /** The user asks for certainty ("a bet guaranteed to win", "apuesta segura"). */
  certainty?: boolean;
  /**
   * A city the user says they are in ("I'm in New York": `stays`) or asks the time in ("what time is
   * that in London?"), with its time zone.
   */
  location?: { city: string; timeZone: string; stays: boolean };
  /** The user wants to win back what they lost: a warning sign, answered with responsible-gambling help. */
  chasingLosses?: boolean;
  /** The message is about something outside sports betting (weather, politics, jokes…). */
  offTopic?: boolean;
  /** Teams the user says they support ("I'm a Liverpool fan", "soy del Betis"), canonical names. */
  supports?: string[];
  /** The message refers to the user's own team ("my team", "mi equipo") without naming it. */
  myTeam?: boolean;
  /**
   * The message only corrects the sport of the previous question ("No, I mean the basketball
   * team", "no, el de baloncesto"): ask it again in `sport`.
   */
  correctsSport?: boolean;
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
  /**
   * The sport the conversation is in: a club named without a sport word is read as its side in it
   * ("Real Madrid" in a basketball conversation is Real Madrid Baloncesto).
   */
  sportHint?: Sport;
}
