import { InvalidLocalDate } from '../errors/kernel.errors';
import { FixedClock } from './clock';
import { LocalDate } from './local-date.value-object';

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidLocalDate) return error.reason;
    throw error;
  }
  return undefined;
}

describe('LocalDate', () => {
  describe('parse', () => {
    it('reads a strict ISO date', () => {
      const date = LocalDate.parse('2026-11-22');
      expect([date.year, date.month, date.day]).toEqual([2026, 11, 22]);
      expect(date.toString()).toBe('2026-11-22');
      expect(JSON.stringify({ date })).toBe('{"date":"2026-11-22"}');
      expect(Object.isFrozen(date)).toBe(true);
    });

    it.each(['2026-11-22T00:00:00Z', '2026-1-22', '26-11-22', '2026/11/22', ' 2026-11-22', '2026-11-22 ', '', '20261122', '+2026-11-22'])(
      'rejects the shape %p',
      (raw) => {
        expect(reasonOf(() => LocalDate.parse(raw))).toBe('format');
      },
    );

    it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '1900-02-29'])(
      'rejects the nonexistent date %s',
      (raw) => {
        expect(reasonOf(() => LocalDate.parse(raw))).toBe('nonexistent');
      },
    );

    it('accepts February 29 in leap years, 2000 included', () => {
      expect(LocalDate.parse('2028-02-29').toString()).toBe('2028-02-29');
      expect(LocalDate.parse('2000-02-29').toString()).toBe('2000-02-29');
    });

    it('rejects year 0 and non-strings', () => {
      expect(reasonOf(() => LocalDate.parse('0000-01-01'))).toBe('out-of-range');
      expect(reasonOf(() => LocalDate.parse(20261122 as unknown as string))).toBe('format');
      expect(reasonOf(() => LocalDate.of(2026, 1.5, 1))).toBe('format');
    });

    it('throws the coded domain error with the field hint', () => {
      expect(() => LocalDate.parse('2026-02-30', { field: 'birthDate' })).toThrow(
        expect.objectContaining({ code: 'KERNEL.INVALID_LOCAL_DATE', details: { field: 'birthDate', reason: 'nonexistent' } }),
      );
    });
  });

  describe('comparison', () => {
    const a = LocalDate.parse('2026-11-22');
    const b = LocalDate.parse('2026-11-23');

    it('orders dates', () => {
      expect(a.compare(b)).toBe(-1);
      expect(b.compare(a)).toBe(1);
      expect(a.compare(LocalDate.of(2026, 11, 22))).toBe(0);
      expect(a.isBefore(b)).toBe(true);
      expect(b.isAfter(a)).toBe(true);
      expect(a.isAfter(a)).toBe(false);
      expect(a.isOnOrBefore(a) && a.isOnOrAfter(a)).toBe(true);
      expect(b.isOnOrBefore(a)).toBe(false);
      expect(LocalDate.parse('2025-12-31').isBefore(LocalDate.parse('2026-01-01'))).toBe(true);
    });

    it('is equal by value', () => {
      expect(a.equals(LocalDate.of(2026, 11, 22))).toBe(true);
      expect(a.equals(b)).toBe(false);
      expect(a.equals(undefined)).toBe(false);
    });
  });

  describe('arithmetic', () => {
    it('adds days across months, years and leap days', () => {
      expect(LocalDate.parse('2026-11-22').addDays(10).toString()).toBe('2026-12-02');
      expect(LocalDate.parse('2026-12-31').addDays(1).toString()).toBe('2027-01-01');
      expect(LocalDate.parse('2028-02-28').addDays(1).toString()).toBe('2028-02-29');
      expect(LocalDate.parse('2026-03-01').addDays(-1).toString()).toBe('2026-02-28');
      expect(LocalDate.parse('2026-01-01').addDays(365).toString()).toBe('2027-01-01');
      expect(() => LocalDate.parse('2026-01-01').addDays(0.5)).toThrow(RangeError);
    });

    it('adds months and clamps to the end of a shorter month', () => {
      expect(LocalDate.parse('2026-01-31').addMonths(1).toString()).toBe('2026-02-28');
      expect(LocalDate.parse('2028-01-31').addMonths(1).toString()).toBe('2028-02-29');
      expect(LocalDate.parse('2026-11-15').addMonths(3).toString()).toBe('2027-02-15');
      expect(LocalDate.parse('2026-03-31').addMonths(-1).toString()).toBe('2026-02-28');
      expect(LocalDate.parse('2026-01-15').addMonths(-13).toString()).toBe('2024-12-15');
    });

    it('adds years; February 29 becomes February 28', () => {
      expect(LocalDate.parse('2028-02-29').addYears(1).toString()).toBe('2029-02-28');
      expect(LocalDate.parse('2028-02-29').addYears(4).toString()).toBe('2032-02-29');
      expect(LocalDate.parse('2026-11-22').addYears(-18).toString()).toBe('2008-11-22');
    });

    it('refuses to leave years 1 to 9999', () => {
      expect(reasonOf(() => LocalDate.parse('9999-12-31').addDays(1))).toBe('out-of-range');
      expect(reasonOf(() => LocalDate.parse('0001-01-01').addMonths(-1))).toBe('out-of-range');
    });

    it('round-trips epoch days over the whole range', () => {
      expect(LocalDate.parse('1970-01-01').toEpochDay()).toBe(0);
      expect(LocalDate.parse('1969-12-31').toEpochDay()).toBe(-1);
      expect(LocalDate.parse('2026-11-22').toEpochDay()).toBe(Date.UTC(2026, 10, 22) / 86_400_000);
      for (const raw of ['0001-01-01', '1600-02-29', '1899-12-31', '2000-03-01', '9999-12-31']) {
        const date = LocalDate.parse(raw);
        expect(LocalDate.fromEpochDay(date.toEpochDay()).toString()).toBe(raw);
      }
      // Every day of a leap cycle agrees with Date's UTC calendar.
      for (let day = 0; day < 1461; day += 1) {
        const expected = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        expect(LocalDate.parse('2024-01-01').addDays(day).toString()).toBe(expected);
      }
    });

    it('counts days between dates', () => {
      expect(LocalDate.parse('2026-11-22').daysUntil(LocalDate.parse('2026-12-25'))).toBe(33);
      expect(LocalDate.parse('2026-12-25').daysUntil(LocalDate.parse('2026-11-22'))).toBe(-33);
    });

    it('knows the ISO day of week', () => {
      expect(LocalDate.parse('2026-11-22').dayOfWeek()).toBe(7); // a Sunday
      expect(LocalDate.parse('2026-11-23').dayOfWeek()).toBe(1);
      expect(LocalDate.parse('1969-12-31').dayOfWeek()).toBe(3);
    });
  });

  describe('age', () => {
    const birth = LocalDate.parse('2008-11-22');

    it('counts whole years, the birthday included', () => {
      expect(birth.ageOn(LocalDate.parse('2026-11-21'))).toBe(17);
      expect(birth.ageOn(LocalDate.parse('2026-11-22'))).toBe(18);
      expect(birth.ageOn(LocalDate.parse('2026-12-01'))).toBe(18);
      expect(birth.ageOn(birth)).toBe(0);
    });

    it('turns someone born on February 29 older on March 1 of a common year', () => {
      const leapling = LocalDate.parse('2008-02-29');
      expect(leapling.ageOn(LocalDate.parse('2026-02-28'))).toBe(17);
      expect(leapling.ageOn(LocalDate.parse('2026-03-01'))).toBe(18);
      expect(leapling.ageOn(LocalDate.parse('2028-02-29'))).toBe(20);
    });

    it('is negative toward the past', () => {
      expect(LocalDate.parse('2026-11-22').yearsUntil(LocalDate.parse('2024-11-23'))).toBe(-1);
      expect(LocalDate.parse('2026-11-22').yearsUntil(LocalDate.parse('2024-11-22'))).toBe(-2);
    });
  });

  describe('time zones', () => {
    it('gives the date in Quebec, not in UTC, around midnight UTC', () => {
      // 2026-11-23 03:30 UTC is 22:30 on the 22nd in Montreal (EST, UTC-5).
      const clock = new FixedClock('2026-11-23T03:30:00Z');
      expect(LocalDate.today(clock).toString()).toBe('2026-11-22');
      expect(LocalDate.today(clock, 'UTC').toString()).toBe('2026-11-23');
      clock.set('2026-11-23T05:00:00Z');
      expect(LocalDate.today(clock).toString()).toBe('2026-11-23');
    });

    it('follows daylight saving time', () => {
      // July: EDT, UTC-4.
      expect(LocalDate.fromInstant(new Date('2026-07-02T03:59:59Z')).toString()).toBe('2026-07-01');
      expect(LocalDate.fromInstant(new Date('2026-07-02T04:00:00Z')).toString()).toBe('2026-07-02');
    });

    it('works ahead of UTC too', () => {
      expect(LocalDate.fromInstant(new Date('2026-11-22T20:00:00Z'), 'Pacific/Auckland').toString()).toBe('2026-11-23');
    });

    it('finds the instant a day starts in a zone', () => {
      expect(LocalDate.parse('2026-11-22').atStartOfDayIn().toISOString()).toBe('2026-11-22T05:00:00.000Z');
      expect(LocalDate.parse('2026-07-01').atStartOfDayIn().toISOString()).toBe('2026-07-01T04:00:00.000Z');
      // The days DST starts and ends in 2026 (March 8 and November 1).
      expect(LocalDate.parse('2026-03-08').atStartOfDayIn().toISOString()).toBe('2026-03-08T05:00:00.000Z');
      expect(LocalDate.parse('2026-03-09').atStartOfDayIn().toISOString()).toBe('2026-03-09T04:00:00.000Z');
      expect(LocalDate.parse('2026-11-01').atStartOfDayIn().toISOString()).toBe('2026-11-01T04:00:00.000Z');
      expect(LocalDate.parse('2026-11-02').atStartOfDayIn().toISOString()).toBe('2026-11-02T05:00:00.000Z');
      expect(LocalDate.parse('2026-11-22').atStartOfDayIn('Asia/Kolkata').toISOString()).toBe('2026-11-21T18:30:00.000Z');
    });

    it('throws RangeError for an unknown zone or an invalid Date', () => {
      expect(() => LocalDate.fromInstant(new Date(), 'Mars/Olympus')).toThrow(RangeError);
      expect(() => LocalDate.fromInstant(new Date('nope'))).toThrow(RangeError);
    });
  });
});
