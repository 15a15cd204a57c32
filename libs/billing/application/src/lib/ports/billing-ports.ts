import type {
  BillingReference,
  InvoiceDetail,
  InvoiceKind,
  InvoiceSearchFilters,
  InvoiceStatus,
  InvoiceSummary,
  PaymentMethod,
  PaymentState,
  PaymentView,
  Reconciliation,
} from '@guichet/billing/contracts';
import type { TaxRates } from '@guichet/billing/domain';

/** Port: GST/QST rates per product code (zero for an unknown code). */
export abstract class ProductTaxRates {
  abstract ratesFor(productCodes: readonly string[]): Promise<ReadonlyMap<string, TaxRates>>;
  abstract set(productCode: string, rates: TaxRates, actorId: string, now: Date): Promise<void>;
}

export interface HistoryRecord {
  readonly at: Date;
  /** See `InvoiceHistoryEntry.action` in the contracts. */
  readonly action: string;
  /** Account id, or `system`. */
  readonly actor: string;
  readonly amountCents: number | null;
  readonly details: string | null;
}

/** Port: the append-only history of an invoice (« Historique »), written in the caller's unit of work. */
export abstract class InvoiceHistory {
  abstract append(invoiceId: string, record: HistoryRecord): Promise<void>;
}

/**
 * Port: the provider's event ids already applied. `markProcessed` inserts the id in the caller's
 * transaction and answers false when it was there (a replay), so the event and its effect commit together.
 */
export abstract class ProcessedGatewayEvents {
  abstract markProcessed(eventId: string, type: string, at: Date): Promise<boolean>;
}

/** Port: a payer's portal account by e-mail (Accounts, through its contracts). */
export abstract class PayerDirectory {
  /** The account id whose e-mail is `email` (case-insensitive), or null. `actorId`: the staff member asking. */
  abstract findAccountIdByEmail(email: string, actorId: string): Promise<string | null>;
}

/** Port: the portal addresses the provider sends the payer back to. */
export abstract class BillingUrls {
  /** `<PUBLIC_URL>/factures/<id>/carte`: the hosted card page comes back here with `?token=`. */
  abstract cardReturnUrl(invoiceId: string): string;
  /** `<PUBLIC_URL>/factures/<id>?annule=1`. */
  abstract cardCancelUrl(invoiceId: string): string;
  /** `<PUBLIC_URL>/factures/<id>/paiements/<paymentId>`: after a second step (3-D Secure). */
  abstract cardPaymentReturnUrl(invoiceId: string, paymentId: string): string;
  /** `<PUBLIC_URL>/factures/<id>/paypal?paymentId=<pid>`. */
  abstract paypalReturnUrl(invoiceId: string, paymentId: string): string;
  /** The return address plus `&annule=1`. */
  abstract paypalCancelUrl(invoiceId: string, paymentId: string): string;
}

/** The addresses of the brief, from the portal's public URL (`PUBLIC_URL`). */
export class PublicBillingUrls extends BillingUrls {
  private readonly base: string;

  constructor(publicUrl: string) {
    super();
    this.base = publicUrl.replace(/\/+$/, '');
  }

  cardReturnUrl(invoiceId: string): string {
    return `${this.base}/factures/${encodeURIComponent(invoiceId)}/carte`;
  }
  cardCancelUrl(invoiceId: string): string {
    return `${this.base}/factures/${encodeURIComponent(invoiceId)}?annule=1`;
  }
  cardPaymentReturnUrl(invoiceId: string, paymentId: string): string {
    return `${this.base}/factures/${encodeURIComponent(invoiceId)}/paiements/${encodeURIComponent(paymentId)}`;
  }
  paypalReturnUrl(invoiceId: string, paymentId: string): string {
    return `${this.base}/factures/${encodeURIComponent(invoiceId)}/paypal?paymentId=${encodeURIComponent(paymentId)}`;
  }
  paypalCancelUrl(invoiceId: string, paymentId: string): string {
    return `${this.paypalReturnUrl(invoiceId, paymentId)}&annule=1`;
  }
}

export interface InvoiceCsvRow {
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly issuedAt: string;
  readonly service: string;
  readonly referenceId: string;
  readonly billToName: string;
  readonly payerEmail: string;
  readonly method: PaymentMethod | null;
  readonly subtotalCents: number;
  readonly gstCents: number;
  readonly qstCents: number;
  readonly totalCents: number;
  readonly balanceCents: number;
  readonly originalInvoiceNumber: string | null;
}

export interface PaymentCsvRow {
  readonly paymentId: string;
  readonly invoiceNumber: string;
  readonly service: string;
  readonly method: PaymentMethod;
  readonly state: PaymentState;
  readonly amountCents: number;
  readonly refundedCents: number;
  readonly createdAt: string;
  readonly confirmedAt: string | null;
  readonly label: string | null;
}

/** Port: the read side (views for the portal and the finance desk). */
export abstract class BillingReadModel {
  /** With its payments, refunds, credit notes and history. */
  abstract detail(invoiceId: string): Promise<InvoiceDetail | null>;
  abstract listForPayer(accountId: string): Promise<readonly InvoiceSummary[]>;
  abstract findByReference(reference: BillingReference): Promise<InvoiceSummary | null>;
  abstract payment(paymentId: string): Promise<{ view: PaymentView; payerAccountId: string | null } | null>;
  abstract search(filters: InvoiceSearchFilters & { page: number; pageSize: number }): Promise<{ items: readonly InvoiceSummary[]; total: number }>;
  abstract heldPayments(): Promise<readonly (PaymentView & { invoiceNumber: string })[]>;
  /** `date`: `YYYY-MM-DD`, a day in Montréal. */
  abstract reconciliation(date: string): Promise<Reconciliation>;
  /** Invoices and credit notes issued between the dates (Montréal days, inclusive). */
  abstract invoiceRows(from: string, to: string): Promise<readonly InvoiceCsvRow[]>;
  /** Payments created between the dates (Montréal days, inclusive). */
  abstract paymentRows(from: string, to: string): Promise<readonly PaymentCsvRow[]>;
}
