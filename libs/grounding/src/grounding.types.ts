/** The shapes of a grounding check: what an answer claims, and which of its numbers nothing backs. */

/** The facts the guard checks; also the `kind` label of chatbet_ungrounded_numbers_total. */
export const CLAIM_KINDS = ['odds', 'probability', 'money', 'balance', 'score', 'datetime'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** How a written date looks, so a corrected one is written the same way. */
export interface DateShape {
  language: 'en' | 'es';
  /** `long`: "Saturday", `short`: "Sat"; absent when no weekday was written. */
  weekday?: 'long' | 'short';
  /** `long`: "December", `short`: "Dec", `iso`: "2026-12-08"; absent when no day was written. */
  month?: 'long' | 'short' | 'iso';
  /** "December 8" rather than "8 December". */
  monthFirst?: boolean;
  withYear?: boolean;
  /** "8pm" rather than "20:00": the am/pm mark as written (" PM", "pm", " p.m."), and whether minutes were ("8:00 PM"). */
  twelveHour?: { mark: string; minutes: boolean };
  /** "Tuesday, 8 December" rather than "Tuesday 8 December". */
  weekdayComma?: boolean;
}

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday. */
  weekday?: number;
  hour?: number;
  minute?: number;
  /** The answer said the time is in UTC/GMT. */
  utc: boolean;
}

/** A number of the answer that states a fact. */
export interface NumberClaim {
  kind: ClaimKind;
  /** The claim as written ("€107.50", "52.4%", "8 Dec 20:00", "2-1"). */
  text: string;
  start: number;
  end: number;
  /** The number (a percentage for probabilities: 52.4 for "52.4%"); the home goals for a score. */
  value: number;
  /** Decimals written, which set how far a grounded value may be rounded to read the same. */
  decimals: number;
  /** Where the number itself is inside the answer (a correction replaces only that). */
  valueStart: number;
  valueEnd: number;
  /** Written with a decimal comma ("2,15"). */
  decimalComma: boolean;
  score?: [number, number];
  date?: DateParts & { shape: DateShape };
}

/** A claim that matched no value of the turn's data, with the value it should have been when one is known. */
export interface UngroundedNumber {
  kind: ClaimKind;
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** The right value, written like the claim; absent when the data has no candidate. */
  expected?: string;
  /** What replaces `text` in the corrected answer. */
  replacement: string;
}

export interface GroundingReport {
  /** How many factual numbers the answer states. */
  claims: number;
  flags: UngroundedNumber[];
}
