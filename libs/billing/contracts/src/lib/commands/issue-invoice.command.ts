import { Command } from '@nestjs/cqrs';
import type { BillingReference, BillTo, InvoiceLineInput, Payer, PaymentMethod } from '../common';

/**
 * Issues an invoice with the next number of the year (`F-2026-000123`) and mails its PDF (with the
 * cheque or deposit instructions when that is the method chosen). Idempotent by `reference`: issuing
 * again for the same service and id returns the first invoice, so a redelivered event or a double
 * « Soumettre » never bills twice. `payableUntil`: when the originating order expires; a payment
 * confirmed after it is refunded or held for staff, never applied. Throws `BILLING.INVALID_INVOICE`
 * (no line, quantity < 1, negative price).
 */
export class IssueInvoice extends Command<{ invoiceId: string; number: string }> {
  constructor(
    readonly reference: BillingReference,
    readonly payer: Payer,
    readonly billTo: BillTo,
    readonly lines: readonly InvoiceLineInput[],
    /** The method the payer chose (« Mode de paiement »), or null when they choose later. */
    readonly method: PaymentMethod | null,
    readonly payableUntil: Date | null,
    /** Staff member issuing a manual invoice, or null when a context asks. */
    readonly issuedBy: string | null,
  ) {
    super();
  }
}
