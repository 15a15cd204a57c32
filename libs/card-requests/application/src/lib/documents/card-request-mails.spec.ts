import { cardRequestPortalUrl, formatCardRequestDate, formatCardRequestMoney } from './card-request-formats';
import { CARD_REQUEST_MAIL_TEMPLATE_NAMES, cardRequestShippedMail, cardRequestSubmittedMail } from './card-request-mails';

const base = { requestId: 'r 1', number: 'DC-1', email: 'a@exemple.test', lang: 'fr' as const, trainerName: 'Claude Éthier', publicUrl: 'https://guichet.test//' };

describe('card request mail builders', () => {
  it('formats dates, money and the portal link', () => {
    expect(formatCardRequestDate('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(formatCardRequestDate('2026-03-14', 'en')).toBe('March 14, 2026');
    expect(formatCardRequestDate('pas une date', 'fr')).toBe('pas une date');
    expect(formatCardRequestMoney(1_234_56, 'fr')).toBe('1 234,56 $');
    expect(formatCardRequestMoney(600, 'en')).toBe('$6.00');
    expect(cardRequestPortalUrl('https://guichet.test/', 'abc')).toBe('https://guichet.test/cartes/sessions/abc');
  });

  it('builds the submitted mail to the delivery e-mail, once per request', () => {
    const message = cardRequestSubmittedMail({ ...base, activityName: 'PDSB', sessionEndDate: '2026-03-14', participantCount: 3, totalCents: 600, method: 'deposit' });
    expect(message).toMatchObject({ to: 'a@exemple.test', lang: 'fr', template: CARD_REQUEST_MAIL_TEMPLATE_NAMES.submitted, idempotencyKey: 'card-requests.submitted:r 1' });
    expect(message.params).toMatchObject({ number: 'DC-1', trainerName: 'Claude Éthier', participantCount: '3', total: '6,00 $', sessionEndDate: '14 mars 2026', requestUrl: 'https://guichet.test/cartes/sessions/r%201' });
    expect(message.params.paymentNote).toContain('dépôt direct');
  });

  it('says when there is no tracking number', () => {
    expect(cardRequestShippedMail({ ...base, lang: 'en', participantCount: 2, trackingNumber: '   ' }).params.trackingNumber).toBe('not provided');
    expect(cardRequestShippedMail({ ...base, participantCount: 2, trackingNumber: 'ABC' }).params).toMatchObject({ trackingNumber: 'ABC', participantCount: '2' });
  });
});
