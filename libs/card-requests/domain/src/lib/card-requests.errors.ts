import { DomainError, type ErrorDetails } from '@guichet/shared/kernel';

/*
 * Errors of the card requests context. When one field is at fault, `details.field` names it (the
 * names of the API's JSON: `sessionEndDate`, `delivery.postalCode`, `secondTrainer.cardNumber`,
 * `birthDate`, `participants`, `method`…) so the UI shows the message next to the field.
 */

export class CardRequestNotFound extends DomainError {
  static readonly code = 'CARD_REQUESTS.NOT_FOUND';
  readonly code = CardRequestNotFound.code;
  readonly kind = 'not-found';
  constructor() {
    super({ fr: 'Cette demande de cartes est introuvable.', en: 'This card request cannot be found.' });
  }
}

export class ParticipantNotFound extends DomainError {
  static readonly code = 'CARD_REQUESTS.PARTICIPANT_NOT_FOUND';
  readonly code = ParticipantNotFound.code;
  readonly kind = 'not-found';
  constructor() {
    super({ fr: 'Ce participant est introuvable.', en: 'This participant cannot be found.' });
  }
}

/** Changes are made in the draft (« Nouvelle ») only. */
export class CardRequestNotDraft extends DomainError {
  static readonly code = 'CARD_REQUESTS.NOT_DRAFT';
  readonly code = CardRequestNotDraft.code;
  readonly kind = 'conflict';
  constructor() {
    super({
      fr: 'Cette demande a été soumise : elle ne peut plus être modifiée.',
      en: 'This request was submitted: it can no longer be changed.',
    });
  }
}

/** The second trainer sees the request but cannot change it. */
export class CardRequestReadOnly extends DomainError {
  static readonly code = 'CARD_REQUESTS.READ_ONLY';
  readonly code = CardRequestReadOnly.code;
  readonly kind = 'forbidden';
  constructor() {
    super({
      fr: 'Seul le formateur qui a créé la demande peut la modifier.',
      en: 'Only the trainer who created the request can change it.',
    });
  }
}

/** A staff action by someone who only reads (`finance`), or a staff route for a trainer. */
export class CardRequestActionForbidden extends DomainError {
  static readonly code = 'CARD_REQUESTS.FORBIDDEN';
  readonly code = CardRequestActionForbidden.code;
  readonly kind = 'forbidden';
  constructor() {
    super({ fr: 'Vous n’avez pas l’autorisation de faire cette action.', en: 'You are not allowed to do this.' });
  }
}

export class NotATrainer extends DomainError {
  static readonly code = 'CARD_REQUESTS.NOT_A_TRAINER';
  readonly code = NotATrainer.code;
  readonly kind = 'forbidden';
  constructor() {
    super({
      fr: 'Votre compte n’est pas associé à une carte de formateur / moniteur.',
      en: 'Your account is not linked to a trainer card.',
    });
  }
}

export type CardRequestStep = 'invoice' | 'payment' | 'cards' | 'shipment' | 'cancel' | 'reissue' | 'import';

/** The action does not fit the request's status (produce before paid, ship before cards, cancel once shipped…). */
export class InvalidCardRequestStatus extends DomainError {
  static readonly code = 'CARD_REQUESTS.INVALID_STATUS';
  readonly code = InvalidCardRequestStatus.code;
  readonly kind = 'conflict';
  private static readonly messages: Record<CardRequestStep, { fr: string; en: string }> = {
    invoice: { fr: 'Cette demande ne peut pas être facturée dans son état actuel.', en: 'This request cannot be invoiced in its current state.' },
    payment: { fr: 'Cette demande ne peut pas être payée dans son état actuel.', en: 'This request cannot be paid in its current state.' },
    cards: { fr: 'Les cartes sont produites seulement pour une demande payée.', en: 'Cards are produced only for a paid request.' },
    shipment: { fr: 'Seule une demande dont les cartes sont produites peut être expédiée.', en: 'Only a request whose cards are produced can be shipped.' },
    cancel: { fr: 'Une demande expédiée ne peut plus être annulée.', en: 'A shipped request can no longer be canceled.' },
    reissue: { fr: 'Une carte ne peut être réémise qu’une fois les cartes produites.', en: 'A card can be reissued only once the cards are produced.' },
    import: { fr: 'Les participants ne peuvent être importés que dans une demande « Nouvelle ».', en: 'Participants can be imported only into a new request.' },
  };
  constructor(
    readonly step: CardRequestStep,
    status: string,
  ) {
    super(InvalidCardRequestStatus.messages[step], { step, status });
  }
}

export type CardRequestFieldReason =
  | 'required'
  | 'too-long'
  | 'session-end-future'
  | 'birth-date-future'
  | 'birth-date-too-old'
  | 'title'
  | 'unknown-organization-type'
  | 'unknown-institution'
  | 'unknown-activity'
  | 'second-trainer-unknown'
  | 'second-trainer-names'
  | 'second-trainer-expired'
  | 'second-trainer-self'
  | 'method'
  | 'bill-to'
  | 'price'
  | 'validity';

const FIELD_MESSAGES: Record<CardRequestFieldReason, { fr: string; en: string }> = {
  required: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'too-long': { fr: 'Ce champ est trop long.', en: 'This field is too long.' },
  'session-end-future': {
    fr: 'La fin de la session ne peut pas être supérieure à la date du jour.',
    en: 'The end of the session cannot be later than today.',
  },
  'birth-date-future': { fr: 'La date de naissance ne peut pas être dans le futur.', en: 'The birth date cannot be in the future.' },
  'birth-date-too-old': { fr: 'La date de naissance n’est pas plausible.', en: 'The birth date is not plausible.' },
  title: { fr: 'Choisissez un titre : M., Mme ou Mx.', en: 'Choose a title: Mr., Mrs. or Mx.' },
  'unknown-organization-type': { fr: 'Choisissez un type d’organisme de la liste.', en: 'Choose an organization type from the list.' },
  'unknown-institution': {
    fr: 'Choisissez la maison d’enseignement accréditée dans la liste.',
    en: 'Choose the accredited institution from the list.',
  },
  'unknown-activity': { fr: 'Choisissez une activité de formation de la liste.', en: 'Choose a training activity from the list.' },
  'second-trainer-unknown': {
    fr: 'Aucun formateur / moniteur ne détient cette carte.',
    en: 'No trainer holds this card.',
  },
  'second-trainer-names': {
    fr: 'Le prénom et le nom ne correspondent pas à ceux du détenteur de cette carte.',
    en: 'The first and last names do not match the card holder’s.',
  },
  'second-trainer-expired': {
    fr: 'La certification de ce formateur / moniteur était expirée à la fin de la session.',
    en: 'This trainer’s certification had expired at the end of the session.',
  },
  'second-trainer-self': {
    fr: 'Le deuxième formateur / moniteur doit être une autre personne que vous.',
    en: 'The second trainer must be someone other than you.',
  },
  method: { fr: 'Choisissez un mode de paiement.', en: 'Choose a payment method.' },
  'bill-to': { fr: 'Indiquez à qui la facture est adressée (individu ou organisme).', en: 'Say who is billed (individual or organization).' },
  price: { fr: 'Le prix doit être un montant positif en cents.', en: 'The price must be a positive amount in cents.' },
  validity: { fr: 'La durée de validité doit être un nombre entier de mois (1 à 240) ou vide.', en: 'The validity must be a whole number of months (1 to 240) or empty.' },
};

/** One field is wrong: `details.field` names it, `details.reason` says why. */
export class InvalidCardRequestField extends DomainError {
  static readonly code = 'CARD_REQUESTS.INVALID_FIELD';
  readonly code = InvalidCardRequestField.code;
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: CardRequestFieldReason,
    extra: ErrorDetails = {},
  ) {
    super(FIELD_MESSAGES[reason], { field, reason, ...extra });
  }
}

/** « Soumettre » with no participant. */
export class NoParticipants extends DomainError {
  static readonly code = 'CARD_REQUESTS.NO_PARTICIPANTS';
  readonly code = NoParticipants.code;
  readonly kind = 'invalid';
  constructor() {
    super(
      { fr: 'Ajoutez au moins un participant avant de soumettre la demande.', en: 'Add at least one participant before submitting the request.' },
      { field: 'participants' },
    );
  }
}

/** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ ». */
export class CardPaymentMinimum extends DomainError {
  static readonly code = 'CARD_REQUESTS.CARD_MINIMUM';
  readonly code = CardPaymentMinimum.code;
  readonly kind = 'invalid';
  constructor(minimumCents: number, totalCents: number) {
    super(
      {
        fr: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $.',
        en: 'Credit card payments are accepted for a balance of at least $5.',
      },
      { field: 'method', minimumCents, totalCents },
    );
  }
}

/** The request has no invoice yet (« Facture » before Billing issued it). */
export class CardRequestNotInvoiced extends DomainError {
  static readonly code = 'CARD_REQUESTS.NOT_INVOICED';
  readonly code = CardRequestNotInvoiced.code;
  readonly kind = 'conflict';
  constructor() {
    super({ fr: 'La facture de cette demande n’est pas encore émise.', en: 'The invoice of this request is not issued yet.' });
  }
}

/** The cards PDF before « Produire les cartes ». */
export class CardsNotProduced extends DomainError {
  static readonly code = 'CARD_REQUESTS.CARDS_NOT_PRODUCED';
  readonly code = CardsNotProduced.code;
  readonly kind = 'conflict';
  constructor() {
    super({ fr: 'Les cartes de cette demande ne sont pas encore produites.', en: 'The cards of this request are not produced yet.' });
  }
}
