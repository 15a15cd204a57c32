import { BaseDomainEvent } from '@guichet/shared/kernel';
import type { InvoiceReference, PaymentMethodName } from '../shared/billing-types';

export class PaymentFailed extends BaseDomainEvent {
  readonly name = 'PaymentFailed';
  constructor(
    id: string,
    readonly invoiceId: string,
    readonly reference: InvoiceReference,
    readonly method: PaymentMethodName,
    readonly failureCode: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class PaymentConfirmed extends BaseDomainEvent {
  readonly name = 'PaymentConfirmed';
  constructor(
    id: string,
    readonly invoiceId: string,
    readonly amountCents: number,
    readonly heldForStaff: boolean,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}
