import {
  cardRequestCanceledMail,
  cardRequestCardsProducedMail,
  cardRequestShippedMail,
  cardRequestSubmittedMail,
  type CardRequestMailInput,
} from '@guichet/card-requests/application';
import type { MailMessage } from '@guichet/shared/application';
import { checkMailParams, MailTemplateRegistry, renderMail } from '@guichet/shared/mail';
import { CARD_REQUEST_MAIL_TEMPLATES } from './card-request-mail.templates';

const registry = new MailTemplateRegistry([...CARD_REQUEST_MAIL_TEMPLATES]);
const publicUrl = 'https://guichet.test';
const requestUrl = 'https://guichet.test/cartes/sessions/0190b5a0-0000-7000-8000-000000000042';

function input(lang: 'fr' | 'en' = 'fr'): CardRequestMailInput {
  return {
    requestId: '0190b5a0-0000-7000-8000-000000000042',
    number: 'DC-2026-0042',
    email: 'formation@exemple.test',
    lang,
    trainerName: 'Claude Éthier',
    publicUrl: `${publicUrl}/`,
  };
}

function render(message: MailMessage) {
  const template = registry.get(message.template);
  checkMailParams(template, message.params);
  return renderMail(template, message.lang, message.params, { publicUrl });
}

describe('Card request mail templates', () => {
  it('registers the four templates under card-requests.*', () => {
    expect(registry.names()).toEqual(['card-requests.canceled', 'card-requests.cards-produced', 'card-requests.shipped', 'card-requests.submitted']);
  });

  it('submitted (cheque, fr): request, session, count, total, manual 001’s notice, status and link', () => {
    const message = cardRequestSubmittedMail({ ...input(), activityName: 'PDSB', sessionEndDate: '2026-03-01', participantCount: 3, totalCents: 600, method: 'cheque' });
    expect(message).toMatchObject({ to: 'formation@exemple.test', lang: 'fr', template: 'card-requests.submitted', idempotencyKey: 'card-requests.submitted:0190b5a0-0000-7000-8000-000000000042' });
    const mail = render(message);
    expect(mail.subject).toBe('Demande de cartes DC-2026-0042 soumise');
    expect(mail.text).toContain('La demande de cartes DC-2026-0042 de Claude Éthier a été soumise.');
    expect(mail.text).toContain('Fin de la session : 1er mars 2026');
    expect(mail.text).toContain('Participants : 3');
    expect(mail.text).toContain('Total : 6,00 $');
    expect(mail.text).toContain('Statut : Soumise');
    expect(mail.text).toContain('Il est primordial d’indiquer votre numéro de facture sur le chèque émis.');
    expect(mail.text).toContain('Veuillez prendre note que les cartes seront expédiées à la réception de votre paiement.');
    expect(mail.html).toContain(`<a href="${requestUrl}">Suivre la demande</a>`);
  });

  it('submitted (card, en)', () => {
    const mail = render(cardRequestSubmittedMail({ ...input('en'), activityName: 'PDSB', sessionEndDate: '2026-03-14', participantCount: 12, totalCents: 2_400, method: 'card' }));
    expect(mail.subject).toBe('Card request DC-2026-0042 submitted');
    expect(mail.text).toContain('Session end: March 14, 2026');
    expect(mail.text).toContain('Total: $24.00');
    expect(mail.text).toContain('Payment method: credit card.');
    expect(mail.text).toContain(`Follow the request: ${requestUrl}`);
  });

  it('cards-produced, shipped and canceled render in both languages, values escaped', () => {
    const produced = render(cardRequestCardsProducedMail({ ...input(), participantCount: 3 }));
    expect(produced.subject).toBe('Demande de cartes DC-2026-0042 : cartes produites');
    expect(produced.text).toContain('Nombre de cartes : 3');
    expect(produced.text).toContain('Statut : Cartes produites');
    expect(render(cardRequestCardsProducedMail({ ...input('en'), participantCount: 3 })).text).toContain('Status: Cards produced');

    const shipped = render(cardRequestShippedMail({ ...input(), participantCount: 3, trackingNumber: ' 1Z999AA10123456784 ' }));
    expect(shipped.subject).toBe('Demande de cartes DC-2026-0042 expédiée');
    expect(shipped.text).toContain('Numéro de suivi : 1Z999AA10123456784');
    expect(shipped.text).toContain('Statut : Expédiée');
    const shippedEn = render(cardRequestShippedMail({ ...input('en'), participantCount: 3, trackingNumber: null }));
    expect(shippedEn.subject).toBe('Card request DC-2026-0042 shipped');
    expect(shippedEn.text).toContain('Tracking number: not provided');
    expect(shippedEn.text).toContain('Number of cards: 3');
    expect(render(cardRequestShippedMail({ ...input(), participantCount: 3, trackingNumber: '' })).text).toContain('Numéro de suivi : non fourni');

    const canceled = render(cardRequestCanceledMail({ ...input(), reason: 'Session <annulée> par l’organisme' }));
    expect(canceled.subject).toBe('Demande de cartes DC-2026-0042 annulée');
    expect(canceled.text).toContain('Raison : Session <annulée> par l’organisme');
    expect(canceled.html).toContain('Raison : Session &lt;annulée&gt; par l’organisme');
    expect(canceled.text).toContain('Statut : Annulée');
    const canceledEn = render(cardRequestCanceledMail({ ...input('en'), reason: 'Duplicate request' }));
    expect(canceledEn.subject).toBe('Card request DC-2026-0042 canceled');
    expect(canceledEn.html).toContain(`<a href="${requestUrl}">View the request</a>`);
  });
});
