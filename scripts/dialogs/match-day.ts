/**
 * A dialogue's match day (Dialog.matchDay): the weekday of a team's first fixture from tomorrow to
 * six days ahead, chosen when the dialogue is played, so that "Odds for Chelsea on {day}?" always
 * names a day on which Chelsea play. Within six days a weekday names one day only.
 */
import { type Weekday, weekdayOf } from './date-spec.js';
import type { DateSpec, Dialog, DialogLanguage, DialogTurn } from './dialog.types.js';
import { OracleError, type Oracle } from './oracle.js';
import { localParts, startOfLocalDay } from './text-match.js';

const WEEKDAY_WORDS: Record<DialogLanguage, Record<Weekday, string>> = {
  en: { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' },
  es: { monday: 'lunes', tuesday: 'martes', wednesday: 'miércoles', thursday: 'jueves', friday: 'viernes', saturday: 'sábado', sunday: 'domingo' },
};

export const DAY_PLACEHOLDER = '{day}';

/** The weekday of the dialogue's match day, or an OracleError when the team has no fixture in those six days. */
export async function chooseMatchDay(matchDay: NonNullable<Dialog['matchDay']>, oracle: Oracle): Promise<Weekday> {
  const today = localParts(oracle.now, oracle.zone);
  const range = {
    from: startOfLocalDay(today.year, today.month, today.day + 1, oracle.zone),
    to: startOfLocalDay(today.year, today.month, today.day + 7, oracle.zone),
  };
  const fixture = await oracle.fixtureIn({ team: matchDay.team, ...(matchDay.sport ? { sport: matchDay.sport } : {}) }, range);
  return weekdayOf(localParts(new Date(fixture.startTime), oracle.zone).weekday);
}

/** The dialogue with `{day}` written as the weekday and every `match_day` DateSpec replaced by it. */
export function withMatchDay(dialog: Dialog, weekday: Weekday): Dialog {
  const word = WEEKDAY_WORDS[dialog.language][weekday];
  const turns: DialogTurn[] = JSON.parse(JSON.stringify(dialog.turns), (key, value: unknown) => (key === 'date' && value === 'match_day' ? weekday : value)) as DialogTurn[];
  return { ...dialog, turns: turns.map((turn) => ({ ...turn, user: turn.user.replaceAll(DAY_PLACEHOLDER, word) })) };
}

/** Whether a dialogue relies on a match day: `{day}` in a message or `match_day` in a check. */
export function usesMatchDay(dialog: Dialog): boolean {
  return dialog.turns.some((turn) => turn.user.includes(DAY_PLACEHOLDER) || JSON.stringify(turn.checks).includes(`"${'match_day' satisfies DateSpec}"`));
}

/** The dialogue ready to play, or why it cannot be scored on today's data. */
export async function prepareDialog(dialog: Dialog, oracle: Oracle): Promise<{ dialog: Dialog } | { unscorable: string }> {
  if (dialog.matchDay === undefined) return { dialog };
  try {
    return { dialog: withMatchDay(dialog, await chooseMatchDay(dialog.matchDay, oracle)) };
  } catch (error) {
    if (error instanceof OracleError) return { unscorable: `no match day: ${error.message}` };
    throw error;
  }
}
