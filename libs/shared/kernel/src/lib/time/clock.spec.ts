import { Clock, FixedClock, SystemClock } from './clock';
import { assertTimeZone, DEFAULT_TIME_ZONE } from './time-zone';

describe('Clock', () => {
  it('SystemClock returns the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('FixedClock stands still until told otherwise', () => {
    const clock = new FixedClock('2026-11-22T15:00:00Z');
    expect(clock).toBeInstanceOf(Clock);
    expect(clock.now().toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-22T15:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-22T15:01:30.000Z');
    clock.advance(-30_000);
    expect(clock.now().toISOString()).toBe('2026-11-22T15:01:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('FixedClock hands out copies', () => {
    const clock = new FixedClock(new Date('2026-11-22T15:00:00Z'));
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('FixedClock rejects invalid instants and steps', () => {
    expect(() => new FixedClock('tomorrow')).toThrow(RangeError);
    expect(() => new FixedClock().advance(Number.NaN)).toThrow(RangeError);
  });

  it("gives today's date in Quebec by default", () => {
    const clock = new FixedClock('2026-11-23T04:59:59Z');
    expect(DEFAULT_TIME_ZONE).toBe('America/Toronto');
    expect(clock.today().toString()).toBe('2026-11-22');
    expect(clock.today('UTC').toString()).toBe('2026-11-23');
  });

  it('validates time zone names', () => {
    expect(() => assertTimeZone('America/Toronto')).not.toThrow();
    expect(() => assertTimeZone('Quebec/Montreal')).toThrow(RangeError);
  });
});
