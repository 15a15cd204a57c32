import {
  CARD_REQUEST_CANCELED_MAIL_PARAMS,
  CARD_REQUEST_CARDS_PRODUCED_MAIL_PARAMS,
  CARD_REQUEST_MAIL_TEMPLATE_NAMES,
  CARD_REQUEST_SHIPPED_MAIL_PARAMS,
  CARD_REQUEST_SUBMITTED_MAIL_PARAMS,
} from '@guichet/card-requests/application';
import { defineMailTemplate } from '@guichet/shared/mail';

/*
 * The mails of a card request to its delivery « Courriel » (manual 000: « La correspondance en lien
 * avec cette demande de cartes sera envoyée à l’adresse courriel indiquée dans cette section, telle
 * que la facture et les confirmations de traitement »), French and English. Parameters are built by
 * `cardRequestSubmittedMail`, … in `@guichet/card-requests/application`: values come formatted, and
 * `requestUrl` is the portal page `/cartes/sessions/<id>`.
 */

export const CardRequestSubmittedMail = defineMailTemplate({
  name: CARD_REQUEST_MAIL_TEMPLATE_NAMES.submitted,
  params: CARD_REQUEST_SUBMITTED_MAIL_PARAMS,
  fr: {
    subject: 'Demande de cartes {{number}} soumise',
    text: 'Bonjour,\n\nLa demande de cartes {{number}} de {{trainerName}} a été soumise.\n\nActivité de formation : {{activityName}}\nFin de la session : {{sessionEndDate}}\nParticipants : {{participantCount}}\nTotal : {{total}}\nStatut : Soumise\n\n{{paymentNote}}\n\nSuivre la demande : {{requestUrl}}',
    html: '<p>Bonjour,</p>\n<p>La demande de cartes <strong>{{number}}</strong> de {{trainerName}} a été soumise.</p>\n<ul>\n<li>Activité de formation : {{activityName}}</li>\n<li>Fin de la session : {{sessionEndDate}}</li>\n<li>Participants : {{participantCount}}</li>\n<li>Total : <strong>{{total}}</strong></li>\n<li>Statut : Soumise</li>\n</ul>\n<p>{{paymentNote}}</p>\n<p><a href="{{requestUrl}}">Suivre la demande</a></p>',
  },
  en: {
    subject: 'Card request {{number}} submitted',
    text: 'Hello,\n\nCard request {{number}} from {{trainerName}} was submitted.\n\nTraining activity: {{activityName}}\nSession end: {{sessionEndDate}}\nParticipants: {{participantCount}}\nTotal: {{total}}\nStatus: Submitted\n\n{{paymentNote}}\n\nFollow the request: {{requestUrl}}',
    html: '<p>Hello,</p>\n<p>Card request <strong>{{number}}</strong> from {{trainerName}} was submitted.</p>\n<ul>\n<li>Training activity: {{activityName}}</li>\n<li>Session end: {{sessionEndDate}}</li>\n<li>Participants: {{participantCount}}</li>\n<li>Total: <strong>{{total}}</strong></li>\n<li>Status: Submitted</li>\n</ul>\n<p>{{paymentNote}}</p>\n<p><a href="{{requestUrl}}">Follow the request</a></p>',
  },
});

export const CardRequestCardsProducedMail = defineMailTemplate({
  name: CARD_REQUEST_MAIL_TEMPLATE_NAMES.cardsProduced,
  params: CARD_REQUEST_CARDS_PRODUCED_MAIL_PARAMS,
  fr: {
    subject: 'Demande de cartes {{number}} : cartes produites',
    text: 'Bonjour,\n\nNous avons reçu votre paiement et produit les cartes de la demande {{number}} ({{trainerName}}). Elles seront expédiées sous peu à l’adresse de livraison des cartes indiquée dans la demande.\n\nNombre de cartes : {{participantCount}}\nStatut : Cartes produites\n\nSuivre la demande : {{requestUrl}}',
    html: '<p>Bonjour,</p>\n<p>Nous avons reçu votre paiement et produit les cartes de la demande <strong>{{number}}</strong> ({{trainerName}}). Elles seront expédiées sous peu à l’adresse de livraison des cartes indiquée dans la demande.</p>\n<p>Nombre de cartes : {{participantCount}}<br>Statut : <strong>Cartes produites</strong></p>\n<p><a href="{{requestUrl}}">Suivre la demande</a></p>',
  },
  en: {
    subject: 'Card request {{number}}: cards produced',
    text: 'Hello,\n\nWe received your payment and produced the cards of request {{number}} ({{trainerName}}). They will be shipped shortly to the card delivery address given in the request.\n\nNumber of cards: {{participantCount}}\nStatus: Cards produced\n\nFollow the request: {{requestUrl}}',
    html: '<p>Hello,</p>\n<p>We received your payment and produced the cards of request <strong>{{number}}</strong> ({{trainerName}}). They will be shipped shortly to the card delivery address given in the request.</p>\n<p>Number of cards: {{participantCount}}<br>Status: <strong>Cards produced</strong></p>\n<p><a href="{{requestUrl}}">Follow the request</a></p>',
  },
});

export const CardRequestShippedMail = defineMailTemplate({
  name: CARD_REQUEST_MAIL_TEMPLATE_NAMES.shipped,
  params: CARD_REQUEST_SHIPPED_MAIL_PARAMS,
  fr: {
    subject: 'Demande de cartes {{number}} expédiée',
    text: 'Bonjour,\n\nLes cartes de la demande {{number}} ({{trainerName}}) ont été expédiées à l’adresse de livraison des cartes indiquée dans la demande.\n\nNombre de cartes : {{participantCount}}\nNuméro de suivi : {{trackingNumber}}\nStatut : Expédiée\n\nSuivre la demande : {{requestUrl}}',
    html: '<p>Bonjour,</p>\n<p>Les cartes de la demande <strong>{{number}}</strong> ({{trainerName}}) ont été expédiées à l’adresse de livraison des cartes indiquée dans la demande.</p>\n<p>Nombre de cartes : {{participantCount}}<br>Numéro de suivi : <strong>{{trackingNumber}}</strong><br>Statut : <strong>Expédiée</strong></p>\n<p><a href="{{requestUrl}}">Suivre la demande</a></p>',
  },
  en: {
    subject: 'Card request {{number}} shipped',
    text: 'Hello,\n\nThe cards of request {{number}} ({{trainerName}}) were shipped to the card delivery address given in the request.\n\nNumber of cards: {{participantCount}}\nTracking number: {{trackingNumber}}\nStatus: Shipped\n\nFollow the request: {{requestUrl}}',
    html: '<p>Hello,</p>\n<p>The cards of request <strong>{{number}}</strong> ({{trainerName}}) were shipped to the card delivery address given in the request.</p>\n<p>Number of cards: {{participantCount}}<br>Tracking number: <strong>{{trackingNumber}}</strong><br>Status: <strong>Shipped</strong></p>\n<p><a href="{{requestUrl}}">Follow the request</a></p>',
  },
});

export const CardRequestCanceledMail = defineMailTemplate({
  name: CARD_REQUEST_MAIL_TEMPLATE_NAMES.canceled,
  params: CARD_REQUEST_CANCELED_MAIL_PARAMS,
  fr: {
    subject: 'Demande de cartes {{number}} annulée',
    text: 'Bonjour,\n\nLa demande de cartes {{number}} de {{trainerName}} a été annulée.\n\nRaison : {{reason}}\nStatut : Annulée\n\nSi une facture a été émise, une note de crédit vous est envoyée par courriel et tout paiement reçu vous sera remboursé.\n\nConsulter la demande : {{requestUrl}}',
    html: '<p>Bonjour,</p>\n<p>La demande de cartes <strong>{{number}}</strong> de {{trainerName}} a été annulée.</p>\n<p>Raison : {{reason}}<br>Statut : <strong>Annulée</strong></p>\n<p>Si une facture a été émise, une note de crédit vous est envoyée par courriel et tout paiement reçu vous sera remboursé.</p>\n<p><a href="{{requestUrl}}">Consulter la demande</a></p>',
  },
  en: {
    subject: 'Card request {{number}} canceled',
    text: 'Hello,\n\nCard request {{number}} from {{trainerName}} was canceled.\n\nReason: {{reason}}\nStatus: Canceled\n\nIf an invoice was issued, a credit note is sent to you by email and any payment received will be refunded.\n\nView the request: {{requestUrl}}',
    html: '<p>Hello,</p>\n<p>Card request <strong>{{number}}</strong> from {{trainerName}} was canceled.</p>\n<p>Reason: {{reason}}<br>Status: <strong>Canceled</strong></p>\n<p>If an invoice was issued, a credit note is sent to you by email and any payment received will be refunded.</p>\n<p><a href="{{requestUrl}}">View the request</a></p>',
  },
});

/** Every mail of the card requests: registered by `CardRequestsDocumentsModule` (api and worker). */
export const CARD_REQUEST_MAIL_TEMPLATES = [CardRequestSubmittedMail, CardRequestCardsProducedMail, CardRequestShippedMail, CardRequestCanceledMail] as const;
