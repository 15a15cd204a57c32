/**
 * The finance desk's view of Billing's HTTP API: the payer-facing types come from the portal's
 * data-access lib (the one web copy of libs/billing/contracts); the desk's own shapes are below.
 */

export {
  BILLING_SERVICES,
  PAYMENT_METHODS,
  type BillingService,
  type BillingReference,
  type PaymentMethod,
  type InvoiceKind,
  type InvoiceStatus,
  type PaymentState,
  type PostalAddress,
  type BillTo,
  type InvoiceLineView,
  type InvoiceSummary,
  type PaymentView,
  type RefundView,
  type InvoiceHistoryEntry,
  type InvoiceDetail,
} from '@guichet/portal/billing/data-access';
import type { BillTo, InvoiceKind, InvoiceStatus, InvoiceSummary, PaymentMethod, PaymentView, RefundView } from '@guichet/portal/billing/data-access';

/** Recorded by staff (« Enregistrer un paiement »). */
export const MANUAL_PAYMENT_METHODS = ['cheque', 'deposit'] as const;
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];
export const INVOICE_KINDS = ['invoice', 'credit-note'] as const satisfies readonly InvoiceKind[];
export const INVOICE_STATUSES = ['issued', 'paid', 'canceled'] as const satisfies readonly InvoiceStatus[];

export interface InvoiceSearchFilters {
  readonly status?: InvoiceStatus;
  readonly kind?: InvoiceKind;
  readonly method?: PaymentMethod;
  readonly service?: string;
  /** `YYYY-MM-DD` (Montréal time), inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Part of the payer's e-mail, the billed name or the invoice number. */
  readonly payer?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface InvoicePage {
  readonly items: readonly InvoiceSummary[];
  readonly total: number;
}

export interface ReconciliationPayment {
  readonly paymentId: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly service: string;
  readonly method: PaymentMethod;
  readonly amountCents: number;
  readonly label: string | null;
  readonly confirmedAt: string;
}

export interface ReconciliationTotal {
  /** A payment method, or a service. */
  readonly key: string;
  readonly count: number;
  readonly totalCents: number;
  readonly payments: readonly ReconciliationPayment[];
}

export type ReconciliationRefund = RefundView & { readonly invoiceNumber: string; readonly method: PaymentMethod };

export interface Reconciliation {
  readonly date: string;
  readonly byMethod: readonly ReconciliationTotal[];
  readonly byService: readonly ReconciliationTotal[];
  readonly refunds: readonly ReconciliationRefund[];
  readonly paymentsCents: number;
  readonly refundsCents: number;
  readonly netCents: number;
}

/** GET /api/billing/finance/held-payments. */
export type HeldPayment = PaymentView & { readonly invoiceNumber: string };

/** POST /api/billing/finance/invoices (« Nouvelle facture », service `manual`). */
export interface NewInvoiceForm {
  readonly payerEmail: string;
  readonly lang: 'fr' | 'en';
  readonly billTo: BillTo;
  readonly lines: readonly { readonly description: string; readonly quantity: number; readonly unitPriceCents: number }[];
  readonly method: PaymentMethod;
  /** Chosen once per form: sending it twice (double click, retry) issues one invoice. */
  readonly idempotencyKey: string;
}

/** POST /api/billing/finance/invoices/:id/payments (« Enregistrer un paiement »). */
export interface ManualPaymentForm {
  readonly method: ManualPaymentMethod;
  readonly amountCents: number;
  /** `YYYY-MM-DD`. */
  readonly receivedOn: string;
  /** Cheque or transfer number. */
  readonly reference: string;
}

/** POST /api/billing/finance/payments/:id/refunds. */
export interface RefundForm {
  readonly amountCents: number;
  readonly reason: string;
  /** One refund per key: a double click or a retry refunds once. */
  readonly idempotencyKey: string;
}
