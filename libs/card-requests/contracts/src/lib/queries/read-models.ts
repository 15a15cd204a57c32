import type {
  BillToKind,
  CardRequestPaymentMethod,
  CardRequestStatus,
  CardRequestViewerRole,
  LocalizedText,
  ParticipantTitle,
} from '../common';

/** One row of « Sessions » (newest first). */
export interface CardRequestSummary {
  readonly id: string;
  /** `D-2026-000123`. */
  readonly number: string;
  readonly status: CardRequestStatus;
  readonly sessionEndDate: string;
  readonly organizationName: string;
  readonly activityName: string;
  readonly participantCount: number;
  /** Null before submission (the UI shows price × count). */
  readonly totalCents: number | null;
  readonly role: CardRequestViewerRole;
  readonly updatedAt: string;
}

export interface TrainerIdentity {
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

export interface SecondTrainerView {
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface DeliveryView {
  readonly address: string;
  readonly city: string;
  /** Normalized `H2X 1Y4`. */
  readonly postalCode: string;
  readonly attention: string;
  readonly email: string;
}

/** Another of the same trainer's requests holding a participant with the same name and birth date. */
export interface DuplicateRef {
  readonly requestId: string;
  readonly number: string;
}

export interface DuplicateHit extends DuplicateRef {
  readonly sessionEndDate: string;
}

export interface ParticipantCardView {
  readonly cardNumber: string;
  readonly verificationCode: string;
  readonly expiresOn: string | null;
}

export interface ParticipantView {
  readonly id: string;
  readonly title: ParticipantTitle;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  /** Normalized `514-555-1234`. */
  readonly phone: string;
  readonly extension: string | null;
  readonly duplicateOf: readonly DuplicateRef[];
  /** The participant's current card once produced (staff only; null for trainers and before production). */
  readonly card?: ParticipantCardView | null;
}

/** Answer to adding or changing a participant: the participant and the duplicates found (flagged, not refused). */
export interface ParticipantSaved {
  readonly participant: ParticipantView;
  readonly duplicates: readonly DuplicateHit[];
}

export interface PaymentView {
  readonly method: CardRequestPaymentMethod;
  readonly billTo: BillToKind;
  readonly unitPriceCents: number;
  readonly totalCents: number;
}

export interface CardRequestHistoryEntry {
  readonly at: string;
  /** `created`, `updated`, `participant-added`, `participant-updated`, `participant-removed`, `participants-imported`, `submitted`, `invoiced`, `paid`, `cards-produced`, `card-reissued`, `shipped`, `canceled`. */
  readonly action: string;
  /** Account id of the person, or `system`. */
  readonly actor: string;
  readonly details: string | null;
}

export interface CardRequestDetail extends CardRequestSummary {
  readonly trainer: TrainerIdentity;
  readonly secondTrainer: SecondTrainerView | null;
  readonly organizationTypeCode: string;
  readonly accreditedInstitutionId: string | null;
  readonly trainingLocation: string;
  readonly activityCode: string;
  readonly delivery: DeliveryView;
  readonly participants: readonly ParticipantView[];
  readonly payment: PaymentView | null;
  readonly invoice: { readonly id: string; readonly number: string } | null;
  readonly trackingNumber: string | null;
  readonly canceledReason: string | null;
  /** True for the trainer while the request is a draft. */
  readonly editable: boolean;
  /** Staff only; [] for trainers. */
  readonly history: readonly CardRequestHistoryEntry[];
}

/** Work queue row. */
export interface StaffCardRequestSummary extends CardRequestSummary {
  readonly trainerName: string;
  readonly trainerCardNumber: string;
}

export interface CardRequestSearchFilters {
  readonly status?: CardRequestStatus;
  /** Session end date on or after, `YYYY-MM-DD`. */
  readonly from?: string;
  readonly to?: string;
  /** Part of the trainer's name or card number. */
  readonly trainer?: string;
  /** Part of the organization's name. */
  readonly organization?: string;
  /** Activity code. */
  readonly activity?: string;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface CardRequestPage {
  readonly items: readonly StaffCardRequestSummary[];
  readonly total: number;
}

export interface ParticipantSearchCriteria {
  readonly lastName?: string;
  readonly firstName?: string;
  readonly birthDate?: string;
}

export interface ParticipantSearchHit {
  readonly requestId: string;
  readonly number: string;
  readonly participant: ParticipantView;
  readonly cardNumber: string | null;
  readonly verificationCode: string | null;
  readonly activityName: string;
  readonly sessionEndDate: string;
  readonly status: CardRequestStatus;
}

export interface ReissuedCard {
  readonly cardNumber: string;
  readonly verificationCode: string;
}

/** Public verification page: nothing more than this. */
export interface CardVerification {
  readonly valid: boolean;
  /** `C. É.` */
  readonly initials: string;
  readonly activityName: string;
  readonly sessionEndDate: string;
  readonly expiresOn: string | null;
  readonly status: 'valid' | 'expired' | 'revoked';
}

/** For the portal's forms, labels in one language. */
export interface ReferenceData {
  readonly organizationTypes: readonly { readonly code: string; readonly label: string }[];
  readonly accreditedInstitutions: readonly { readonly id: string; readonly name: string }[];
  readonly activities: readonly { readonly code: string; readonly label: string; readonly validityMonths: number | null }[];
  readonly cardPriceCents: number;
  readonly accreditedInstitutionTypeCode: string;
}

export interface OrganizationTypeEntry {
  readonly code: string;
  readonly label: LocalizedText;
  readonly active: boolean;
}

export interface AccreditedInstitutionEntry {
  /** Null to add a new institution. */
  readonly id: string | null;
  readonly name: string;
  readonly active: boolean;
}

export interface ActivityEntry {
  readonly code: string;
  readonly label: LocalizedText;
  /** Months a card stays valid after the session end; null: no expiry. */
  readonly validityMonths: number | null;
  readonly active: boolean;
}

/** Staff « Référentiels »: both languages, inactive entries too. */
export interface StaffReferenceData {
  readonly organizationTypes: readonly OrganizationTypeEntry[];
  readonly accreditedInstitutions: readonly (AccreditedInstitutionEntry & { readonly id: string })[];
  readonly activities: readonly ActivityEntry[];
  readonly cardPriceCents: number;
  readonly accreditedInstitutionTypeCode: string;
}

/**
 * PUT « Référentiels »: upserts every entry given (by code, or by id for institutions; id null adds);
 * entries not given stay as they are (deactivate instead of deleting, requests refer to them).
 */
export interface ReferenceDataInput {
  readonly organizationTypes: readonly OrganizationTypeEntry[];
  readonly accreditedInstitutions: readonly AccreditedInstitutionEntry[];
  readonly activities: readonly ActivityEntry[];
  readonly cardPriceCents: number;
}

/** CSV import report, reasons in the language asked. */
export interface ImportReport {
  readonly imported: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

export interface PdfDocument {
  readonly filename: string;
  readonly content: Uint8Array;
}
