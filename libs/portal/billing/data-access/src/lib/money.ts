/**
 * Cents as the reader's locale writes money: `1 234,56 $` in French (fr-CA), `$1,234.56` in English
 * (en-CA). Amounts are integer cents everywhere; only the screen shows dollars.
 */
export function formatCents(cents: number, lang: 'fr' | 'en'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(cents / 100);
}
