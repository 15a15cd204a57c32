import { Query } from '@nestjs/cqrs';
import type { BillingActor, BillingReference } from '../common';
import type { InvoiceDetail, InvoiceSearchFilters, InvoiceSummary, PaymentView, Reconciliation } from './read-models';

/** « Mes factures »: the caller's invoices and credit notes, newest first. */
export class ListMyInvoices extends Query<readonly InvoiceSummary[]> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** One invoice, for its payer or finance staff; `BILLING.INVOICE_NOT_FOUND` for anyone else. */
export class GetInvoice extends Query<InvoiceDetail> {
  constructor(
    readonly actor: BillingActor,
    readonly invoiceId: string,
  ) {
    super();
  }
}

/** For a requesting context: the invoice it asked for, or null. */
export class FindInvoiceByReference extends Query<InvoiceSummary | null> {
  constructor(readonly reference: BillingReference) {
    super();
  }
}

/** The invoice or credit note as a PDF in the payer's language; same access rule as `GetInvoice`. */
export class GetInvoicePdf extends Query<{ filename: string; content: Uint8Array }> {
  constructor(
    readonly actor: BillingActor,
    readonly invoiceId: string,
  ) {
    super();
  }
}

export class GetPayment extends Query<PaymentView> {
  constructor(
    readonly actor: BillingActor,
    readonly paymentId: string,
  ) {
    super();
  }
}

/** Finance desk. */
export class SearchInvoices extends Query<{ items: readonly InvoiceSummary[]; total: number }> {
  constructor(readonly filters: InvoiceSearchFilters) {
    super();
  }
}

/** Finance desk: payments confirmed and held for staff (confirmed after expiry or cancellation). */
export class ListHeldPayments extends Query<readonly (PaymentView & { invoiceNumber: string })[]> {}

export class GetReconciliation extends Query<Reconciliation> {
  constructor(readonly date: string) {
    super();
  }
}

/** For the accountant: CSV text (UTF-8 with BOM, `;`-separated for French Excel), issued between the dates. */
export class ExportInvoicesCsv extends Query<string> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

export class ExportPaymentsCsv extends Query<string> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
