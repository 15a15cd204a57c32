import { CARD_REQUEST_CARD_MINIMUM_CENTS, CARD_REQUEST_STATUSES, CARD_REQUEST_STATUS_LABELS, PARTICIPANT_TITLE_LABELS } from './common';
import { CardRequestCanceledV1, CardRequestSubmittedV1, CardsProducedV1, CardsShippedV1 } from './events/card-requests.integration-events';

describe('Card requests contracts', () => {
  it('names the four events, versioned', () => {
    expect([CardRequestSubmittedV1, CardsProducedV1, CardsShippedV1, CardRequestCanceledV1].map((e) => e.eventName)).toEqual([
      'card-requests.card-request-submitted.v1',
      'card-requests.cards-produced.v1',
      'card-requests.cards-shipped.v1',
      'card-requests.card-request-canceled.v1',
    ]);
  });

  it('labels every status in French as the UI shows it', () => {
    expect(CARD_REQUEST_STATUSES.map((s) => CARD_REQUEST_STATUS_LABELS[s].fr)).toEqual([
      'Nouvelle',
      'Soumise',
      'Facturée',
      'Payée',
      'Cartes produites',
      'Expédiée',
      'Annulée',
    ]);
  });

  it('keeps the manual titles and the 5 $ card minimum', () => {
    expect(Object.values(PARTICIPANT_TITLE_LABELS).map((l) => l.fr)).toEqual(['M.', 'Mme', 'Mx']);
    expect(CARD_REQUEST_CARD_MINIMUM_CENTS).toBe(500);
  });
});
