import { Command } from '@nestjs/cqrs';
import type { BillTo, PaymentMethod } from '../common';

/** One line of « Nouvelle facture »: taxed at the rates of the product code `manual` (zero by default). */
export interface ManualInvoiceLineInput {
  readonly description: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

/**
 * Finance desk, « Nouvelle facture »: an invoice for service `manual` (its reference id is the form's `requestKey`, or generated).
 * The payer's portal account is found by e-mail when one exists, so the invoice shows in « Mes
 * factures ». Throws `BILLING.INVALID_INVOICE`.
 */
export class IssueManualInvoice extends Command<{ invoiceId: string; number: string }> {
  constructor(
    readonly actorId: string,
    readonly payerEmail: string,
    readonly lang: 'fr' | 'en',
    readonly billTo: BillTo,
    readonly lines: readonly ManualInvoiceLineInput[],
    readonly method: PaymentMethod | null,
    /** Chosen once per form: the same key again returns the first invoice (a double submit bills once). */
    readonly requestKey: string | null = null,
  ) {
    super();
  }
}
