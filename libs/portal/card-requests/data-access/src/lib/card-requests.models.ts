/**
 * The web side's view of the Card requests HTTP API (`/api/card-requests/…`). Web code may not import
 * the node-side contracts (`@guichet/card-requests/contracts`): keep these in step with the API's DTOs.
 */

/** `draft` « Nouvelle » → `submitted` « Soumise » → `invoiced` « Facturée » → `paid` « Payée » → `cards-produced` → `shipped`; `canceled` by staff. */
export const CARD_REQUEST_STATUSES = ['draft', 'submitted', 'invoiced', 'paid', 'cards-produced', 'shipped', 'canceled'] as const;
export type CardRequestStatus = (typeof CARD_REQUEST_STATUSES)[number];

/** « Mode de paiement »: carte de crédit, chèque, dépôt direct. */
export const CARD_REQUEST_PAYMENT_METHODS = ['card', 'cheque', 'deposit'] as const;
export type CardRequestPaymentMethod = (typeof CARD_REQUEST_PAYMENT_METHODS)[number];

/** « Facturé à »: individu or organisme. */
export const BILL_TO_KINDS = ['individual', 'organization'] as const;
export type BillToKind = (typeof BILL_TO_KINDS)[number];

/** « Titre »: M., Mme, Mx. */
export const PARTICIPANT_TITLES = ['mr', 'mrs', 'mx'] as const;
export type ParticipantTitle = (typeof PARTICIPANT_TITLES)[number];

/** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ ». */
export const CARD_PAYMENT_MINIMUM_CENTS = 500;

/** How the caller sees a request: its trainer, its « Deuxième formateur / moniteur » (read-only), or staff (back-office). */
export type CardRequestRole = 'trainer' | 'second-trainer' | 'staff';

export interface CardRequestSummary {
  readonly id: string;
  readonly number: string;
  readonly status: CardRequestStatus;
  /** `YYYY-MM-DD`. */
  readonly sessionEndDate: string;
  readonly organizationName: string;
  readonly activityName: string;
  readonly participantCount: number;
  /** Null before submission: the screen shows price × count. */
  readonly totalCents: number | null;
  readonly role: CardRequestRole;
  readonly updatedAt: string;
}

export interface OrganizationType {
  readonly code: string;
  readonly label: string;
}

export interface AccreditedInstitution {
  readonly id: string;
  readonly name: string;
}

export interface TrainingActivity {
  readonly code: string;
  readonly label: string;
  readonly validityMonths: number | null;
}

/** GET /api/card-requests/reference-data (labels in the Accept-Language). */
export interface CardRequestReferenceData {
  readonly organizationTypes: readonly OrganizationType[];
  readonly accreditedInstitutions: readonly AccreditedInstitution[];
  readonly activities: readonly TrainingActivity[];
  readonly cardPriceCents: number;
  /** The « maison d'enseignement accréditée » type: the organization is then chosen from the list. */
  readonly accreditedInstitutionTypeCode: string;
}

/** « Formateur / Moniteur », from the signed-in trainer's account. */
export interface TrainerIdentity {
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** « Deuxième formateur / moniteur ». */
export interface SecondTrainer {
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** « Adresse de livraison des cartes ». */
export interface DeliveryAddress {
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly attention: string;
  readonly email: string;
}

/** Body of POST /api/card-requests and PUT /api/card-requests/:id (« Fiche de la session »). */
export interface SessionFields {
  readonly trainerEmail: string;
  readonly secondTrainer: SecondTrainer | null;
  readonly organizationTypeCode: string;
  /** Typed, unless the type is the accredited one. */
  readonly organizationName: string | null;
  readonly accreditedInstitutionId: string | null;
  readonly trainingLocation: string;
  readonly activityCode: string;
  /** `YYYY-MM-DD`, not after today (Montréal time). */
  readonly sessionEndDate: string;
  readonly delivery: DeliveryAddress;
}

/** Body of POST/PUT …/participants (« Fiche du participant »). */
export interface ParticipantFields {
  readonly title: ParticipantTitle;
  readonly firstName: string;
  readonly lastName: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly phone: string;
  /** « Poste ». */
  readonly extension: string | null;
}

/** Another of the trainer's requests with the same participant (same names and birth date). */
export interface DuplicateRef {
  readonly requestId: string;
  readonly number: string;
}

/** A participant's current card (staff views, once the cards are produced). */
export interface ParticipantCard {
  readonly cardNumber: string;
  readonly verificationCode: string;
  /** `YYYY-MM-DD`; null when the activity's cards do not expire. */
  readonly expiresOn: string | null;
}

export interface Participant extends ParticipantFields {
  readonly id: string;
  readonly duplicateOf: readonly DuplicateRef[];
  /** The participant's current card (staff only); absent or null for trainers and before production. */
  readonly card?: ParticipantCard | null;
}

export interface ParticipantDuplicate extends DuplicateRef {
  readonly sessionEndDate: string;
}

/** Answer of POST/PUT …/participants. */
export interface ParticipantSaved {
  readonly participant: Participant;
  readonly duplicates: readonly ParticipantDuplicate[];
}

export interface PaymentChoice {
  readonly method: CardRequestPaymentMethod;
  readonly billTo: BillToKind;
}

/** Kept at submission: the unit price in force then. */
export interface RequestPayment extends PaymentChoice {
  readonly unitPriceCents: number;
  readonly totalCents: number;
}

export interface CardRequestHistoryEntry {
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly details: string | null;
}

export interface CardRequestDetail extends CardRequestSummary {
  readonly trainer: TrainerIdentity;
  readonly secondTrainer: SecondTrainer | null;
  readonly organizationTypeCode: string;
  readonly accreditedInstitutionId: string | null;
  readonly trainingLocation: string;
  readonly activityCode: string;
  readonly delivery: DeliveryAddress;
  readonly participants: readonly Participant[];
  readonly payment: RequestPayment | null;
  readonly invoice: { readonly id: string; readonly number: string } | null;
  readonly trackingNumber: string | null;
  readonly canceledReason: string | null;
  /** True for the trainer while the request is a draft. */
  readonly editable: boolean;
  /** Staff only: always empty in the portal. */
  readonly history: readonly CardRequestHistoryEntry[];
}

/** GET /api/card-requests/verification/:code (public). */
export interface CardVerification {
  readonly valid: boolean;
  readonly initials: string;
  readonly activityName: string;
  readonly sessionEndDate: string;
  readonly expiresOn: string | null;
  readonly status: 'valid' | 'expired' | 'revoked';
}

/** POST /api/billing/invoices/:id/card-checkout: Billing's hosted card page. */
export interface CardCheckout {
  readonly url: string;
}
