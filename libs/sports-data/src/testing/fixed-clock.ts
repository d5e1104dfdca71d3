import { Clock } from '../clock.js';

/** A clock that stays where it is put, for tests of time-dependent data. */
export class FixedClock extends Clock {
  private current: number;

  constructor(at: Date | string | number) {
    super();
    this.current = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string | number): void {
    this.current = new Date(at).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
