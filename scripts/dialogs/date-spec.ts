import type { DateSpec } from './dialog.types.js';
import { localParts, startOfLocalDay } from './text-match.js';

/** A half-open range of instants [from, to). */
export interface InstantRange {
  from: Date;
  to: Date;
}

export type Weekday = Exclude<DateSpec, 'today' | 'tomorrow' | 'weekend' | 'next_7_days' | 'match_day'>;

const WEEKDAY_INDEX: Record<Weekday, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The instants a DateSpec covers, seen from `now` in `zone`: whole local days (a weekday is the
 * next such day, today included; the weekend is the coming Saturday and Sunday, or the current one
 * while it lasts), or the next seven days from now.
 */
export function resolveDateSpec(spec: DateSpec, now: Date, zone: string): InstantRange {
  const today = localParts(now, zone);
  const days = (offset: number, length: number): InstantRange => ({
    from: startOfLocalDay(today.year, today.month, today.day + offset, zone),
    to: startOfLocalDay(today.year, today.month, today.day + offset + length, zone),
  });
  switch (spec) {
    case 'today':
      return days(0, 1);
    case 'tomorrow':
      return days(1, 1);
    case 'next_7_days':
      return { from: now, to: new Date(now.getTime() + 7 * 86_400_000) };
    case 'match_day':
      throw new Error('match_day is replaced by the dialogue\'s weekday before a dialogue is played (see Dialog.matchDay)');
    case 'weekend': {
      if (today.weekday === SUNDAY) return days(-1, 2);
      return days((SATURDAY - today.weekday + 7) % 7, 2);
    }
    default: {
      const offset = (WEEKDAY_INDEX[spec] - today.weekday + 7) % 7;
      return days(offset, 1);
    }
  }
}

/** The weekday (as a DateSpec) of a day of the week numbered as Date#getDay numbers it. */
export function weekdayOf(index: number): Weekday {
  const found = (Object.entries(WEEKDAY_INDEX) as [Weekday, number][]).find(([, value]) => value === ((index % 7) + 7) % 7);
  if (found === undefined) throw new Error(`no weekday ${index}`);
  return found[0];
}
