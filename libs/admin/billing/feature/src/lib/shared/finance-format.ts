import { inject } from '@angular/core';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import type { AdminBillingKey } from '../admin-billing.translations';
import { BILLING_SERVICES, PAYMENT_METHODS, type InvoiceKind, type InvoiceStatus, type PaymentState, type RefundView } from '../data-access/billing.models';
import { formatCents, formatDate, formatDateTime } from './money';

const HISTORY_ACTIONS = [
  'issued',
  'mailed',
  'payment-started',
  'payment-confirmed',
  'payment-failed',
  'payment-canceled',
  'payment-recorded',
  'refunded',
  'credit-note-issued',
  'paid',
  'canceled',
  'held-for-staff',
  'late-capture-refunded',
] as const;

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * Money, dates and the API's codes in the page's language (fr-CA / en-CA). Call it in a field
 * initializer; every function reads the language signal, so templates follow a switch.
 */
export function injectFinanceFormat() {
  const i18n = inject(I18n);
  const t = injectTranslate<AdminBillingKey>();
  return {
    t,
    money: (cents: number): string => formatCents(cents, i18n.language()),
    dateTime: (iso: string): string => formatDateTime(iso, i18n.language()),
    date: (value: string): string => formatDate(value, i18n.language()),
    method: (method: string | null): string => (method && includes(PAYMENT_METHODS, method) ? t(`adminBilling.method.${method}`) : (method ?? t('adminBilling.method.none'))),
    service: (service: string): string => (includes(BILLING_SERVICES, service) ? t(`adminBilling.service.${service}`) : service),
    status: (status: InvoiceStatus): string => t(`adminBilling.status.${status}`),
    kind: (kind: InvoiceKind): string => t(`adminBilling.kind.${kind}`),
    paymentState: (state: PaymentState): string => t(`adminBilling.paymentState.${state}`),
    refundState: (state: RefundView['state']): string => t(`adminBilling.refundState.${state}`),
    /** History actions as words; a code this page does not know yet shows as is rather than vanish. */
    historyAction: (action: string): string => (includes(HISTORY_ACTIONS, action) ? t(`adminBilling.history.${action}`) : action),
    actor: (actor: string): string => (actor === 'system' ? t('adminBilling.history.system') : actor),
  };
}

export type FinanceFormat = ReturnType<typeof injectFinanceFormat>;
