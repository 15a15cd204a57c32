/*
 * Card requests (« Guichet – Demande de cartes »): the shared vocabulary of the context.
 * Codes are the API's; French labels are the UI's (manuals 000/001), English second.
 */

export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

/** The service name Billing knows us by (`BillingReference.service`). */
export const CARD_REQUESTS_SERVICE = 'card-requests' as const;

/** Billing's product code for one card (one line × participants). */
export const CARD_PRODUCT_CODE = 'card-requests.card' as const;

/** Forward only; `canceled` by staff, from any state before `shipped`. */
export const CARD_REQUEST_STATUSES = ['draft', 'submitted', 'invoiced', 'paid', 'cards-produced', 'shipped', 'canceled'] as const;
export type CardRequestStatus = (typeof CARD_REQUEST_STATUSES)[number];

export const CARD_REQUEST_STATUS_LABELS: Readonly<Record<CardRequestStatus, LocalizedText>> = Object.freeze({
  draft: { fr: 'Nouvelle', en: 'New' },
  submitted: { fr: 'Soumise', en: 'Submitted' },
  invoiced: { fr: 'Facturée', en: 'Invoiced' },
  paid: { fr: 'Payée', en: 'Paid' },
  'cards-produced': { fr: 'Cartes produites', en: 'Cards produced' },
  shipped: { fr: 'Expédiée', en: 'Shipped' },
  canceled: { fr: 'Annulée', en: 'Canceled' },
});

/** « Titre »: M., Mme, Mx. */
export const PARTICIPANT_TITLES = ['mr', 'mrs', 'mx'] as const;
export type ParticipantTitle = (typeof PARTICIPANT_TITLES)[number];
export const PARTICIPANT_TITLE_LABELS: Readonly<Record<ParticipantTitle, LocalizedText>> = Object.freeze({
  mr: { fr: 'M.', en: 'Mr.' },
  mrs: { fr: 'Mme', en: 'Mrs.' },
  mx: { fr: 'Mx', en: 'Mx.' },
});

/** « Mode de paiement »: carte de crédit, chèque, dépôt direct. */
export const CARD_REQUEST_PAYMENT_METHODS = ['card', 'cheque', 'deposit'] as const;
export type CardRequestPaymentMethod = (typeof CARD_REQUEST_PAYMENT_METHODS)[number];
export const CARD_REQUEST_PAYMENT_METHOD_LABELS: Readonly<Record<CardRequestPaymentMethod, LocalizedText>> = Object.freeze({
  card: { fr: 'Carte de crédit', en: 'Credit card' },
  cheque: { fr: 'Par chèque', en: 'By cheque' },
  deposit: { fr: 'Dépôt direct', en: 'Direct deposit' },
});

/** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ ». */
export const CARD_REQUEST_CARD_MINIMUM_CENTS = 500;

/** « Facturé à »: individu ou organisme. */
export const BILL_TO_KINDS = ['individual', 'organization'] as const;
export type BillToKind = (typeof BILL_TO_KINDS)[number];
export const BILL_TO_LABELS: Readonly<Record<BillToKind, LocalizedText>> = Object.freeze({
  individual: { fr: 'Individu', en: 'Individual' },
  organization: { fr: 'Organisme', en: 'Organization' },
});

/** The organization type whose name is chosen from the accredited institutions instead of typed. */
export const ACCREDITED_INSTITUTION_TYPE_CODE = 'accredited-institution' as const;

/** How the caller sees a request: its trainer, its second trainer (read-only) or staff. */
export type CardRequestViewerRole = 'trainer' | 'second-trainer' | 'staff';

/**
 * Who acts. A trainer: `staff: false` (sees their own requests and those where they are second
 * trainer). Staff: `staff: true`, `canAct` when they hold `card-clerk` (`finance` only reads).
 */
export interface CardRequestActor {
  readonly accountId: string;
  readonly staff: boolean;
  readonly canAct: boolean;
}

/** The platform acting on its own (an event consumer): `system` in the history. */
export const CARD_REQUESTS_SYSTEM_ACTOR = Object.freeze({ accountId: 'system', staff: true, canAct: true }) satisfies CardRequestActor;

/** « Deuxième formateur / moniteur » as typed. */
export interface SecondTrainerInput {
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** « Adresse de livraison des cartes ». `email`: where the invoice and confirmations go. */
export interface DeliveryInput {
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly attention: string;
  readonly email: string;
}

/** « Fiche de la session »: what the trainer types (the trainer's card and names come from the account). */
export interface SessionFieldsInput {
  /** « Courriel » of « Formateur / Moniteur » (prefilled from the account, editable). */
  readonly trainerEmail: string;
  readonly secondTrainer: SecondTrainerInput | null;
  readonly organizationTypeCode: string;
  /** Typed name; null when the type is the accredited type (then `accreditedInstitutionId`). */
  readonly organizationName: string | null;
  readonly accreditedInstitutionId: string | null;
  readonly trainingLocation: string;
  readonly activityCode: string;
  /** `YYYY-MM-DD`, not after today (Montréal time). */
  readonly sessionEndDate: string;
  readonly delivery: DeliveryInput;
}

/** « Fiche du participant »: all required but `extension` (« Poste »). */
export interface ParticipantInput {
  readonly title: ParticipantTitle;
  readonly firstName: string;
  readonly lastName: string;
  /** `YYYY-MM-DD`, not in the future. */
  readonly birthDate: string;
  readonly phone: string;
  readonly extension: string | null;
}
