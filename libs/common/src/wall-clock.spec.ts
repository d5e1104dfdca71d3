import { wallClock } from './wall-clock.js';

describe('wallClock', () => {
  it('reads the wall clock of an instant in a zone, for every instant of a second alike', () => {
    const instant = Date.UTC(2025, 2, 30, 0, 59, 59, 10); // one second before Madrid moves to summer time
    const before = wallClock(instant, 'Europe/Madrid');
    expect(before).toEqual({ year: 2025, month: 3, day: 30, hour: 1, minute: 59, second: 59, offsetMs: 3_600_000 });
    expect(wallClock(instant + 900, 'Europe/Madrid')).toEqual(before);
    expect(wallClock(instant + 990, 'Europe/Madrid')).toEqual({ year: 2025, month: 3, day: 30, hour: 3, minute: 0, second: 0, offsetMs: 7_200_000 });
    expect(wallClock(instant, 'UTC')).toMatchObject({ hour: 0, minute: 59, second: 59, offsetMs: 0 });
  });

  it('gives each caller its own object', () => {
    const instant = Date.UTC(2025, 5, 1, 12, 0, 0);
    const first = wallClock(instant, 'America/Bogota');
    first.hour = 99;
    expect(wallClock(instant, 'America/Bogota').hour).toBe(7);
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => wallClock(Date.now(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
