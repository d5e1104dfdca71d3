/**
 * A labelled multi-turn dialogue set for the chat assistant. Expected values are never written into
 * the set: every number an answer must quote is looked up in the sports-data API at the moment of
 * the turn (see `oracle.ts`), so the set stays valid as fixtures and prices move.
 */

export type DialogLanguage = 'en' | 'es';

/** What a dialogue exercises; scores are reported per category and language. */
export type DialogCategory =
  | 'basics' // one-shot schedule, odds, payout, comparison, tournaments, balance
  | 'accumulator' // several legs priced together
  | 'verdict' // favourite / who wins / value questions that need a verdict, date-scoped
  | 'follow_up' // stakes, markets, "why", "more" after an earlier turn
  | 'unknown_team' // teams the data does not know
  | 'basketball' // NBA / EuroLeague and basketball sections of football clubs
  | 'lists' // fixture lists: ordering, how many more, paging
  | 'off_topic' // outside betting, or demands for certainty
  | 'time_zone' // times in the user's zone
  | 'preferences'; // the user's team and zone, kept across conversations

/** A day or range relative to the turn's instant, in the dialogue's time zone. */
export type DateSpec =
  | 'today'
  | 'tomorrow'
  | 'weekend' // the coming Saturday and Sunday (today included when it is one of them)
  | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday' // the next such day (today included)
  | 'next_7_days'
  /** The dialogue's match day (see `Dialog.matchDay`), replaced by its weekday before the dialogue is played. */
  | 'match_day';

export type Sport = 'football' | 'basketball';

/**
 * A fixture named the way a user names it, resolved through the API when the turn runs: the first
 * fixture not yet finished of `team` (in `sport` when given; on `date` when given), against
 * `opponent` when given.
 */
export interface FixtureRef {
  team: string;
  opponent?: string;
  sport?: Sport;
  date?: DateSpec;
}

/** One leg of a bet: a fixture and the selection backed in it. */
export interface LegRef extends FixtureRef {
  /**
   * `team` = the named team wins, `opponent` = the other side wins, `draw`; or a market's own key
   * (`over`, `under`, `yes`, `no`) with `market`.
   */
  pick: 'team' | 'opponent' | 'draw' | 'over' | 'under' | 'yes' | 'no';
  /** API market key; defaults to the fixture's match-winner market (1x2 or moneyline). */
  market?: string;
  /** Line for over/under and spread markets (e.g. 2.5); defaults to the market's main line. */
  line?: number;
}

export type Check =
  /** Names the fixture's opponent and its kick-off day (day of month) in the dialogue's zone. */
  | { kind: 'fixture'; fixture: FixtureRef }
  /**
   * Every listed selection's current price (2 decimals) appears; default selections: the market's
   * (default market: the match-winner one). A selection is a key ('home', 'draw', 'over', 'yes'…),
   * 'team' / 'opponent' seen from the fixture's team, a display name ('Draw') or a side's team name.
   */
  | { kind: 'odds'; fixture: FixtureRef; market?: string; line?: number; selections?: string[] }
  /** Names the side with the lowest match-winner price and calls it the favourite (favourite/favorito/favorita). */
  | { kind: 'favourite'; fixture: FixtureRef }
  /** Quotes the return stake × product of the legs' current prices (2 decimals, ±0.01) and prices exactly those legs. */
  | { kind: 'payout'; stake: number; legs: LegRef[] }
  /** Says the team is not known, lists no fixture, and (when given) suggests a close known name. */
  | { kind: 'unknown_team'; name: string; suggest?: string }
  /** Case- and accent-insensitive substrings: `all` must all appear, at least one of `any`. */
  | { kind: 'mentions'; all?: string[]; any?: string[] }
  /** None of these substrings appear (case- and accent-insensitive). */
  | { kind: 'not_mentions'; any: string[] }
  /** No promise of certainty (guaranteed, sure win, 100%, seguro, garantizado …). */
  | { kind: 'no_promise' }
  /** Names the time zone and shows the fixture's kick-off as HH:MM in that zone. */
  | { kind: 'local_time'; fixture: FixtureRef; zone: string }
  /** Says how many more items there are beyond those listed (a number followed by more/más, or "showing 10 of 34"). */
  | { kind: 'says_more' }
  /** Asks the user for something (a question back), without inventing data: ends with or contains '?'. */
  | { kind: 'asks_back' }
  /** Answers in this language (detected from function words). */
  | { kind: 'language'; language: DialogLanguage };

export interface DialogTurn {
  user: string;
  /** Starts a new conversation (same user) with this turn: what carries over is what the user's preferences keep. */
  newSession?: boolean;
  /** The `time_zone` sent with this turn instead of the dialogue's; `null` sends none. */
  timeZone?: string | null;
  /** Acceptable detected intents (any of them), the project's intent names; omitted = not checked. */
  intents?: string[];
  /** Teams the turn must be about (canonical names), after follow-ups are resolved from context. */
  teams?: string[];
  checks: Check[];
}

export interface Dialog {
  id: string;
  category: DialogCategory;
  language: DialogLanguage;
  /** IANA zone sent as `time_zone` with every turn; default Europe/Madrid. */
  timeZone?: string;
  /**
   * A day named in the dialogue that must hold a match of `team`: the weekday of its first fixture
   * from tomorrow to six days ahead, chosen when the dialogue is played. `{day}` in a turn's text is
   * that weekday in the dialogue's language ("Saturday", "sábado") and the DateSpec `match_day`
   * means it, so a question about a day always asks about one that exists in the data.
   */
  matchDay?: { team: string; sport?: Sport };
  turns: DialogTurn[];
}
