/**
 * The web side's view of the Billing HTTP API. Copied from `libs/billing/contracts/src/lib/common.ts` and
 * `libs/billing/contracts/src/lib/queries/read-models.ts` because web code may not import the node-side
 * contracts: keep them in step.
 */

/** « Mode de paiement ». Card and PayPal are paid online; cheque and deposit are recorded by staff. */
export const PAYMENT_METHODS = ['card', 'paypal', 'cheque', 'deposit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ ». */
export const CARD_PAYMENT_MINIMUM_CENTS = 500;

/** The services that ask Billing to bill. `manual`: an invoice the finance desk issued itself. */
export const BILLING_SERVICES = ['card-requests', 'registrations', 'seats', 'manual'] as const;
export type BillingService = (typeof BILLING_SERVICES)[number];

/** What the requesting context calls the thing billed (its order or request id). */
export interface BillingReference {
  readonly service: BillingService;
  readonly id: string;
}

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly province?: string | null;
  readonly postalCode: string;
}

/** « Facturé à »: an individual (« individu ») or an organization (« organisme »). */
export interface BillTo {
  readonly kind: 'individual' | 'organization';
  readonly name: string;
  /** For an organization: « À l'attention de ». */
  readonly attention?: string | null;
  readonly address: PostalAddress;
}

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
  readonly action: string;
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
  /** Filled for finance staff only: always empty in the portal. */
  readonly history: readonly InvoiceHistoryEntry[];
}

/** POST /api/billing/invoices/:id/card-checkout: the provider's hosted card page. */
export interface CardCheckout {
  readonly url: string;
}

/** POST /api/billing/invoices/:id/paypal-payments. */
export interface PaypalCheckout {
  readonly paymentId: string;
  readonly approveUrl: string;
}

/** A payment is settled (no more polling) in these states. */
export const SETTLED_PAYMENT_STATES: readonly PaymentState[] = ['confirmed', 'failed', 'canceled', 'refunded', 'partially-refunded'];

export function isSettled(state: PaymentState): boolean {
  return SETTLED_PAYMENT_STATES.includes(state);
}
