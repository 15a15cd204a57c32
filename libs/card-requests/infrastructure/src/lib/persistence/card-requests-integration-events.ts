import { CardRequestCanceledV1, CardRequestSubmittedV1, CardsProducedV1, CardsShippedV1 } from '@guichet/card-requests/contracts';
import { CardRequestCanceled, CardRequestSubmitted, CardsProduced, CardsShipped } from '@guichet/card-requests/domain';
import type { DomainEvent } from '@guichet/shared/kernel';
import type { OutgoingEvent } from '@guichet/shared/messaging';

/** What the repository puts in the outbox for each domain event. Ids and plain values only. */
export function cardRequestsIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
  const options = { occurredAt: event.occurredAt };
  if (event instanceof CardRequestSubmitted) {
    return [
      CardRequestSubmittedV1.create(
        {
          requestId: event.aggregateId,
          number: event.number,
          trainerAccountId: event.trainerAccountId,
          participantCount: event.participantCount,
          unitPriceCents: event.unitPriceCents,
          totalCents: event.totalCents,
          method: event.method,
          billTo: event.billTo,
          lang: event.lang,
        },
        options,
      ) as OutgoingEvent,
    ];
  }
  if (event instanceof CardsProduced) {
    return [CardsProducedV1.create({ requestId: event.aggregateId, number: event.number, cardCount: event.cardCount }, options) as OutgoingEvent];
  }
  if (event instanceof CardsShipped) {
    return [CardsShippedV1.create({ requestId: event.aggregateId, number: event.number, trackingNumber: event.trackingNumber }, options) as OutgoingEvent];
  }
  if (event instanceof CardRequestCanceled) {
    return [
      CardRequestCanceledV1.create({ requestId: event.aggregateId, number: event.number, invoiceId: event.invoiceId, actorId: event.actorId }, options) as OutgoingEvent,
    ];
  }
  return [];
}
