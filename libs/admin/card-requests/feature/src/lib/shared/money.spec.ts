import { centsToInput, formatCents, parseDollars } from './money';

/** Intl puts narrow or plain no-break spaces in fr-CA amounts; compare with ordinary spaces. */
const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('« Prix par carte »: dollars ⇄ cents', () => {
  it.each([
    ['2,00', 200],
    ['2.00', 200],
    ['2', 200],
    ['2,5', 250],
    [' 2,00 $ ', 200],
  ])('reads %p as %p cents', (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it.each(['', 'deux', '2,005', '-2', '2,00,1'])('refuses %p', (text) => {
    expect(parseDollars(text)).toBeNull();
  });

  it('writes cents back into the field the way each language types them', () => {
    expect(centsToInput(200, 'fr')).toBe('2,00');
    expect(centsToInput(250, 'en')).toBe('2.50');
    expect(parseDollars(centsToInput(1234, 'fr'))).toBe(1234);
  });

  it('shows money the Canadian French and English way', () => {
    expect(spaces(formatCents(200, 'fr'))).toBe('2,00 $');
    expect(formatCents(200, 'en')).toBe('$2.00');
  });
});
