import { resolveDateSpec } from './date-spec.js';

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];
// Wednesday 9 December 2026, 10:00 in Madrid.
const wednesday = new Date('2026-12-09T09:00:00Z');

describe('resolveDateSpec', () => {
  it('covers today and tomorrow as whole local days', () => {
    expect(iso(resolveDateSpec('today', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-08T23:00:00.000Z', '2026-12-09T23:00:00.000Z']);
    expect(iso(resolveDateSpec('tomorrow', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-09T23:00:00.000Z', '2026-12-10T23:00:00.000Z']);
  });

  it('takes the next such weekday, today included', () => {
    expect(iso(resolveDateSpec('saturday', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-11T23:00:00.000Z', '2026-12-12T23:00:00.000Z']);
    expect(iso(resolveDateSpec('wednesday', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-08T23:00:00.000Z', '2026-12-09T23:00:00.000Z']);
    expect(iso(resolveDateSpec('tuesday', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-14T23:00:00.000Z', '2026-12-15T23:00:00.000Z']);
  });

  it('takes the coming weekend, or the current one while it lasts', () => {
    expect(iso(resolveDateSpec('weekend', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-11T23:00:00.000Z', '2026-12-13T23:00:00.000Z']);
    const sunday = new Date('2026-12-13T12:00:00Z');
    expect(iso(resolveDateSpec('weekend', sunday, 'Europe/Madrid'))).toEqual(['2026-12-11T23:00:00.000Z', '2026-12-13T23:00:00.000Z']);
  });

  it('reads the day in the dialogue zone, not in UTC', () => {
    // 02:00 UTC on Thursday is still Wednesday evening in New York.
    const lateEvening = new Date('2026-12-10T02:00:00Z');
    expect(iso(resolveDateSpec('today', lateEvening, 'America/New_York'))).toEqual(['2026-12-09T05:00:00.000Z', '2026-12-10T05:00:00.000Z']);
  });

  it('covers the next seven days from now', () => {
    expect(iso(resolveDateSpec('next_7_days', wednesday, 'Europe/Madrid'))).toEqual(['2026-12-09T09:00:00.000Z', '2026-12-16T09:00:00.000Z']);
  });
});
