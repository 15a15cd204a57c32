import type { Invoice } from '../invoice/invoice.aggregate';
import type { Payment } from '../payment/payment.aggregate';
import type { Refund } from '../refund/refund.aggregate';
import type { InvoiceReference } from './billing-types';

/**
 * Port: invoices and credit notes (schema `billing`). Saves write the state and the integration
 * events of the recorded domain events (outbox) in one transaction, with optimistic concurrency on
 * `version`. Lookups join the current unit of work when one is active.
 */
export abstract class InvoiceRepository {
  /** Throws `InvoiceNotFound`. */
  abstract get(id: string): Promise<Invoice>;
  abstract findById(id: string): Promise<Invoice | null>;
  /** The invoice (not a credit note) issued for the requester's reference. */
  abstract findByReference(reference: InvoiceReference): Promise<Invoice | null>;
  /** Throws `InvoiceAlreadyIssued` when another invoice holds the same reference. */
  abstract save(invoice: Invoice): Promise<void>;
}

export abstract class PaymentRepository {
  /** Throws `PaymentNotFound`. */
  abstract get(id: string): Promise<Payment>;
  abstract findById(id: string): Promise<Payment | null>;
  abstract findByIdempotencyKey(key: string): Promise<Payment | null>;
  abstract findByProviderId(providerId: string): Promise<Payment | null>;
  abstract listByInvoice(invoiceId: string): Promise<Payment[]>;
  /**
   * Unique violations become domain errors: the idempotency key → `IdempotencyKeyTaken`, a second
   * open online payment on the invoice → `PaymentInProgress`, the same cheque or transfer number on
   * the invoice → `DuplicatePayment`.
   */
  abstract save(payment: Payment): Promise<void>;
}

export abstract class RefundRepository {
  abstract findById(id: string): Promise<Refund | null>;
  abstract findByIdempotencyKey(key: string): Promise<Refund | null>;
  abstract findByProviderId(providerRefundId: string): Promise<Refund | null>;
  abstract listByPayment(paymentId: string): Promise<Refund[]>;
  /** The idempotency key → `IdempotencyKeyTaken`. */
  abstract save(refund: Refund): Promise<void>;
}
