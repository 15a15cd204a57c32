import { Command } from '@nestjs/cqrs';
import type { ManualPaymentMethod } from '../common';
import type { PaymentView, RefundView } from '../queries/read-models';

/**
 * Finance desk, « Enregistrer un paiement »: a cheque or a direct deposit arrived. Over-payment is
 * refused (`BILLING.OVERPAYMENT`), and so is the same cheque or transfer number recorded twice on an
 * invoice (`BILLING.DUPLICATE_PAYMENT`).
 */
export class RecordManualPayment extends Command<PaymentView> {
  constructor(
    readonly actorId: string,
    readonly invoiceId: string,
    readonly method: ManualPaymentMethod,
    readonly amountCents: number,
    /** The day the money arrived, `YYYY-MM-DD`, not in the future. */
    readonly receivedOn: string,
    /** Cheque number or transfer number. */
    readonly reference: string,
  ) {
    super();
  }
}

/**
 * Refunds a confirmed payment in whole or in part, with a credit note referring to the invoice: to the
 * original card or PayPal account through the provider, or recorded for a cheque or deposit (staff
 * send the money). Throws `BILLING.REFUND_EXCEEDS_PAYMENT`, `BILLING.PAYMENT_NOT_REFUNDABLE`.
 */
export class RefundPayment extends Command<RefundView> {
  constructor(
    readonly actorId: string | null,
    readonly paymentId: string,
    readonly amountCents: number,
    readonly reason: string,
    /** One refund per key: a double click refunds once. */
    readonly idempotencyKey: string,
  ) {
    super();
  }
}

/** GST and QST rates of a product (zero by default), used for invoices issued from now on. */
export class SetProductTaxes extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly productCode: string,
    /** Thousandths of a percent: GST 5 % = 5000, QST 9.975 % = 9975. */
    readonly gstMilliPercent: number,
    readonly qstMilliPercent: number,
  ) {
    super();
  }
}
