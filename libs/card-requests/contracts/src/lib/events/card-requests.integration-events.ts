import { defineIntegrationEvent } from '@guichet/shared/kernel';
import type { BillToKind, CardRequestPaymentMethod } from '../common';

/* What the context tells others (and its own worker). Ids and plain values only. */

export type CardRequestSubmittedV1 = {
  requestId: string;
  number: string;
  trainerAccountId: string;
  participantCount: number;
  unitPriceCents: number;
  totalCents: number;
  method: CardRequestPaymentMethod;
  billTo: BillToKind;
  lang: 'fr' | 'en';
};
export const CardRequestSubmittedV1 = defineIntegrationEvent<CardRequestSubmittedV1>('card-requests.card-request-submitted.v1');

export type CardsProducedV1 = {
  requestId: string;
  number: string;
  cardCount: number;
};
export const CardsProducedV1 = defineIntegrationEvent<CardsProducedV1>('card-requests.cards-produced.v1');

export type CardsShippedV1 = {
  requestId: string;
  number: string;
  trackingNumber: string | null;
};
export const CardsShippedV1 = defineIntegrationEvent<CardsShippedV1>('card-requests.cards-shipped.v1');

export type CardRequestCanceledV1 = {
  requestId: string;
  number: string;
  /** The invoice to cancel at Billing, when one was issued. */
  invoiceId: string | null;
  actorId: string;
};
export const CardRequestCanceledV1 = defineIntegrationEvent<CardRequestCanceledV1>('card-requests.card-request-canceled.v1');
