import { GetInvoicePdf, SYSTEM_ACTOR } from '@guichet/billing/contracts';
import {
  ACCREDITED_INSTITUTION_TYPE_CODE,
  GetCardRequest,
  GetCardRequestInvoicePdf,
  GetCardsPdf,
  GetMyTrainerIdentity,
  GetReferenceData,
  GetStaffReferenceData,
  ListMyCardRequests,
  SearchCardRequests,
  SearchParticipants,
  VerifyCard,
  type CardRequestDetail,
  type CardRequestPage,
  type CardRequestSummary,
  type CardVerification,
  type ParticipantSearchHit,
  type PdfDocument,
  type ReferenceData,
  type StaffReferenceData,
  type TrainerIdentity,
} from '@guichet/card-requests/contracts';
import { CardRequestActionForbidden, CardRequestNotInvoiced, CardsNotProduced, NotATrainer, initialsOf, isVerificationCode } from '@guichet/card-requests/domain';
import { LocalDate, type Lang } from '@guichet/shared/kernel';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CardsPdfRenderer, type PrintableCard } from '../documents';
import { activityNameOf, CardRequestsContext, labelIn } from '../shared/card-request-context';

const langOf = (lang: unknown): Lang => (lang === 'en' ? 'en' : 'fr');

@QueryHandler(ListMyCardRequests)
export class ListMyCardRequestsHandler implements IQueryHandler<ListMyCardRequests> {
  constructor(private readonly ctx: CardRequestsContext) {}
  execute(q: ListMyCardRequests): Promise<readonly CardRequestSummary[]> {
    return this.ctx.readModel.listForAccount(q.accountId, langOf(q.lang));
  }
}

@QueryHandler(GetReferenceData)
export class GetReferenceDataHandler implements IQueryHandler<GetReferenceData> {
  constructor(private readonly ctx: CardRequestsContext) {}
  async execute(q: GetReferenceData): Promise<ReferenceData> {
    const lang = langOf(q.lang);
    const ref = await this.ctx.referenceData.load();
    const collator = new Intl.Collator(lang === 'en' ? 'en-CA' : 'fr-CA');
    return {
      organizationTypes: ref.organizationTypes.filter((t) => t.active).map((t) => ({ code: t.code, label: labelIn(t.label, lang) })),
      accreditedInstitutions: ref.accreditedInstitutions
        .filter((i) => i.active)
        .map((i) => ({ id: i.id, name: i.name }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      activities: ref.activities.filter((a) => a.active).map((a) => ({ code: a.code, label: labelIn(a.label, lang), validityMonths: a.validityMonths })),
      cardPriceCents: ref.cardPriceCents,
      accreditedInstitutionTypeCode: ACCREDITED_INSTITUTION_TYPE_CODE,
    };
  }
}

@QueryHandler(GetStaffReferenceData)
export class GetStaffReferenceDataHandler implements IQueryHandler<GetStaffReferenceData> {
  constructor(private readonly ctx: CardRequestsContext) {}
  execute(): Promise<StaffReferenceData> {
    return this.ctx.referenceData.load();
  }
}

@QueryHandler(GetMyTrainerIdentity)
export class GetMyTrainerIdentityHandler implements IQueryHandler<GetMyTrainerIdentity> {
  constructor(private readonly ctx: CardRequestsContext) {}
  async execute(q: GetMyTrainerIdentity): Promise<TrainerIdentity> {
    const trainer = await this.ctx.registry.findByAccountId(q.accountId);
    if (trainer === null) throw new NotATrainer();
    return { cardNumber: trainer.cardNumber, firstName: trainer.firstName, lastName: trainer.lastName, email: trainer.email };
  }
}

@QueryHandler(GetCardRequest)
export class GetCardRequestHandler implements IQueryHandler<GetCardRequest> {
  constructor(private readonly ctx: CardRequestsContext) {}
  async execute(q: GetCardRequest): Promise<CardRequestDetail> {
    const { request, role } = await this.ctx.load(q.actor, q.requestId);
    return this.ctx.detail(request, role, langOf(q.lang));
  }
}

/** The invoice PDF through Billing (as system: access was checked here, the second trainer may read it too). */
@QueryHandler(GetCardRequestInvoicePdf)
export class GetCardRequestInvoicePdfHandler implements IQueryHandler<GetCardRequestInvoicePdf> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly queries: QueryBus,
  ) {}
  async execute(q: GetCardRequestInvoicePdf): Promise<PdfDocument> {
    const { request } = await this.ctx.load(q.actor, q.requestId);
    if (request.invoice === null) throw new CardRequestNotInvoiced();
    return this.queries.execute(new GetInvoicePdf(SYSTEM_ACTOR, request.invoice.id));
  }
}

@QueryHandler(SearchCardRequests)
export class SearchCardRequestsHandler implements IQueryHandler<SearchCardRequests> {
  constructor(private readonly ctx: CardRequestsContext) {}
  execute(q: SearchCardRequests): Promise<CardRequestPage> {
    const f = q.filters ?? {};
    const page = Number.isInteger(f.page) && (f.page as number) > 0 ? (f.page as number) : 1;
    const pageSize = Number.isInteger(f.pageSize) && (f.pageSize as number) > 0 ? Math.min(f.pageSize as number, 100) : 25;
    return this.ctx.readModel.search({ ...f, page, pageSize }, langOf(q.lang));
  }
}

@QueryHandler(SearchParticipants)
export class SearchParticipantsHandler implements IQueryHandler<SearchParticipants> {
  constructor(private readonly ctx: CardRequestsContext) {}
  execute(q: SearchParticipants): Promise<readonly ParticipantSearchHit[]> {
    const c = q.criteria ?? {};
    if (!c.lastName?.trim() && !c.firstName?.trim() && !c.birthDate?.trim()) return Promise.resolve([]);
    return this.ctx.readModel.searchParticipants(c, langOf(q.lang));
  }
}

/** Staff: the print-ready PDF, one card per participant (cards produced or shipped). */
@QueryHandler(GetCardsPdf)
export class GetCardsPdfHandler implements IQueryHandler<GetCardsPdf> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly renderer: CardsPdfRenderer,
  ) {}
  async execute(q: GetCardsPdf): Promise<PdfDocument> {
    if (!q.actor.staff) throw new CardRequestActionForbidden();
    const lang = langOf(q.lang);
    const { request } = await this.ctx.load(q.actor, q.requestId);
    if (request.status !== 'cards-produced' && request.status !== 'shipped') throw new CardsNotProduced();
    const s = request.toSnapshot();
    const ref = await this.ctx.referenceData.load();
    const cards = new Map(request.currentCards.map((c) => [c.participantId, c]));
    const printable: PrintableCard[] = [...s.participants]
      .sort((a, b) => a.position - b.position)
      .flatMap((p) => {
        const card = cards.get(p.id);
        if (!card) return [];
        return [
          {
            participantName: `${p.firstName} ${p.lastName}`,
            activityName: activityNameOf(ref, s.session.activityCode, lang),
            sessionEndDate: s.session.sessionEndDate,
            trainerName: `${s.trainer.firstName} ${s.trainer.lastName}`,
            cardNumber: card.cardNumber,
            expiresOn: card.expiresOn,
            verificationCode: card.verificationCode,
            verificationUrl: this.ctx.verificationUrl(card.verificationCode),
          },
        ];
      });
    const content = await this.renderer.render(printable, lang);
    return { filename: `cartes-${s.number}.pdf`, content };
  }
}

/** Public: initials, activity, date, expiry and status; nothing more. */
@QueryHandler(VerifyCard)
export class VerifyCardHandler implements IQueryHandler<VerifyCard> {
  constructor(private readonly ctx: CardRequestsContext) {}
  async execute(q: VerifyCard): Promise<CardVerification | null> {
    const code = typeof q.code === 'string' ? q.code.replace(/[\s-]/g, '').toUpperCase() : '';
    if (!isVerificationCode(code)) return null;
    const record = await this.ctx.readModel.verification(code, langOf(q.lang));
    if (record === null) return null;
    const today = this.ctx.today();
    const revoked = record.revoked || record.requestStatus === 'canceled';
    const expired = !revoked && record.expiresOn !== null && LocalDate.parse(record.expiresOn).isBefore(today);
    const status = revoked ? 'revoked' : expired ? 'expired' : 'valid';
    return {
      valid: status === 'valid',
      initials: initialsOf(record.firstName, record.lastName),
      activityName: record.activityName,
      sessionEndDate: record.sessionEndDate,
      expiresOn: record.expiresOn,
      status,
    };
  }
}
