import type { InvoiceDetail } from '@guichet/billing/contracts';

/** What a PDF needs besides the invoice: the issuer's identity (from settings). */
export interface InvoiceIssuer {
  readonly name: string;
  readonly address: readonly string[];
  /** « No TPS » / « No TVQ »: printed when set. */
  readonly gstNumber: string | null;
  readonly qstNumber: string | null;
  /** Printed on cheque and deposit invoices: the payee, and the deposit (transfer) details. */
  readonly chequePayableTo: string;
  readonly depositInstructions: string;
}

/**
 * Port: renders an invoice or a credit note as a PDF in `invoice.lang` (French or English), with the
 * number, dates, « Facturé à », lines, GST/QST, totals, payments, balance, and for cheque or deposit
 * the instructions of manual 001 (write the invoice number on the cheque).
 */
export abstract class InvoicePdfRenderer {
  abstract render(invoice: InvoiceDetail, issuer: InvoiceIssuer): Promise<Uint8Array>;
}
