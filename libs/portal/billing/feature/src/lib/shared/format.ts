import { Pipe, inject, type PipeTransform } from '@angular/core';
import { formatCents, type InvoiceSummary, type PaymentMethod, type PaymentView } from '@guichet/portal/billing/data-access';
import { I18n } from '@guichet/shared/ui';
import type { BillingKey } from '../billing.translations';

/** `{{ 1150 | money }}` → `11,50 $` (fr-CA) or `$11.50` (en-CA); follows a language switch (impure). */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(cents: number): string {
    return formatCents(cents, this.i18n.language());
  }
}

/** Dates are shown in Montréal time, where the invoices are issued. */
const TIME_ZONE = 'America/Toronto';

/** `{{ invoice.issuedAt | billingDate }}` → `2 mars 2026` / `March 2, 2026`. */
@Pipe({ name: 'billingDate', pure: false })
export class BillingDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(iso: string | null): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const locale = this.i18n.language() === 'fr' ? 'fr-CA' : 'en-CA';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
  }
}

/** « À payer » while money is owed, else the invoice's status. */
export function statusKey(invoice: Pick<InvoiceSummary, 'status' | 'kind' | 'balanceCents'>): BillingKey {
  if (invoice.status === 'issued' && invoice.kind === 'invoice' && invoice.balanceCents > 0) return 'billing.status.due';
  return `billing.status.${invoice.status}`;
}

export function methodKey(method: PaymentMethod | null): BillingKey {
  return method ? `billing.method.${method}` : 'billing.method.none';
}

export function paymentStateKey(payment: PaymentView): BillingKey {
  return payment.heldForStaff && payment.state === 'confirmed' ? 'billing.state.held' : `billing.state.${payment.state}`;
}

/** The provider's reason for a refusal, in the payer's words. */
export function failureKey(code: string | null): BillingKey {
  return code === 'card_declined' || code === 'authentication_failed' ? `billing.failure.${code}` : 'billing.failure.other';
}
