import { BaseDomainEvent } from '@guichet/shared/kernel';
import type { BillToCode, PaymentMethodCode } from './card-request.values';

export class CardRequestSubmitted extends BaseDomainEvent {
  readonly name = 'CardRequestSubmitted';
  constructor(
    id: string,
    readonly number: string,
    readonly trainerAccountId: string,
    readonly participantCount: number,
    readonly unitPriceCents: number,
    readonly totalCents: number,
    readonly method: PaymentMethodCode,
    readonly billTo: BillToCode,
    readonly lang: 'fr' | 'en',
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class CardsProduced extends BaseDomainEvent {
  readonly name = 'CardsProduced';
  constructor(
    id: string,
    readonly number: string,
    readonly cardCount: number,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class CardsShipped extends BaseDomainEvent {
  readonly name = 'CardsShipped';
  constructor(
    id: string,
    readonly number: string,
    readonly trackingNumber: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class CardRequestCanceled extends BaseDomainEvent {
  readonly name = 'CardRequestCanceled';
  constructor(
    id: string,
    readonly number: string,
    readonly invoiceId: string | null,
    readonly actorId: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}
