import { formatBillingDate, formatBillingMoney } from './billing-formats';

describe('billing formats', () => {
  it('prints the Montréal day of an instant, or a plain date, in French and English', () => {
    expect(formatBillingDate('2026-03-05T03:30:00.000Z', 'fr')).toBe('4 mars 2026');
    expect(formatBillingDate('2026-03-05T03:30:00.000Z', 'en')).toBe('March 4, 2026');
    expect(formatBillingDate('2026-08-01', 'fr')).toBe('1er août 2026');
  });

  it('formats money the kernel’s way', () => {
    expect(formatBillingMoney(123_456, 'fr')).toBe('1\u00a0234,56\u00a0$');
    expect(formatBillingMoney(123_456, 'en')).toBe('$1,234.56');
  });
});
