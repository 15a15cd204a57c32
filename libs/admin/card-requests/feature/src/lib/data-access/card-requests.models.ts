/**
 * The back-office's view of the Card requests HTTP API (`/api/card-requests/staff/…`). Web code may not
 * import the node-side contracts (`@guichet/card-requests/contracts`), nor another scope's web libs:
 * these are copied from the API's DTOs (issue 5's brief) and must be kept in step with them.
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

/** How the caller sees a request: its trainer, its « Deuxième formateur / moniteur » (read-only), or staff. */
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

/** A label in both languages (« Référentiels » edit both). */
export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

/** « Types d'organismes »: upserted by `code` (lowercase `[a-z0-9-]`); deactivated, never deleted. */
export interface OrganizationTypeEntry {
  readonly code: string;
  readonly label: LocalizedText;
  readonly active: boolean;
}

/** « Maisons d'enseignement accréditées »: `id` null adds a new one. */
export interface AccreditedInstitutionEntry {
  readonly id: string | null;
  readonly name: string;
  readonly active: boolean;
}

/** « Activités de formation »: `validityMonths` null, the card does not expire. */
export interface ActivityEntry {
  readonly code: string;
  readonly label: LocalizedText;
  readonly validityMonths: number | null;
  readonly active: boolean;
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

/** « Fiche du participant ». */
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
  /** The participant's current card (staff only); absent or null before production. */
  readonly card?: ParticipantCard | null;
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

/** One row of the staff work queue: a summary plus the request's trainer. */
export interface StaffCardRequestSummary extends CardRequestSummary {
  readonly trainerName: string;
  readonly trainerCardNumber: string;
}

/** GET /api/card-requests/staff/requests. */
export interface StaffCardRequestPage {
  readonly items: readonly StaffCardRequestSummary[];
  readonly total: number;
}

/** Query of the work queue; empty values are left out of the address. */
export interface StaffCardRequestFilters {
  readonly status?: CardRequestStatus;
  /** `YYYY-MM-DD` (session end date from). */
  readonly from?: string;
  readonly to?: string;
  /** Trainer's name or card number. */
  readonly trainer?: string;
  readonly organization?: string;
  /** An activity code. */
  readonly activity?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

/** POST …/participant-imports (`ImportReport`): how many were imported, each rejected line (header = line 1) with its reason. */
export interface ParticipantImportReport {
  readonly imported: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

/** GET /api/card-requests/staff/participants?lastName&firstName&birthDate. */
export interface ParticipantSearchQuery {
  readonly lastName?: string;
  readonly firstName?: string;
  readonly birthDate?: string;
}

export interface ParticipantSearchHit {
  readonly requestId: string;
  readonly number: string;
  readonly participant: Participant;
  readonly cardNumber: string | null;
  readonly verificationCode: string | null;
  readonly activityName: string;
  readonly sessionEndDate: string;
  readonly status: CardRequestStatus;
}

/** POST …/participants/:pid/reissue: the new card (the old verification code is revoked). */
export interface ReissuedCard {
  readonly cardNumber: string;
  readonly verificationCode: string;
}

/** GET /api/card-requests/staff/reference-data: both languages, inactive entries too. */
export interface StaffReferenceData {
  readonly organizationTypes: readonly OrganizationTypeEntry[];
  readonly accreditedInstitutions: readonly (AccreditedInstitutionEntry & { readonly id: string })[];
  readonly activities: readonly ActivityEntry[];
  readonly cardPriceCents: number;
  /** The « maison d'enseignement accréditée » type (fixed: its organization is chosen from the list). */
  readonly accreditedInstitutionTypeCode: string;
}

/**
 * PUT /api/card-requests/staff/reference-data: every entry given is upserted (by code, or by id for
 * institutions, id null adding one); entries left out stay as they are.
 */
export interface ReferenceDataInput {
  readonly organizationTypes: readonly OrganizationTypeEntry[];
  readonly accreditedInstitutions: readonly AccreditedInstitutionEntry[];
  readonly activities: readonly ActivityEntry[];
  readonly cardPriceCents: number;
}
