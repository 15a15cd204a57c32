import { Query } from '@nestjs/cqrs';
import type { Lang } from '@guichet/shared/kernel';
import type { CardRequestActor } from '../common';
import type {
  CardRequestDetail,
  CardRequestPage,
  CardRequestSearchFilters,
  CardRequestSummary,
  CardVerification,
  ParticipantSearchCriteria,
  ParticipantSearchHit,
  PdfDocument,
  ReferenceData,
  StaffReferenceData,
  TrainerIdentity,
} from './read-models';

/** « Sessions »: the trainer's requests and those where they are second trainer, newest first. */
export class ListMyCardRequests extends Query<readonly CardRequestSummary[]> {
  constructor(
    readonly accountId: string,
    /** Language of the activity names. */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** The forms' lists, labels in `lang`, active entries only. */
export class GetReferenceData extends Query<ReferenceData> {
  constructor(readonly lang: Lang) {
    super();
  }
}

/** Prefill of « Formateur / Moniteur »; `CARD_REQUESTS.NOT_A_TRAINER` (forbidden) when the account holds no trainer card. */
export class GetMyTrainerIdentity extends Query<TrainerIdentity> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** One request: its trainer, its second trainer (read-only) or staff (with history); `CARD_REQUESTS.NOT_FOUND` otherwise. */
export class GetCardRequest extends Query<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** The request's invoice PDF once invoiced (through Billing's `GetInvoicePdf`); `CARD_REQUESTS.NOT_INVOICED` before. */
export class GetCardRequestInvoicePdf extends Query<PdfDocument> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
  ) {
    super();
  }
}

/** Staff work queue. */
export class SearchCardRequests extends Query<CardRequestPage> {
  constructor(
    readonly filters: CardRequestSearchFilters,
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Staff: print-ready PDF, one card per participant (cards produced or shipped). */
export class GetCardsPdf extends Query<PdfDocument> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly lang: Lang,
  ) {
    super();
  }
}

/** Staff: participants across all requests, accent- and case-insensitive. */
export class SearchParticipants extends Query<readonly ParticipantSearchHit[]> {
  constructor(
    readonly criteria: ParticipantSearchCriteria,
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Staff « Référentiels », both languages. */
export class GetStaffReferenceData extends Query<StaffReferenceData> {}

/** Public: null when no card carries the code (the API answers 404). */
export class VerifyCard extends Query<CardVerification | null> {
  constructor(
    readonly code: string,
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}
