import { InvalidLocalDate, type FieldHint } from '../errors/kernel.errors';
import type { Clock } from './clock';
import { DEFAULT_TIME_ZONE, wallClockIn } from './time-zone';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MIN_EPOCH_DAY = -719_162; // 0001-01-01
const MAX_EPOCH_DAY = 2_932_896; // 9999-12-31

export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A calendar date with no time and no zone (birth date, session end date): never a midnight instant,
 * so it cannot shift by a day when read in another zone. Years 1 to 9999, proleptic Gregorian.
 */
export class LocalDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidLocalDate} for a date that does not exist (2026-02-30) or out of range. */
  static of(year: number, month: number, day: number, hint?: FieldHint): LocalDate {
    if (![year, month, day].every(Number.isInteger)) throw new InvalidLocalDate('format', hint);
    if (year < 1 || year > 9999) throw new InvalidLocalDate('out-of-range', hint);
    if (month < 1 || month > 12 || day < 1 || day > LocalDate.daysInMonth(year, month)) {
      throw new InvalidLocalDate('nonexistent', hint);
    }
    return new LocalDate(year, month, day);
  }

  /** Parses exactly `YYYY-MM-DD` (no time, no zone, no surrounding spaces). */
  static parse(raw: string, hint?: FieldHint): LocalDate {
    const match = typeof raw === 'string' ? ISO_DATE.exec(raw) : null;
    if (!match) throw new InvalidLocalDate('format', hint);
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]), hint);
  }

  /** The date that `instant` falls on in `timeZone`. */
  static fromInstant(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
    const { year, month, day } = wallClockIn(instant, timeZone);
    return LocalDate.of(year, month, day);
  }

  /** Today in `timeZone` according to `clock` (at 23:30 in Montreal it is already tomorrow in UTC). */
  static today(clock: Clock, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
    return LocalDate.fromInstant(clock.now(), timeZone);
  }

  /** Days since 1970-01-01 (negative before). */
  static fromEpochDay(epochDay: number): LocalDate {
    if (!Number.isInteger(epochDay) || epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
      throw new InvalidLocalDate('out-of-range');
    }
    const [year, month, day] = civilFromDays(epochDay);
    return new LocalDate(year, month, day);
  }

  static isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }

  static daysInMonth(year: number, month: number): number {
    if (month === 2) return LocalDate.isLeapYear(year) ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
  }

  toEpochDay(): number {
    return daysFromCivil(this.year, this.month, this.day);
  }

  /** ISO 8601 day of week: 1 = Monday ... 7 = Sunday. */
  dayOfWeek(): DayOfWeek {
    // 1970-01-01 was a Thursday (4).
    return (((((this.toEpochDay() + 3) % 7) + 7) % 7) + 1) as DayOfWeek;
  }

  compare(other: LocalDate): -1 | 0 | 1 {
    const a = this.toEpochDay();
    const b = other.toEpochDay();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: LocalDate | null | undefined): boolean {
    return other instanceof LocalDate && this.compare(other) === 0;
  }

  isBefore(other: LocalDate): boolean {
    return this.compare(other) < 0;
  }

  isAfter(other: LocalDate): boolean {
    return this.compare(other) > 0;
  }

  isOnOrBefore(other: LocalDate): boolean {
    return this.compare(other) <= 0;
  }

  isOnOrAfter(other: LocalDate): boolean {
    return this.compare(other) >= 0;
  }

  addDays(days: number): LocalDate {
    assertInteger(days, 'days');
    return LocalDate.fromEpochDay(this.toEpochDay() + days);
  }

  /** Adds calendar months; the day is clamped to the end of a shorter month (01-31 + 1 month = 02-28). */
  addMonths(months: number): LocalDate {
    assertInteger(months, 'months');
    const index = this.year * 12 + (this.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (year < 1 || year > 9999) throw new InvalidLocalDate('out-of-range');
    return new LocalDate(year, month, Math.min(this.day, LocalDate.daysInMonth(year, month)));
  }

  /** Adds years; February 29 becomes February 28 in a common year. */
  addYears(years: number): LocalDate {
    assertInteger(years, 'years');
    return this.addMonths(years * 12);
  }

  /** `other - this` in days. */
  daysUntil(other: LocalDate): number {
    return other.toEpochDay() - this.toEpochDay();
  }

  /**
   * Whole years from this date to `other`, truncated toward zero (negative when `other` is earlier).
   * Someone born on February 29 turns a year older on March 1 in a common year.
   */
  yearsUntil(other: LocalDate): number {
    if (other.isBefore(this)) return -other.yearsUntil(this);
    const years = other.year - this.year;
    const reachedAnniversary = other.month > this.month || (other.month === this.month && other.day >= this.day);
    return reachedAnniversary ? years : years - 1;
  }

  /** Age in whole years on `date` for someone born on this date (negative if `date` is earlier). */
  ageOn(date: LocalDate): number {
    return this.yearsUntil(date);
  }

  /** The instant this day starts in `timeZone` (for deadlines: "until the end of the 22nd" is before the 23rd starts). */
  atStartOfDayIn(timeZone: string = DEFAULT_TIME_ZONE): Date {
    const wall = this.toEpochDay() * MS_PER_DAY;
    const firstGuess = wall - offsetAt(wall, timeZone);
    // A second pass corrects the guess when the offset changes between the two instants (DST).
    return new Date(wall - offsetAt(firstGuess, timeZone));
  }

  /** `YYYY-MM-DD`. */
  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

/** Offset of `timeZone` from UTC at `instantMs`, in ms (wall clock minus UTC). */
function offsetAt(instantMs: number, timeZone: string): number {
  const p = wallClockIn(new Date(instantMs), timeZone);
  const wall = daysFromCivil(p.year, p.month, p.day) * MS_PER_DAY + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return wall - Math.floor(instantMs / 1000) * 1000;
}

// Howard Hinnant's civil-calendar algorithms: exact integer arithmetic, no Date, any year.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}
