import { InvoiceIssuedV1, InvoicePaidV1, PaymentFailedV1, RefundIssuedV1 } from '@guichet/billing/contracts';
import { InvoiceIssued, InvoicePaid, PaymentFailed, RefundIssued } from '@guichet/billing/domain';
import type { DomainEvent, IntegrationEventEnvelope } from '@guichet/shared/kernel';

/** An envelope whose payload the outbox checks at run time (the contracts' payload types are interfaces). */
export type BillingOutgoingEvent = Omit<IntegrationEventEnvelope, 'payload'> & { readonly payload: unknown };

/**
 * What Billing's repositories put in the outbox for each domain event they save. Each event carries
 * the requester's reference; ids and amounts only.
 */
export function billingIntegrationEvents(event: DomainEvent): BillingOutgoingEvent[] {
  const options = { occurredAt: event.occurredAt };
  if (event instanceof InvoiceIssued) {
    return [
      InvoiceIssuedV1.create(
        {
          invoiceId: event.aggregateId,
          number: event.number,
          kind: event.kind,
          reference: { ...event.reference },
          totalCents: event.totalCents,
          method: event.method,
          originalInvoiceId: event.originalInvoiceId,
        },
        options,
      ),
    ];
  }
  if (event instanceof InvoicePaid) {
    return [
      InvoicePaidV1.create(
        {
          invoiceId: event.aggregateId,
          number: event.number,
          reference: { ...event.reference },
          totalCents: event.totalCents,
          paidAt: event.occurredAt.toISOString(),
        },
        options,
      ),
    ];
  }
  if (event instanceof PaymentFailed) {
    return [
      PaymentFailedV1.create(
        {
          invoiceId: event.invoiceId,
          paymentId: event.aggregateId,
          reference: { ...event.reference },
          method: event.method,
          failureCode: event.failureCode,
        },
        options,
      ),
    ];
  }
  if (event instanceof RefundIssued) {
    return [
      RefundIssuedV1.create(
        {
          invoiceId: event.invoiceId,
          paymentId: event.paymentId,
          refundId: event.aggregateId,
          creditNoteId: event.creditNoteId,
          creditNoteNumber: event.creditNoteNumber,
          reference: { ...event.reference },
          amountCents: event.amountCents,
          method: event.method,
        },
        options,
      ),
    ];
  }
  return [];
}
