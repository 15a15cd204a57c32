import { Command } from '@nestjs/cqrs';
import type { BillingReference } from '../common';

/**
 * Cancels what is still owed on the invoice of `reference` (an order expired, staff canceled a
 * request): a credit note for the unpaid balance refers to the original. Confirmed payments are
 * refunded when `refundPayments` is true, and the cancellation is refused otherwise
 * (`BILLING.INVOICE_HAS_PAYMENTS`). Idempotent: canceling a canceled invoice does nothing.
 */
export class CancelInvoice extends Command<{ creditNoteId: string | null }> {
  constructor(
    readonly reference: BillingReference,
    readonly reason: string,
    readonly refundPayments: boolean,
    /** Staff member's account id, or null when the requesting context cancels. */
    readonly actorId: string | null,
  ) {
    super();
  }
}
