import { centsToInput, formatCents, parseDollars, todayInMontreal } from './money';

/** Intl puts narrow or plain no-break spaces in fr-CA amounts; compare with ordinary spaces. */
const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('parseDollars', () => {
  it.each([
    ['12,34', 1234],
    ['12.34', 1234],
    ['12', 1200],
    ['12,5', 1250],
    [' 1 234,56 $ ', 123456],
    ['$12.34', 1234],
    ['0,05', 5],
  ])('reads %p as %p cents', (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,345', '-5', '12,34,56', '1e3', ','])('refuses %p', (text) => {
    expect(parseDollars(text)).toBeNull();
  });
});

describe('formatCents', () => {
  it('writes money the Canadian French and English way', () => {
    expect(spaces(formatCents(123456, 'fr'))).toBe('1 234,56 $');
    expect(formatCents(123456, 'en')).toBe('$1,234.56');
  });
});

describe('centsToInput', () => {
  it('gives back what a person would type, which parseDollars reads again', () => {
    expect(centsToInput(1205, 'fr')).toBe('12,05');
    expect(centsToInput(1205, 'en')).toBe('12.05');
    expect(parseDollars(centsToInput(99, 'fr'))).toBe(99);
  });
});

describe('todayInMontreal', () => {
  it('is the Montréal date, not the UTC one', () => {
    // 03:30 UTC on 2 March is still 1 March in Montréal (UTC−5).
    expect(todayInMontreal(new Date('2026-03-02T03:30:00Z'))).toBe('2026-03-01');
    expect(todayInMontreal(new Date('2026-03-02T12:00:00Z'))).toBe('2026-03-02');
  });
});
