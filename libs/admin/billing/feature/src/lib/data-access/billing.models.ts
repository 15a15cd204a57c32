/**
 * The web side's view of Billing's HTTP API. Copied from libs/billing/contracts
 * (src/lib/common.ts and src/lib/queries/read-models.ts) because web code may not import the
 * node-side contracts; keep in step with them.
 */

export const BILLING_SERVICES = ['card-requests', 'registrations', 'seats', 'manual'] as const;
export type BillingService = (typeof BILLING_SERVICES)[number];

export interface BillingReference {
  readonly service: BillingService;
  readonly id: string;
}

/** « Mode de paiement ». */
export const PAYMENT_METHODS = ['card', 'paypal', 'cheque', 'deposit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Recorded by staff (« Enregistrer un paiement »). */
export const MANUAL_PAYMENT_METHODS = ['cheque', 'deposit'] as const;
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];

export const INVOICE_KINDS = ['invoice', 'credit-note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_STATUSES = ['issued', 'paid', 'canceled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type PaymentState = 'pending' | 'requires-action' | 'confirmed' | 'failed' | 'canceled' | 'refunded' | 'partially-refunded';

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly province?: string | null;
  readonly postalCode: string;
}

/** « Facturé à »: « individu » or « organisme ». */
export interface BillTo {
  readonly kind: 'individual' | 'organization';
  readonly name: string;
  /** « À l'attention de » (organization). */
  readonly attention?: string | null;
  readonly address: PostalAddress;
}

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
  /** Card: `visa •••• 4242`; cheque or deposit: its number. */
  readonly label: string | null;
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
  readonly creditNotes: readonly InvoiceSummary[];
  readonly history: readonly InvoiceHistoryEntry[];
}

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
