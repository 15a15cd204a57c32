import { BaseDomainEvent } from '@guichet/shared/kernel';
import type { InvoiceReference, PaymentMethodName } from '../shared/billing-types';

export class InvoiceIssued extends BaseDomainEvent {
  readonly name = 'InvoiceIssued';
  constructor(
    id: string,
    readonly number: string,
    readonly kind: 'invoice' | 'credit-note',
    readonly reference: InvoiceReference,
    readonly totalCents: number,
    readonly method: PaymentMethodName | null,
    readonly originalInvoiceId: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

/** The balance reached zero through payments. */
export class InvoicePaid extends BaseDomainEvent {
  readonly name = 'InvoicePaid';
  constructor(
    id: string,
    readonly number: string,
    readonly reference: InvoiceReference,
    readonly totalCents: number,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

/** Credited in full. */
export class InvoiceCanceled extends BaseDomainEvent {
  readonly name = 'InvoiceCanceled';
  constructor(
    id: string,
    readonly number: string,
    readonly reference: InvoiceReference,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}
