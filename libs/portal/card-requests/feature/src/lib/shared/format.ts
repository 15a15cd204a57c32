import { Pipe, inject, type PipeTransform } from '@angular/core';
import { formatCents, type CardRequestStatus } from '@guichet/portal/card-requests/data-access';
import { I18n } from '@guichet/shared/ui';
import type { CardRequestsKey } from '../card-requests.translations';

/** `{{ 600 | money }}` → `6,00 $` (fr-CA) or `$6.00` (en-CA); follows a language switch (impure). */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(cents: number): string {
    return formatCents(cents, this.i18n.language());
  }
}

/** `{{ '2026-03-01' | day }}` → `1 mars 2026` / `March 1, 2026`: a calendar date, no time zone shift. */
@Pipe({ name: 'day', pure: false })
export class DayPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(date: string | null): string {
    if (!date) return '';
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) return date;
    const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    const locale = this.i18n.language() === 'fr' ? 'fr-CA' : 'en-CA';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
  }
}

export function statusKey(status: CardRequestStatus): CardRequestsKey {
  return `cards.status.${status}`;
}
