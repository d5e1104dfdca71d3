/**
 * Rows of the team and tournament directory. They are exported as plain data (TEAMS, TOURNAMENTS,
 * DERBIES) so that the natural-language parser matches names against the same table the providers use.
 */
export interface TeamRecord {
  id: string;
  /** Canonical name, used in fixtures and odds. */
  name: string;
  nameEs?: string;
  /** Other names people use: nicknames, short forms, local spellings. Matched like the name. */
  aliases: string[];
  country: string;
  sportId: string;
  tournamentIds: string[];
  /**
   * Multiplicative strengths around 1.0 for an average team of its competition level; higher is
   * better for both. Expected goals (points) scale with attack and inversely with the opponent's defence.
   */
  rating: { attack: number; defence: number };
  venue: string;
}

export interface TournamentRecord {
  id: string;
  name: string;
  nameEs: string;
  aliases: string[];
  country: string;
  sportId: string;
  active: boolean;
}

export interface DerbyRecord {
  name: string;
  aliases: string[];
  /** Team ids; the first is the conventional home side when the derby is named without an order. */
  teams: [string, string];
}
