import type { Lang } from '@guichet/shared/kernel';

/*
 * The plain values the aggregates keep. They mirror `@guichet/billing/contracts` (the domain only
 * depends on the kernel), so the application passes contract values straight in.
 */

export type BillingServiceName = 'card-requests' | 'registrations' | 'seats' | 'manual';

export interface InvoiceReference {
  readonly service: BillingServiceName;
  readonly id: string;
}

export type PaymentMethodName = 'card' | 'paypal' | 'cheque' | 'deposit';
export type ManualMethodName = 'cheque' | 'deposit';

export interface PayerInfo {
  readonly accountId: string | null;
  readonly email: string;
  readonly lang: Lang;
}

export interface BillToInfo {
  readonly kind: 'individual' | 'organization';
  readonly name: string;
  readonly attention?: string | null;
  readonly address: {
    readonly line1: string;
    readonly line2?: string | null;
    readonly city: string;
    readonly province?: string | null;
    readonly postalCode: string;
  };
}

/** Thousandths of a percent: GST 5 % = 5000, QST 9.975 % = 9975. */
export interface TaxRates {
  readonly gstMilliPercent: number;
  readonly qstMilliPercent: number;
}

export const ZERO_TAX_RATES: TaxRates = Object.freeze({ gstMilliPercent: 0, qstMilliPercent: 0 });

/** Manual 000: the smallest balance payable by card. */
export const CARD_MINIMUM_CENTS = 500;
