import type { CardRequestPaymentMethod } from '@guichet/card-requests/contracts';
import type { MailMessage } from '@guichet/shared/application';
import type { Lang } from '@guichet/shared/kernel';
import { cardRequestPortalUrl, formatCardRequestDate, formatCardRequestMoney } from './card-request-formats';

/** The mails of a request to its delivery « Courriel » (templates declared in `@guichet/card-requests/infrastructure`). */
export const CARD_REQUEST_MAIL_TEMPLATE_NAMES = {
  submitted: 'card-requests.submitted',
  cardsProduced: 'card-requests.cards-produced',
  shipped: 'card-requests.shipped',
  canceled: 'card-requests.canceled',
} as const;

export type CardRequestMailTemplateName = (typeof CARD_REQUEST_MAIL_TEMPLATE_NAMES)[keyof typeof CARD_REQUEST_MAIL_TEMPLATE_NAMES];

/** Parameters every request mail has. Values are formatted text. */
export interface CardRequestMailCommonParams {
  /** The request's number. */
  readonly number: string;
  /** « Formateur / Moniteur »: `Claude Éthier`. */
  readonly trainerName: string;
  /** `{{publicUrl}}/cartes/sessions/<id>` (a whole URL: a template may not build one). */
  readonly requestUrl: string;
}

/** `card-requests.submitted`: after « Soumettre ». */
export interface CardRequestSubmittedMailParams extends CardRequestMailCommonParams {
  readonly activityName: string;
  /** « Fin de la session », formatted (`14 mars 2026`). */
  readonly sessionEndDate: string;
  /** « Participants »: the count, as text. */
  readonly participantCount: string;
  /** « Total », formatted (`6,00 $`). */
  readonly total: string;
  /** « Mode de paiement » and what to do next (manual 001's notices). */
  readonly paymentNote: string;
}

/** `card-requests.cards-produced`: « Produire les cartes ». */
export interface CardRequestCardsProducedMailParams extends CardRequestMailCommonParams {
  readonly participantCount: string;
}

/** `card-requests.shipped`: « Expédier ». */
export interface CardRequestShippedMailParams extends CardRequestMailCommonParams {
  readonly participantCount: string;
  /** The tracking number, or « non fourni » / `not provided`. */
  readonly trackingNumber: string;
}

/** `card-requests.canceled`: staff canceled the request. */
export interface CardRequestCanceledMailParams extends CardRequestMailCommonParams {
  readonly reason: string;
}

export const CARD_REQUEST_SUBMITTED_MAIL_PARAMS = ['number', 'trainerName', 'activityName', 'sessionEndDate', 'participantCount', 'total', 'paymentNote', 'requestUrl'] as const satisfies readonly (keyof CardRequestSubmittedMailParams)[];
export const CARD_REQUEST_CARDS_PRODUCED_MAIL_PARAMS = ['number', 'trainerName', 'participantCount', 'requestUrl'] as const satisfies readonly (keyof CardRequestCardsProducedMailParams)[];
export const CARD_REQUEST_SHIPPED_MAIL_PARAMS = ['number', 'trainerName', 'participantCount', 'trackingNumber', 'requestUrl'] as const satisfies readonly (keyof CardRequestShippedMailParams)[];
export const CARD_REQUEST_CANCELED_MAIL_PARAMS = ['number', 'trainerName', 'reason', 'requestUrl'] as const satisfies readonly (keyof CardRequestCanceledMailParams)[];

/** What every builder needs: which request, to whom (the delivery « Courriel »), in which language. */
export interface CardRequestMailInput {
  readonly requestId: string;
  readonly number: string;
  /** The request's delivery e-mail. */
  readonly email: string;
  readonly lang: Lang;
  readonly trainerName: string;
  /** `PUBLIC_URL` (`AppConfig.publicUrl`). */
  readonly publicUrl: string;
}

const PAYMENT_NOTES: Record<CardRequestPaymentMethod, Record<Lang, string>> = {
  card: {
    fr: 'Mode de paiement : carte de crédit. Vous recevrez la facture par courriel et pourrez la payer en ligne. Veuillez prendre note que les cartes seront expédiées à la réception de votre paiement.',
    en: 'Payment method: credit card. You will receive the invoice by email and can pay it online. Please note that the cards will be shipped once your payment is received.',
  },
  cheque: {
    fr: 'Mode de paiement : chèque. Veuillez attendre la facture, qui vous sera acheminée par courriel dans les prochains jours, avant de nous faire parvenir le paiement. Il est primordial d’indiquer votre numéro de facture sur le chèque émis. Veuillez prendre note que les cartes seront expédiées à la réception de votre paiement.',
    en: 'Payment method: cheque. Please wait for the invoice, which will be sent to you by email in the next few days, before sending us your payment. It is essential to write your invoice number on the cheque. Please note that the cards will be shipped once your payment is received.',
  },
  deposit: {
    fr: 'Mode de paiement : dépôt direct. Veuillez attendre la facture, qui vous sera acheminée par courriel dans les prochains jours, avant de nous faire parvenir le paiement. Il est primordial d’indiquer votre numéro de facture comme référence du dépôt. Veuillez prendre note que les cartes seront expédiées à la réception de votre paiement.',
    en: 'Payment method: direct deposit. Please wait for the invoice, which will be sent to you by email in the next few days, before sending us your payment. It is essential to give your invoice number as the deposit reference. Please note that the cards will be shipped once your payment is received.',
  },
};

function common(input: CardRequestMailInput): CardRequestMailCommonParams {
  return { number: input.number, trainerName: input.trainerName, requestUrl: cardRequestPortalUrl(input.publicUrl, input.requestId) };
}

function message<K extends string>(input: CardRequestMailInput, template: CardRequestMailTemplateName, params: Readonly<Record<K, string>>): MailMessage<K> {
  return { to: input.email, lang: input.lang, template, params, idempotencyKey: `${template}:${input.requestId}` };
}

/** `card-requests.submitted`, once per request (idempotency key `card-requests.submitted:<id>`). */
export function cardRequestSubmittedMail(
  input: CardRequestMailInput & {
    readonly activityName: string;
    /** `YYYY-MM-DD`. */
    readonly sessionEndDate: string;
    readonly participantCount: number;
    readonly totalCents: number;
    readonly method: CardRequestPaymentMethod;
  },
): MailMessage<keyof CardRequestSubmittedMailParams> {
  const params: CardRequestSubmittedMailParams = {
    ...common(input),
    activityName: input.activityName,
    sessionEndDate: formatCardRequestDate(input.sessionEndDate, input.lang),
    participantCount: String(input.participantCount),
    total: formatCardRequestMoney(input.totalCents, input.lang),
    paymentNote: PAYMENT_NOTES[input.method][input.lang],
  };
  return message<keyof CardRequestSubmittedMailParams>(input, CARD_REQUEST_MAIL_TEMPLATE_NAMES.submitted, params);
}

/** `card-requests.cards-produced`, once per request. */
export function cardRequestCardsProducedMail(input: CardRequestMailInput & { readonly participantCount: number }): MailMessage<keyof CardRequestCardsProducedMailParams> {
  const params: CardRequestCardsProducedMailParams = { ...common(input), participantCount: String(input.participantCount) };
  return message<keyof CardRequestCardsProducedMailParams>(input, CARD_REQUEST_MAIL_TEMPLATE_NAMES.cardsProduced, params);
}

/** `card-requests.shipped`, once per request; a missing tracking number reads « non fourni ». */
export function cardRequestShippedMail(
  input: CardRequestMailInput & { readonly participantCount: number; readonly trackingNumber: string | null },
): MailMessage<keyof CardRequestShippedMailParams> {
  const tracking = input.trackingNumber?.trim();
  const params: CardRequestShippedMailParams = {
    ...common(input),
    participantCount: String(input.participantCount),
    trackingNumber: tracking ? tracking : input.lang === 'fr' ? 'non fourni' : 'not provided',
  };
  return message<keyof CardRequestShippedMailParams>(input, CARD_REQUEST_MAIL_TEMPLATE_NAMES.shipped, params);
}

/** `card-requests.canceled`, once per request, with staff's reason. */
export function cardRequestCanceledMail(input: CardRequestMailInput & { readonly reason: string }): MailMessage<keyof CardRequestCanceledMailParams> {
  const params: CardRequestCanceledMailParams = { ...common(input), reason: input.reason.trim() };
  return message<keyof CardRequestCanceledMailParams>(input, CARD_REQUEST_MAIL_TEMPLATE_NAMES.canceled, params);
}
