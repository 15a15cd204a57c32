import {
  AddParticipant,
  CreateCardRequest,
  RemoveParticipant,
  SubmitCardRequest,
  UpdateCardRequest,
  UpdateParticipant,
  type CardRequestDetail,
  type ParticipantSaved,
} from '@guichet/card-requests/contracts';
import {
  CardRequest,
  CardRequestReadOnly,
  NotATrainer,
  formatSequenceNumber,
  parseParticipantDetails,
  type ParticipantFieldsRaw,
} from '@guichet/card-requests/domain';
import { inTransactionWithRetry, MailOutbox } from '@guichet/shared/application';
import { uuidv7 } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cardRequestSubmittedMail } from '../documents';
import { activityNameOf, CardRequestsContext } from '../shared/card-request-context';

/** « Ajouter » + « Fiche de la session »: a new draft, the trainer's card and names from the registry. */
@CommandHandler(CreateCardRequest)
export class CreateCardRequestHandler implements ICommandHandler<CreateCardRequest> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: CreateCardRequest): Promise<CardRequestDetail> {
    if (cmd.actor.staff) throw new CardRequestReadOnly();
    const trainer = await this.ctx.registry.findByAccountId(cmd.actor.accountId);
    if (trainer === null) throw new NotATrainer();
    const session = await this.ctx.resolveSession(cmd.session, cmd.actor.accountId, null);
    const request = await this.ctx.unitOfWork.run(async () => {
      const now = this.ctx.clock.now();
      const year = this.ctx.year(now);
      const number = formatSequenceNumber('D', year, await this.ctx.sequences.next('request', year));
      const created = CardRequest.create({
        id: uuidv7(),
        number,
        trainer: { accountId: trainer.accountId, cardNumber: trainer.cardNumber, firstName: trainer.firstName, lastName: trainer.lastName, email: session.trainerEmail },
        session,
        now,
      });
      await this.ctx.requests.save(created);
      await this.ctx.appendHistory(created.id, 'created', cmd.actor.accountId);
      return created;
    });
    return this.ctx.detail(request, 'trainer', cmd.lang);
  }
}

@CommandHandler(UpdateCardRequest)
export class UpdateCardRequestHandler implements ICommandHandler<UpdateCardRequest> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: UpdateCardRequest): Promise<CardRequestDetail> {
    const { request: first } = await this.ctx.load(cmd.actor, cmd.requestId);
    first.updateSession(cmd.actor.accountId, first.session, this.ctx.clock.now()); // access and draft checks before the lookups
    const session = await this.ctx.resolveSession(cmd.session, first.trainerAccountId, first.session);
    const request = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request: current } = await this.ctx.load(cmd.actor, cmd.requestId);
      current.updateSession(cmd.actor.accountId, session, this.ctx.clock.now());
      await this.ctx.requests.save(current);
      await this.ctx.appendHistory(current.id, 'updated', cmd.actor.accountId);
      return current;
    });
    return this.ctx.detail(request, 'trainer', cmd.lang);
  }
}

async function saveParticipant(
  ctx: CardRequestsContext,
  cmd: AddParticipant | UpdateParticipant,
  participantId: string | null,
): Promise<ParticipantSaved> {
  const details = parseParticipantDetails((cmd.participant ?? {}) as unknown as ParticipantFieldsRaw, ctx.today());
  const { request, saved } = await inTransactionWithRetry(ctx.unitOfWork, async () => {
    const { request: current } = await ctx.load(cmd.actor, cmd.requestId);
    const now = ctx.clock.now();
    const result =
      participantId === null
        ? current.addParticipant(cmd.actor.accountId, uuidv7(), details, now)
        : current.updateParticipant(cmd.actor.accountId, participantId, details, now);
    await ctx.requests.save(current);
    await ctx.appendHistory(current.id, participantId === null ? 'participant-added' : 'participant-updated', cmd.actor.accountId, `${details.firstName} ${details.lastName}`);
    return { request: current, saved: result };
  });
  const duplicates = await ctx.readModel.duplicates(request.trainerAccountId, request.id, [saved.nameKey]);
  return { participant: ctx.participantView(saved, duplicates, null), duplicates: duplicates.get(saved.nameKey) ?? [] };
}

/** « Sauvegarder et ajouter » / « OK »: a participant already on another of the trainer's requests is flagged. */
@CommandHandler(AddParticipant)
export class AddParticipantHandler implements ICommandHandler<AddParticipant> {
  constructor(private readonly ctx: CardRequestsContext) {}

  execute(cmd: AddParticipant): Promise<ParticipantSaved> {
    return saveParticipant(this.ctx, cmd, null);
  }
}

@CommandHandler(UpdateParticipant)
export class UpdateParticipantHandler implements ICommandHandler<UpdateParticipant> {
  constructor(private readonly ctx: CardRequestsContext) {}

  execute(cmd: UpdateParticipant): Promise<ParticipantSaved> {
    return saveParticipant(this.ctx, cmd, cmd.participantId);
  }
}

@CommandHandler(RemoveParticipant)
export class RemoveParticipantHandler implements ICommandHandler<RemoveParticipant> {
  constructor(private readonly ctx: CardRequestsContext) {}

  async execute(cmd: RemoveParticipant): Promise<void> {
    await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request } = await this.ctx.load(cmd.actor, cmd.requestId);
      const participant = request.participant(cmd.participantId);
      request.removeParticipant(cmd.actor.accountId, cmd.participantId, this.ctx.clock.now());
      await this.ctx.requests.save(request);
      await this.ctx.appendHistory(request.id, 'participant-removed', cmd.actor.accountId, `${participant.firstName} ${participant.lastName}`);
    });
  }
}

/**
 * « Soumettre »: the price in force is kept, the request becomes `submitted` and records
 * `card-requests.card-request-submitted.v1` (the worker asks Billing for the invoice). A second press
 * (or a concurrent one) changes nothing and answers with the same state.
 */
@CommandHandler(SubmitCardRequest)
export class SubmitCardRequestHandler implements ICommandHandler<SubmitCardRequest> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly mail: MailOutbox,
  ) {}

  async execute(cmd: SubmitCardRequest): Promise<CardRequestDetail> {
    const lang = cmd.lang === 'en' ? 'en' : 'fr';
    const ref = await this.ctx.referenceData.load();
    const request = await inTransactionWithRetry(this.ctx.unitOfWork, async () => {
      const { request: current } = await this.ctx.load(cmd.actor, cmd.requestId);
      if (cmd.actor.staff) throw new CardRequestReadOnly();
      const now = this.ctx.clock.now();
      const changed = current.submit(cmd.actor.accountId, { method: cmd.method, billTo: cmd.billTo, unitPriceCents: ref.cardPriceCents, lang }, now);
      if (changed) {
        await this.ctx.requests.save(current);
        const payment = current.payment!;
        await this.ctx.appendHistory(current.id, 'submitted', cmd.actor.accountId, `${current.participants.length} × ${payment.unitPriceCents} ¢ (${payment.method})`);
        await this.mail.send(
          cardRequestSubmittedMail({
            ...this.ctx.mailInput(current),
            activityName: activityNameOf(ref, current.session.activityCode, lang),
            sessionEndDate: current.session.sessionEndDate,
            participantCount: current.participants.length,
            totalCents: payment.totalCents,
            method: payment.method,
          }),
        );
      }
      return current;
    });
    return this.ctx.detail(request, request.roleOf(cmd.actor.accountId) ?? 'trainer', lang);
  }
}
