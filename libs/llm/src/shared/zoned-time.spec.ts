import { addDays, isDay, isValidTimeZone, localDateTime, localDay, safeTimeZone, zonedDayEnd, zonedDayStart } from './zoned-time.js';

describe('zoned time', () => {
  it('finds the instant a day starts and ends in a zone, across a DST change', () => {
    expect(zonedDayStart('2026-11-28', 'Europe/Madrid').toISOString()).toBe('2026-11-27T23:00:00.000Z');
    expect(zonedDayEnd('2026-11-28', 'Europe/Madrid').toISOString()).toBe('2026-11-28T22:59:59.999Z');
    expect(zonedDayStart('2026-07-01', 'Europe/Madrid').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // 29 March 2026: clocks go forward in Madrid, so the day lasts 23 hours.
    expect(zonedDayEnd('2026-03-29', 'Europe/Madrid').getTime() + 1 - zonedDayStart('2026-03-29', 'Europe/Madrid').getTime()).toBe(23 * 3600_000);
    expect(zonedDayStart('2026-11-28', 'America/New_York').toISOString()).toBe('2026-11-28T05:00:00.000Z');
  });

  it('shows an instant as the local day and time', () => {
    expect(localDateTime('2026-11-28T20:00:00.000Z', 'Europe/Madrid')).toBe('2026-11-28 21:00');
    expect(localDay('2026-11-29T02:30:00.000Z', 'America/Los_Angeles')).toBe('2026-11-28');
  });

  it('accepts only real calendar days and real zones', () => {
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-1-5')).toBe(false);
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
