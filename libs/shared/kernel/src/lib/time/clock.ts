import { LocalDate } from './local-date.value-object';
import { DEFAULT_TIME_ZONE } from './time-zone';

/**
 * The source of the current time. Domain and application code take a `Clock` instead of calling
 * `new Date()`, so tests can fix time. An abstract class, so it is its own DI token in Nest.
 */
export abstract class Clock {
  /** The current instant. Each call returns a new `Date` the caller may keep. */
  abstract now(): Date;

  /** Today's date in `timeZone` (Quebec's by default). */
  today(timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
    return LocalDate.fromInstant(this.now(), timeZone);
  }
}

/** The real clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to, for tests. */
export class FixedClock extends Clock {
  private currentMs: number;

  /** @param initial a `Date` or an ISO 8601 instant such as `2026-11-22T14:00:00Z`. */
  constructor(initial: Date | string = '2026-01-01T12:00:00.000Z') {
    super();
    this.currentMs = FixedClock.toMs(initial);
  }

  now(): Date {
    return new Date(this.currentMs);
  }

  set(instant: Date | string): void {
    this.currentMs = FixedClock.toMs(instant);
  }

  /** Moves the clock by `ms` milliseconds (negative goes back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance(ms) needs a finite number, got ${ms}`);
    this.currentMs += ms;
  }

  private static toMs(instant: Date | string): number {
    const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
    return ms;
  }
}
