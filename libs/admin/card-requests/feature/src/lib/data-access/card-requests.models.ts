/**
 * The back-office's view of the Card requests HTTP API (`/api/card-requests/staff/…`): the request,
 * participant and payment shapes come from the portal's data-access lib (the one web copy of
 * libs/card-requests/contracts); the desk's own shapes are below.
 */

export {
  CARD_REQUEST_STATUSES,
  CARD_REQUEST_PAYMENT_METHODS,
  PARTICIPANT_TITLES,
  type CardRequestStatus,
  type Participant,
  type CardRequestDetail,
} from '@guichet/portal/card-requests/data-access';
import type { CardRequestStatus, CardRequestSummary, Participant } from '@guichet/portal/card-requests/data-access';

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
