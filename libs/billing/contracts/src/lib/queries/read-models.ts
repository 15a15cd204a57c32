import type { BillingReference, BillTo, PaymentMethod } from '../common';

export type InvoiceKind = 'invoice' | 'credit-note';
/** `issued`: money owed; `paid`: balance zero; `canceled`: credited in full (never deleted). */
export type InvoiceStatus = 'issued' | 'paid' | 'canceled';
/** Forward only: `pending → confirmed | failed | canceled`, `confirmed → refunded` (whole or part). */
export type PaymentState = 'pending' | 'requires-action' | 'confirmed' | 'failed' | 'canceled' | 'refunded' | 'partially-refunded';

export interface InvoiceLineView {
  readonly productCode: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly amountCents: number;
  readonly gstCents: number;
  readonly qstCents: number;
}

export interface InvoiceSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly issuedAt: string;
  readonly reference: BillingReference;
  readonly billToName: string;
  readonly payerEmail: string;
  readonly method: PaymentMethod | null;
  readonly totalCents: number;
  readonly balanceCents: number;
  /** For a credit note: the invoice it refers to. */
  readonly originalInvoiceNumber: string | null;
}

export interface PaymentView {
  readonly id: string;
  readonly invoiceId: string;
  readonly method: PaymentMethod;
  readonly state: PaymentState;
  readonly amountCents: number;
  readonly refundedCents: number;
  readonly createdAt: string;
  readonly confirmedAt: string | null;
  /** Card: `visa •••• 4242`; cheque or deposit: its number. Never a full card number. */
  readonly label: string | null;
  /** When the provider asks the payer for a second step, where to send the browser. */
  readonly nextActionUrl: string | null;
  readonly failureCode: string | null;
  /** Confirmed after the order expired or the invoice was canceled: waiting for staff. */
  readonly heldForStaff: boolean;
}

export interface RefundView {
  readonly id: string;
  readonly paymentId: string;
  readonly amountCents: number;
  readonly state: 'pending' | 'succeeded' | 'failed';
  readonly reason: string;
  readonly creditNoteId: string;
  readonly creditNoteNumber: string;
  readonly createdAt: string;
}

export interface InvoiceHistoryEntry {
  readonly at: string;
  /** `issued`, `mailed`, `payment-started`, `payment-confirmed`, `payment-failed`, `payment-canceled`, `payment-recorded`, `refunded`, `credit-note-issued`, `paid`, `canceled`, `held-for-staff`, `late-capture-refunded` (the provider took a payment we had given up: refunded in full). */
  readonly action: string;
  /** Account id of the person, or `system`. */
  readonly actor: string;
  readonly amountCents: number | null;
  readonly details: string | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  readonly lang: 'fr' | 'en';
  readonly payerAccountId: string | null;
  readonly billTo: BillTo;
  readonly lines: readonly InvoiceLineView[];
  readonly subtotalCents: number;
  readonly gstCents: number;
  readonly qstCents: number;
  readonly paidCents: number;
  readonly creditedCents: number;
  readonly payableUntil: string | null;
  readonly payments: readonly PaymentView[];
  readonly refunds: readonly RefundView[];
  /** Credit notes referring to this invoice. */
  readonly creditNotes: readonly InvoiceSummary[];
  /** Filled for finance staff only. */
  readonly history: readonly InvoiceHistoryEntry[];
}

export interface InvoiceSearchFilters {
  readonly status?: InvoiceStatus;
  readonly kind?: InvoiceKind;
  readonly method?: PaymentMethod;
  readonly service?: string;
  /** Issued on or after, `YYYY-MM-DD` (Montréal time). */
  readonly from?: string;
  readonly to?: string;
  /** Part of the payer's e-mail, the billed name or the invoice number. */
  readonly payer?: string;
  readonly page?: number;
  readonly pageSize?: number;
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

/** One day (Montréal time): confirmed payments and refunds, totals per method and per service. */
export interface Reconciliation {
  readonly date: string;
  readonly byMethod: readonly ReconciliationTotal[];
  readonly byService: readonly ReconciliationTotal[];
  readonly refunds: readonly (RefundView & { readonly invoiceNumber: string; readonly method: PaymentMethod })[];
  readonly paymentsCents: number;
  readonly refundsCents: number;
  readonly netCents: number;
}
