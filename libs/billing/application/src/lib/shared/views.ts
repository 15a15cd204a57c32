import type { PaymentView, RefundView } from '@guichet/billing/contracts';
import type { Payment, Refund } from '@guichet/billing/domain';

export function paymentView(payment: Payment): PaymentView {
  const s = payment.toSnapshot();
  return {
    id: s.id,
    invoiceId: s.invoiceId,
    method: s.method,
    state: s.state,
    amountCents: s.amountCents,
    refundedCents: s.refundedCents,
    createdAt: s.createdAt.toISOString(),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    label: s.label,
    nextActionUrl: s.nextActionUrl,
    failureCode: s.failureCode,
    heldForStaff: s.heldForStaff,
  };
}

/** A refund still pending (or failed) has no credit note yet: its ids are empty strings. */
export function refundView(refund: Refund): RefundView {
  const s = refund.toSnapshot();
  return {
    id: s.id,
    paymentId: s.paymentId,
    amountCents: s.amountCents,
    state: s.state,
    reason: s.reason,
    creditNoteId: s.creditNoteId ?? '',
    creditNoteNumber: s.creditNoteNumber ?? '',
    createdAt: s.createdAt.toISOString(),
  };
}
