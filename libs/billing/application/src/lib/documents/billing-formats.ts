import type { Lang } from '@guichet/shared/kernel';
import { LocalDate, Money } from '@guichet/shared/kernel';

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `22 novembre 2026` / `November 22, 2026`: the day an instant falls on in Montréal (or a `YYYY-MM-DD`). */
export function formatBillingDate(value: string, lang: Lang): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? LocalDate.parse(value) : LocalDate.fromInstant(new Date(value));
  const month = MONTHS[lang][date.month - 1];
  return lang === 'en' ? `${month} ${date.day}, ${date.year}` : `${date.day === 1 ? '1er' : date.day} ${month} ${date.year}`;
}

/** `1 234,56 $` (no-break spaces) / `$1,234.56`: the kernel's format. */
export function formatBillingMoney(cents: number, lang: Lang): string {
  return Money.ofCents(cents).format(lang);
}
