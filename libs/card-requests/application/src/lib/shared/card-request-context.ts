import type {
  CardRequestActor,
  CardRequestDetail,
  CardRequestViewerRole,
  ParticipantView,
  SessionFieldsInput,
  StaffReferenceData,
} from '@guichet/card-requests/contracts';
import { ACCREDITED_INSTITUTION_TYPE_CODE } from '@guichet/card-requests/contracts';
import {
  CardRequest,
  CardRequestActionForbidden,
  CardRequestNotFound,
  CardRequestRepository,
  CardRequestSequences,
  InvalidCardRequestField,
  displayPhone,
  normalizeName,
  parseSessionDetails,
  type ParticipantSnapshot,
  type SecondTrainerDetails,
  type SessionDetails,
} from '@guichet/card-requests/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock, LocalDate, type Lang } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';
import type { CardRequestMailInput } from '../documents';
import {
  CardRequestHistory,
  CardRequestLinkSettings,
  CardRequestReadModel,
  ReferenceDataStore,
  TrainerRegistry,
  VerificationCodeGenerator,
  type HistoryRecord,
} from '../ports/card-requests-ports';

export const SYSTEM = 'system';

export function labelIn(label: { fr: string; en: string }, lang: Lang): string {
  return lang === 'en' ? label.en : label.fr;
}

export function activityNameOf(ref: StaffReferenceData, code: string, lang: Lang): string {
  const activity = ref.activities.find((a) => a.code === code);
  return activity ? labelIn(activity.label, lang) : code;
}

/**
 * What every handler needs, in one provider: the ports, the clock and the shared steps (load with
 * access rules, check the session, build the detail view). Handlers stay small.
 */
@Injectable()
export class CardRequestsContext {
  constructor(
    readonly requests: CardRequestRepository,
    readonly sequences: CardRequestSequences,
    readonly referenceData: ReferenceDataStore,
    readonly codes: VerificationCodeGenerator,
    readonly registry: TrainerRegistry,
    readonly history: CardRequestHistory,
    readonly readModel: CardRequestReadModel,
    readonly links: CardRequestLinkSettings,
    readonly unitOfWork: UnitOfWork,
    readonly clock: Clock,
  ) {}

  today(): LocalDate {
    return this.clock.today();
  }

  year(now: Date): number {
    return LocalDate.fromInstant(now).year;
  }

  /**
   * The request as `actor` may see it: staff see every request; a trainer sees their own and those
   * where they are second trainer; anyone else gets `CARD_REQUESTS.NOT_FOUND`.
   */
  async load(actor: CardRequestActor, requestId: string): Promise<{ request: CardRequest; role: CardRequestViewerRole }> {
    const request = typeof requestId === 'string' && requestId !== '' ? await this.requests.findById(requestId) : null;
    if (request === null) throw new CardRequestNotFound();
    if (actor.staff) return { request, role: 'staff' };
    const role = request.roleOf(actor.accountId);
    if (role === null) throw new CardRequestNotFound();
    return { request, role };
  }

  /** Staff who act (`card-clerk`); `CARD_REQUESTS.FORBIDDEN` otherwise. */
  assertStaffActs(actor: CardRequestActor): void {
    if (!actor.staff || !actor.canAct) throw new CardRequestActionForbidden();
  }

  appendHistory(requestId: string, action: string, actor: string, details: string | null = null): Promise<void> {
    const record: HistoryRecord = { at: this.clock.now(), action, actor, details };
    return this.history.append(requestId, record);
  }

  /** Checks the « Fiche de la session » against the reference data and the trainers' registry. */
  async resolveSession(input: SessionFieldsInput, trainerAccountId: string, current: SessionDetails | null): Promise<SessionDetails> {
    const raw = (input ?? {}) as Partial<SessionFieldsInput>;
    const ref = await this.referenceData.load();
    const typeCode = typeof raw.organizationTypeCode === 'string' ? raw.organizationTypeCode.trim() : '';
    if (typeCode === '') throw new InvalidCardRequestField('organizationTypeCode', 'required');
    const type = ref.organizationTypes.find((t) => t.code === typeCode);
    if (!type || (!type.active && current?.organizationTypeCode !== typeCode)) throw new InvalidCardRequestField('organizationTypeCode', 'unknown-organization-type');
    let organizationName: string | null = null;
    let accreditedInstitutionId: string | null = null;
    if (typeCode === ACCREDITED_INSTITUTION_TYPE_CODE) {
      const id = typeof raw.accreditedInstitutionId === 'string' ? raw.accreditedInstitutionId : '';
      if (id === '') throw new InvalidCardRequestField('accreditedInstitutionId', 'required');
      const institution = ref.accreditedInstitutions.find((i) => i.id === id);
      if (!institution || (!institution.active && current?.accreditedInstitutionId !== id)) throw new InvalidCardRequestField('accreditedInstitutionId', 'unknown-institution');
      organizationName = institution.name;
      accreditedInstitutionId = institution.id;
    }
    const activityCode = typeof raw.activityCode === 'string' ? raw.activityCode.trim() : '';
    if (activityCode !== '') {
      const activity = ref.activities.find((a) => a.code === activityCode);
      if (!activity || (!activity.active && current?.activityCode !== activityCode)) throw new InvalidCardRequestField('activityCode', 'unknown-activity');
    }
    const secondTrainer = await this.resolveSecondTrainer(raw, trainerAccountId);
    const session = parseSessionDetails(
      {
        trainerEmail: raw.trainerEmail,
        organizationTypeCode: typeCode,
        organizationName: raw.organizationName,
        accreditedInstitutionId,
        trainingLocation: raw.trainingLocation,
        activityCode,
        sessionEndDate: raw.sessionEndDate,
        delivery: raw.delivery as never,
      },
      this.today(),
      { organizationName, accreditedInstitutionId, secondTrainer: secondTrainer?.details ?? null },
    );
    return this.checkSecondTrainerDate(session, secondTrainer?.expiresOn ?? null);
  }

  private checkSecondTrainerDate(session: SessionDetails, expiresOn: string | null): SessionDetails {
    if (session.secondTrainer !== null && expiresOn !== null && expiresOn < session.sessionEndDate) {
      throw new InvalidCardRequestField('secondTrainer.cardNumber', 'second-trainer-expired');
    }
    return session;
  }

  private async resolveSecondTrainer(
    raw: Partial<SessionFieldsInput>,
    trainerAccountId: string,
  ): Promise<{ details: SecondTrainerDetails; expiresOn: string } | null> {
    const st = raw.secondTrainer;
    if (st === null || st === undefined) return null;
    const card = typeof st.cardNumber === 'string' ? st.cardNumber.trim() : '';
    const first = typeof st.firstName === 'string' ? st.firstName.trim() : '';
    const last = typeof st.lastName === 'string' ? st.lastName.trim() : '';
    if (card === '' && first === '' && last === '') return null;
    if (card === '') throw new InvalidCardRequestField('secondTrainer.cardNumber', 'required');
    if (first === '') throw new InvalidCardRequestField('secondTrainer.firstName', 'required');
    if (last === '') throw new InvalidCardRequestField('secondTrainer.lastName', 'required');
    const record = await this.registry.findByCardNumber(card);
    // The registry's certification is what counts: a trainer imported from the registry who has not set
    // a password yet (account pending) holds the card all the same and co-teaches legitimately.
    if (record === null) throw new InvalidCardRequestField('secondTrainer.cardNumber', 'second-trainer-unknown');
    if (record.accountId === trainerAccountId) throw new InvalidCardRequestField('secondTrainer.cardNumber', 'second-trainer-self');
    if (normalizeName(record.firstName) !== normalizeName(first)) throw new InvalidCardRequestField('secondTrainer.firstName', 'second-trainer-names');
    if (normalizeName(record.lastName) !== normalizeName(last)) throw new InvalidCardRequestField('secondTrainer.lastName', 'second-trainer-names');
    return {
      details: { accountId: record.accountId, cardNumber: record.cardNumber, firstName: record.firstName, lastName: record.lastName },
      expiresOn: record.certificationExpiresOn,
    };
  }

  participantView(p: ParticipantSnapshot, duplicates: ReadonlyMap<string, readonly { requestId: string; number: string }[]>, card: ParticipantView['card']): ParticipantView {
    return {
      id: p.id,
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      phone: displayPhone(p.phone),
      extension: p.extension,
      duplicateOf: (duplicates.get(p.nameKey) ?? []).map((d) => ({ requestId: d.requestId, number: d.number })),
      card,
    };
  }

  /** The detail as `role` sees it (history and cards for staff only). */
  async detail(request: CardRequest, role: CardRequestViewerRole, lang: Lang): Promise<CardRequestDetail> {
    const s = request.toSnapshot();
    const ref = await this.referenceData.load();
    const duplicates = await this.readModel.duplicates(s.trainer.accountId, s.id, s.participants.map((p) => p.nameKey));
    const history = role === 'staff' ? await this.readModel.history(s.id) : [];
    const cards = new Map(request.currentCards.map((c) => [c.participantId, c]));
    const count = s.participants.length;
    return {
      id: s.id,
      number: s.number,
      status: s.status,
      sessionEndDate: s.session.sessionEndDate,
      organizationName: s.session.organizationName,
      activityName: activityNameOf(ref, s.session.activityCode, lang),
      participantCount: count,
      totalCents: s.payment?.totalCents ?? null,
      role,
      updatedAt: s.updatedAt.toISOString(),
      trainer: { cardNumber: s.trainer.cardNumber, firstName: s.trainer.firstName, lastName: s.trainer.lastName, email: s.trainer.email },
      secondTrainer: s.session.secondTrainer
        ? { cardNumber: s.session.secondTrainer.cardNumber, firstName: s.session.secondTrainer.firstName, lastName: s.session.secondTrainer.lastName }
        : null,
      organizationTypeCode: s.session.organizationTypeCode,
      accreditedInstitutionId: s.session.accreditedInstitutionId,
      trainingLocation: s.session.trainingLocation,
      activityCode: s.session.activityCode,
      delivery: { ...s.session.delivery },
      participants: [...s.participants]
        .sort((a, b) => a.position - b.position)
        .map((p) => {
          const card = cards.get(p.id);
          return this.participantView(
            p,
            duplicates,
            role === 'staff' ? (card ? { cardNumber: card.cardNumber, verificationCode: card.verificationCode, expiresOn: card.expiresOn } : null) : null,
          );
        }),
      payment: s.payment ? { method: s.payment.method, billTo: s.payment.billTo, unitPriceCents: s.payment.unitPriceCents, totalCents: s.payment.totalCents } : null,
      invoice: s.invoice ? { ...s.invoice } : null,
      trackingNumber: s.trackingNumber,
      canceledReason: s.canceledReason,
      editable: role === 'trainer' && s.status === 'draft',
      history,
    };
  }

  /** Who a request's mails go to (its delivery « Courriel »), in the language chosen at submission. */
  mailInput(request: CardRequest): CardRequestMailInput {
    const s = request.toSnapshot();
    return {
      requestId: s.id,
      number: s.number,
      email: s.session.delivery.email,
      lang: s.payment?.lang ?? 'fr',
      trainerName: `${s.trainer.firstName} ${s.trainer.lastName}`,
      publicUrl: this.links.publicUrl,
    };
  }

  verificationUrl(code: string): string {
    return `${this.links.publicUrl.replace(/\/+$/, '')}/verification/${encodeURIComponent(code)}`;
  }
}
