import { CancelInvoice } from '@guichet/billing/contracts';
import {
  CARD_REQUESTS_SERVICE,
  CancelCardRequest,
  ImportParticipants,
  MarkCardRequestInvoiced,
  MarkCardRequestPaid,
  ProduceCards,
  ReissueCard,
  ShipCardRequest,
  UpdateReferenceData,
  type CardRequestDetail,
  type ImportReport,
  type ReissuedCard,
  type StaffReferenceData,
} from '@guichet/card-requests/contracts';
import {
  CardRequest,
  InvalidCardRequestField,
  InvalidCardRequestStatus,
  formatSequenceNumber,
  parseParticipantDetails,
  type NewCard,
  type ParticipantDetails,
} from '@guichet/card-requests/domain';
import { inTransactionWithRetry, MailOutbox } from '@guichet/shared/application';
import { isDomainError, uuidv7, type Lang } from '@guichet/shared/kernel';
import { Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cardRequestCanceledMail, cardRequestCardsProducedMail, cardRequestShippedMail, parseParticipantsCsv } from '../documents';
import { CardRequestsContext, labelIn, SYSTEM } from '../shared/card-request-context';

async function validityOf(ctx: CardRequestsContext, request: CardRequest): Promise<number | null> {
  const ref = await ctx.referenceData.load();
  return ref.activities.find((a) => a.code === request.session.activityCode)?.validityMonths ?? null;
}

async function newCard(ctx: CardRequestsContext, participantId: string, year: number): Promise<NewCard> {
  const sequence = await ctx.sequences.next('card', year);
  return { participantId, cardNumber: formatSequenceNumber('C', year, sequence), verificationCode: ctx.codes.generate() };
}

/** « Produire les cartes » (paid only): one card per participant, numbers from the gapless series. */
@CommandHandler(ProduceCards)
export class ProduceCardsHandler implements ICommandHandler<ProduceCards> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly mail: MailOutbox,
  ) {}

  async execute(cmd: ProduceCards): Promise<CardRequestDetail> {
    this.ctx.assertStaffActs(cmd.actor);
    const request = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request: current } = await this.ctx.load(cmd.actor, cmd.requestId);
      if (current.status !== 'paid') throw new InvalidCardRequestStatus('cards', current.status);
      const now = this.ctx.clock.now();
      const year = this.ctx.year(now);
      const cards: NewCard[] = [];
      for (const p of [...current.participants].sort((a, b) => a.position - b.position)) cards.push(await newCard(this.ctx, p.id, year));
      current.produceCards(cards, await validityOf(this.ctx, current), now);
      await this.ctx.requests.save(current);
      await this.ctx.appendHistory(current.id, 'cards-produced', cmd.actor.accountId, `${cards[0]?.cardNumber ?? ''} … ${cards.at(-1)?.cardNumber ?? ''}`);
      await this.mail.send(cardRequestCardsProducedMail({ ...this.ctx.mailInput(current), participantCount: cards.length }));
      return current;
    });
    return this.ctx.detail(request, 'staff', cmd.lang);
  }
}

/** « Expédier », with an optional tracking number. */
@CommandHandler(ShipCardRequest)
export class ShipCardRequestHandler implements ICommandHandler<ShipCardRequest> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly mail: MailOutbox,
  ) {}

  async execute(cmd: ShipCardRequest): Promise<CardRequestDetail> {
    this.ctx.assertStaffActs(cmd.actor);
    const request = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request: current } = await this.ctx.load(cmd.actor, cmd.requestId);
      current.ship(cmd.trackingNumber, this.ctx.clock.now());
      await this.ctx.requests.save(current);
      const tracking = current.toSnapshot().trackingNumber;
      await this.ctx.appendHistory(current.id, 'shipped', cmd.actor.accountId, tracking);
      await this.mail.send(cardRequestShippedMail({ ...this.ctx.mailInput(current), participantCount: current.participants.length, trackingNumber: tracking }));
      return current;
    });
    return this.ctx.detail(request, 'staff', cmd.lang);
  }
}

/**
 * Staff cancel with a reason (before shipped). When an invoice exists, Billing's `CancelInvoice` follows
 * (credit note, payments refunded); the worker's consumer of `card-requests.card-request-canceled.v1`
 * does it again if this call fails (idempotent at Billing).
 */
@CommandHandler(CancelCardRequest)
export class CancelCardRequestHandler implements ICommandHandler<CancelCardRequest> {
  private readonly logger = new Logger('CancelCardRequest');

  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly mail: MailOutbox,
    private readonly commands: CommandBus,
  ) {}

  async execute(cmd: CancelCardRequest): Promise<CardRequestDetail> {
    this.ctx.assertStaffActs(cmd.actor);
    const { request, changed } = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request: current } = await this.ctx.load(cmd.actor, cmd.requestId);
      const reason = typeof cmd.reason === 'string' ? cmd.reason.trim() : '';
      const done = current.cancel(reason, cmd.actor.accountId, this.ctx.clock.now());
      if (done) {
        await this.ctx.requests.save(current);
        await this.ctx.appendHistory(current.id, 'canceled', cmd.actor.accountId, reason);
        await this.mail.send(cardRequestCanceledMail({ ...this.ctx.mailInput(current), reason }));
      }
      return { request: current, changed: done };
    });
    if (changed && request.invoice !== null) {
      try {
        await this.commands.execute(new CancelInvoice({ service: CARD_REQUESTS_SERVICE, id: request.id }, cmd.reason.trim(), true, cmd.actor.accountId));
      } catch (error) {
        this.logger.warn(`CancelInvoice for ${request.number} failed, the worker retries: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return this.ctx.detail(request, 'staff', cmd.lang);
  }
}

/** Staff: participants from a CSV file into a draft request, with the rejected lines and why. */
@CommandHandler(ImportParticipants)
export class ImportParticipantsHandler implements ICommandHandler<ImportParticipants> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: ImportParticipants): Promise<ImportReport> {
    this.ctx.assertStaffActs(cmd.actor);
    const lang: Lang = cmd.lang === 'en' ? 'en' : 'fr';
    const { request: first } = await this.ctx.load(cmd.actor, cmd.requestId);
    if (first.status !== 'draft') throw new InvalidCardRequestStatus('import', first.status);
    const today = this.ctx.today();
    const parsed = parseParticipantsCsv(typeof cmd.csv === 'string' ? cmd.csv : '', { today });
    const rejected: { line: number; reason: string }[] = parsed.rejected.map((r) => ({ line: r.line, reason: labelIn(r.reason, lang) }));
    const accepted: { details: ParticipantDetails }[] = [];
    // Lines numbered like the parser's (header = line 1); rows keep the file's order.
    parsed.rows.forEach((row, index) => {
      try {
        accepted.push({ details: parseParticipantDetails(row, today) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        rejected.push({ line: parsed.lines[index] ?? 0, reason: error.messageIn(lang) });
      }
    });
    const imported = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request } = await this.ctx.load(cmd.actor, cmd.requestId);
      const now = this.ctx.clock.now();
      for (const a of accepted) request.importParticipant(uuidv7(), a.details, now);
      if (accepted.length > 0) {
        await this.ctx.requests.save(request);
        await this.ctx.appendHistory(request.id, 'participants-imported', cmd.actor.accountId, `${accepted.length}`);
      }
      return accepted.length;
    });
    return { imported, rejected: rejected.sort((a, b) => a.line - b.line) };
  }
}

/** Staff: a new card for one participant (lost card); the old code is revoked. */
@CommandHandler(ReissueCard)
export class ReissueCardHandler implements ICommandHandler<ReissueCard> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: ReissueCard): Promise<ReissuedCard> {
    this.ctx.assertStaffActs(cmd.actor);
    return inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request } = await this.ctx.load(cmd.actor, cmd.requestId);
      if (request.status !== 'cards-produced' && request.status !== 'shipped') throw new InvalidCardRequestStatus('reissue', request.status);
      request.participant(cmd.participantId);
      const now = this.ctx.clock.now();
      const card = await newCard(this.ctx, cmd.participantId, this.ctx.year(now));
      const fresh = request.reissueCard(card, await validityOf(this.ctx, request), now);
      await this.ctx.requests.save(request);
      await this.ctx.appendHistory(request.id, 'card-reissued', cmd.actor.accountId, fresh.cardNumber);
      return { cardNumber: fresh.cardNumber, verificationCode: fresh.verificationCode };
    });
  }
}

/** Staff « Référentiels ». */
@CommandHandler(UpdateReferenceData)
export class UpdateReferenceDataHandler implements ICommandHandler<UpdateReferenceData> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: UpdateReferenceData): Promise<StaffReferenceData> {
    this.ctx.assertStaffActs(cmd.actor);
    const data = cmd.data;
    if (!Number.isSafeInteger(data?.cardPriceCents) || data.cardPriceCents < 1 || data.cardPriceCents > 100_000) {
      throw new InvalidCardRequestField('cardPriceCents', 'price');
    }
    const check = (text: unknown, field: string) => {
      if (typeof text !== 'string' || text.trim() === '') throw new InvalidCardRequestField(field, 'required');
      if (text.length > 200) throw new InvalidCardRequestField(field, 'too-long', { max: 200 });
    };
    (data.organizationTypes ?? []).forEach((t, i) => {
      check(t.code, `organizationTypes.${i}.code`);
      check(t.label?.fr, `organizationTypes.${i}.label.fr`);
      check(t.label?.en, `organizationTypes.${i}.label.en`);
    });
    (data.accreditedInstitutions ?? []).forEach((t, i) => check(t.name, `accreditedInstitutions.${i}.name`));
    (data.activities ?? []).forEach((a, i) => {
      check(a.code, `activities.${i}.code`);
      check(a.label?.fr, `activities.${i}.label.fr`);
      check(a.label?.en, `activities.${i}.label.en`);
      if (a.validityMonths !== null && (!Number.isInteger(a.validityMonths) || a.validityMonths < 1 || a.validityMonths > 240)) {
        throw new InvalidCardRequestField(`activities.${i}.validityMonths`, 'validity');
      }
    });
    await this.ctx.unitOfWork.run(() =>
      this.ctx.referenceData.save(
        {
          organizationTypes: data.organizationTypes ?? [],
          accreditedInstitutions: data.accreditedInstitutions ?? [],
          activities: data.activities ?? [],
          cardPriceCents: data.cardPriceCents,
        },
        cmd.actor.accountId,
        this.ctx.clock.now(),
      ),
    );
    return this.ctx.referenceData.load();
  }
}

/** Billing issued the request's invoice: `invoiced`, keeping its id and number. Idempotent. */
@CommandHandler(MarkCardRequestInvoiced)
export class MarkCardRequestInvoicedHandler implements ICommandHandler<MarkCardRequestInvoiced> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: MarkCardRequestInvoiced): Promise<void> {
    await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const request = await this.ctx.requests.get(cmd.requestId);
      const hadInvoice = request.invoice !== null;
      const changed = request.markInvoiced(cmd.invoiceId, cmd.invoiceNumber, this.ctx.clock.now());
      if (changed || !hadInvoice) {
        await this.ctx.requests.save(request);
        if (changed) await this.ctx.appendHistory(request.id, 'invoiced', SYSTEM, cmd.invoiceNumber);
      }
    });
  }
}

/** Billing says the invoice is paid: `paid`. Idempotent. */
@CommandHandler(MarkCardRequestPaid)
export class MarkCardRequestPaidHandler implements ICommandHandler<MarkCardRequestPaid> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: MarkCardRequestPaid): Promise<void> {
    await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const request = await this.ctx.requests.get(cmd.requestId);
      if (request.markPaid(cmd.invoiceId, this.ctx.clock.now())) {
        await this.ctx.requests.save(request);
        await this.ctx.appendHistory(request.id, 'paid', SYSTEM, request.invoice?.number ?? null);
      }
    });
  }
}
