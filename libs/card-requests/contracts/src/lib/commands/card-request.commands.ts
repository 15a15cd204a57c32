import { Command } from '@nestjs/cqrs';
import type { Lang } from '@guichet/shared/kernel';
import type { BillToKind, CardRequestActor, CardRequestPaymentMethod, ParticipantInput, SessionFieldsInput } from '../common';
import type { CardRequestDetail, ImportReport, ParticipantSaved, ReferenceDataInput, ReissuedCard, StaffReferenceData } from '../queries/read-models';

/*
 * Every command names its actor; a trainer reaching a request that is not theirs gets
 * `CARD_REQUESTS.NOT_FOUND`, a second trainer changing one gets `CARD_REQUESTS.READ_ONLY`.
 */

/** « Ajouter » then saving the « Fiche de la session »: a new draft (« Nouvelle ») for the trainer. */
export class CreateCardRequest extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly session: SessionFieldsInput,
    /** Language of the names in the answer (activity). */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Saves the « Fiche de la session »; draft only (`CARD_REQUESTS.NOT_DRAFT`). */
export class UpdateCardRequest extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly session: SessionFieldsInput,
    /** Language of the names in the answer (activity). */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** « Fiche du participant » (« Sauvegarder et ajouter » / « OK »); duplicates are flagged, not refused. */
export class AddParticipant extends Command<ParticipantSaved> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly participant: ParticipantInput,
  ) {
    super();
  }
}

export class UpdateParticipant extends Command<ParticipantSaved> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly participantId: string,
    readonly participant: ParticipantInput,
  ) {
    super();
  }
}

/** « Supprimer » in the « Suppression » column. */
export class RemoveParticipant extends Command<void> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly participantId: string,
  ) {
    super();
  }
}

/**
 * « Soumettre »: idempotent (a second press returns the same state). Refuses 0 participants
 * (`CARD_REQUESTS.NO_PARTICIPANTS`, field `participants`) and card below 5 $
 * (`CARD_REQUESTS.CARD_MINIMUM`, field `method`). `lang`: the invoice's and the mails' language.
 */
export class SubmitCardRequest extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly method: CardRequestPaymentMethod,
    readonly billTo: BillToKind,
    readonly lang: Lang,
  ) {
    super();
  }
}

/** Staff « Produire les cartes » (paid only): one card per participant. */
export class ProduceCards extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    /** Language of the names in the answer (activity). */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Staff « Expédier » (cards produced only). */
export class ShipCardRequest extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly trackingNumber: string | null,
    /** Language of the names in the answer (activity). */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Staff cancel with a reason, from any state before shipped; Billing's `CancelInvoice` follows when invoiced. */
export class CancelCardRequest extends Command<CardRequestDetail> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly reason: string,
    /** Language of the names in the answer (activity). */
    readonly lang: Lang = 'fr',
  ) {
    super();
  }
}

/** Staff: participants from a CSV file into a draft request; a row-by-row report in `lang`. */
export class ImportParticipants extends Command<ImportReport> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly csv: string,
    readonly lang: Lang,
  ) {
    super();
  }
}

/** Staff: a new card for one participant (new number and code, the old code revoked). */
export class ReissueCard extends Command<ReissuedCard> {
  constructor(
    readonly actor: CardRequestActor,
    readonly requestId: string,
    readonly participantId: string,
  ) {
    super();
  }
}

/** Staff « Référentiels ». */
export class UpdateReferenceData extends Command<StaffReferenceData> {
  constructor(
    readonly actor: CardRequestActor,
    readonly data: ReferenceDataInput,
  ) {
    super();
  }
}

/** From Billing's `billing.invoice-issued.v1` (consumers; also usable in tests). Idempotent. */
export class MarkCardRequestInvoiced extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly invoiceId: string,
    readonly invoiceNumber: string,
  ) {
    super();
  }
}

/** From Billing's `billing.invoice-paid.v1`. Idempotent. */
export class MarkCardRequestPaid extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly invoiceId: string,
  ) {
    super();
  }
}
