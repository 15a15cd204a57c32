/** Montréal's time zone: session end dates and the history are shown as local days and times. */
export const CARD_DESK_TIME_ZONE = 'America/Toronto';

export type DisplayLanguage = 'fr' | 'en';

const locale = (language: DisplayLanguage): string => (language === 'en' ? 'en-CA' : 'fr-CA');

/** `1234` → « 12,34 $ » (fr-CA) or « $12.34 » (en-CA). */
export function formatCents(cents: number, language: DisplayLanguage): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** An amount as typed into a field, without the currency sign: `12,34` (fr) or `12.34` (en). */
export function centsToInput(cents: number, language: DisplayLanguage): string {
  const text = (cents / 100).toFixed(2);
  return language === 'en' ? text : text.replace('.', ',');
}

/**
 * Reads a dollar amount typed by a person into integer cents: `12,34`, `12.34`, `12`, `1 234,5`,
 * `12,34 $`, `$12.34`. Null when it is not an amount (letters, three decimals, a negative sign).
 */
export function parseDollars(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f$]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** An ISO instant as a Montréal date and time in the page's language. */
export function formatDateTime(iso: string, language: DisplayLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: CARD_DESK_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A `YYYY-MM-DD` day or an ISO instant as a Montréal date in the page's language. */
export function formatDate(value: string, language: DisplayLanguage): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale(language), { timeZone: CARD_DESK_TIME_ZONE, dateStyle: 'long' }).format(date);
}
