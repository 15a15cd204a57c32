import { LocalDate, Money, type Lang } from '@guichet/shared/kernel';

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * `14 mars 2026` / `March 14, 2026` for a `YYYY-MM-DD` (or the Montréal day of an ISO instant);
 * any other text is returned as it is.
 */
export function formatCardRequestDate(value: string, lang: Lang): string {
  let date: LocalDate;
  try {
    date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? LocalDate.parse(value) : LocalDate.fromInstant(new Date(value));
  } catch {
    return value;
  }
  const month = MONTHS[lang][date.month - 1];
  return lang === 'en' ? `${month} ${date.day}, ${date.year}` : `${date.day === 1 ? '1er' : date.day} ${month} ${date.year}`;
}

/** `6,00 $` / `$6.00` with ordinary spaces (mail text). */
export function formatCardRequestMoney(cents: number, lang: Lang): string {
  return Money.ofCents(cents).formatPlain(lang);
}

/** The portal page of a request (`/cartes/sessions/<id>`), where the trainer follows its « Statut ». */
export function cardRequestPortalUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/cartes/sessions/${encodeURIComponent(requestId)}`;
}
