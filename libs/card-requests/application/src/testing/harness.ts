import { CancelInvoice, IssueInvoice } from '@guichet/billing/contracts';
import {
  AddParticipant,
  CreateCardRequest,
  MarkCardRequestInvoiced,
  MarkCardRequestPaid,
  ProduceCards,
  ShipCardRequest,
  SubmitCardRequest,
  type CardRequestActor,
  type CardRequestDetail,
  type ParticipantInput,
  type SessionFieldsInput,
} from '@guichet/card-requests/contracts';
import { FixedClock } from '@guichet/shared/kernel';
import type { CommandBus } from '@nestjs/cqrs';
import {
  CancelCardRequestHandler,
  ImportParticipantsHandler,
  MarkCardRequestInvoicedHandler,
  MarkCardRequestPaidHandler,
  ProduceCardsHandler,
  ReissueCardHandler,
  ShipCardRequestHandler,
  UpdateReferenceDataHandler,
} from '../lib/commands/staff.handlers';
import {
  AddParticipantHandler,
  CreateCardRequestHandler,
  RemoveParticipantHandler,
  SubmitCardRequestHandler,
  UpdateCardRequestHandler,
  UpdateParticipantHandler,
} from '../lib/commands/trainer.handlers';
import { CancelInvoiceOnCancellation, IssueInvoiceOnSubmission, MarkInvoicedOnInvoiceIssued, MarkPaidOnInvoicePaid } from '../lib/consumers/card-requests.consumers';
import {
  GetCardRequestHandler,
  GetMyTrainerIdentityHandler,
  GetReferenceDataHandler,
  ListMyCardRequestsHandler,
  VerifyCardHandler,
} from '../lib/queries/card-requests-queries.handlers';
import { CardRequestsContext } from '../lib/shared/card-request-context';
import {
  CountingMailOutbox,
  FakeUnitOfWork,
  FixedLinkSettings,
  InMemoryCardRequestRepository,
  InMemoryReferenceDataStore,
  InMemorySequences,
  InMemoryTrainerRegistry,
  RecordingEvents,
  RecordingHistory,
  SequentialVerificationCodes,
  SnapshotCardRequestReadModel,
} from './fakes';

export const PUBLIC_URL = 'https://guichet.test';

/** Claude Éthier, the demo trainer (card 003-1234). */
export const TRAINER = {
  accountId: '0192e4a0-7d3c-7b2e-9f00-000000000001',
  cardNumber: '003-1234',
  firstName: 'Claude',
  lastName: 'Éthier',
  email: 'claude.ethier@exemple.test',
  certificationExpiresOn: '2028-12-31',
  active: true,
} as const;
/** A second trainer whose certification is valid. */
export const SECOND = {
  accountId: '0192e4a0-7d3c-7b2e-9f00-000000000002',
  cardNumber: '004-5678',
  firstName: 'Hélène',
  lastName: 'Côté-Bérubé',
  email: 'helene.cote@exemple.test',
  certificationExpiresOn: '2027-06-30',
  active: true,
} as const;
/** A trainer whose certification ended on 2026-01-31. */
export const EXPIRED = {
  accountId: '0192e4a0-7d3c-7b2e-9f00-000000000003',
  cardNumber: '005-0001',
  firstName: 'Marc',
  lastName: 'Tremblay',
  email: 'marc.tremblay@exemple.test',
  certificationExpiresOn: '2026-01-31',
  active: true,
} as const;
/** Another trainer, a stranger to the requests of the others. */
export const OTHER = {
  accountId: '0192e4a0-7d3c-7b2e-9f00-000000000004',
  cardNumber: '006-0002',
  firstName: 'Nadia',
  lastName: 'Roy',
  email: 'nadia.roy@exemple.test',
  certificationExpiresOn: '2029-01-01',
  active: true,
} as const;

export const asTrainer = (t: { accountId: string }): CardRequestActor => ({ accountId: t.accountId, staff: false, canAct: false });
export const CLERK: CardRequestActor = { accountId: '0192e4a0-7d3c-7b2e-9f00-0000000000c1', staff: true, canAct: true };
export const FINANCE: CardRequestActor = { accountId: '0192e4a0-7d3c-7b2e-9f00-0000000000f1', staff: true, canAct: false };

/** A valid « Fiche de la session » (the session ended before the harness's today, 2026-03-02). */
export function sessionInput(overrides: Partial<SessionFieldsInput> = {}): SessionFieldsInput {
  return {
    trainerEmail: TRAINER.email,
    secondTrainer: null,
    organizationTypeCode: 'club',
    organizationName: 'Club de plongée du Saguenay',
    accreditedInstitutionId: null,
    trainingLocation: 'Piscine du Cégep, Chicoutimi',
    activityCode: 'snorkel',
    sessionEndDate: '2026-02-27',
    delivery: { address: '100 rue Racine Est', city: 'Chicoutimi', postalCode: 'g7h1r9', attention: 'Trésorerie', email: 'Livraison@Club.test' },
    ...overrides,
  };
}

let participantCounter = 0;
export function participantInput(overrides: Partial<ParticipantInput> = {}): ParticipantInput {
  participantCounter++;
  return {
    title: 'mrs',
    firstName: 'Élodie',
    lastName: `Gagnon${'abcdefghijklmnopqrstuvwxyz'[participantCounter % 26]}`,
    birthDate: '2001-05-14',
    phone: '514 555-1234',
    extension: null,
    ...overrides,
  };
}

/** Billing's side of the commands the context sends, in memory. */
export class FakeBilling {
  readonly issued: IssueInvoice[] = [];
  readonly canceled: CancelInvoice[] = [];
  private readonly byReference = new Map<string, { invoiceId: string; number: string }>();
  failCancel = false;

  issue(cmd: IssueInvoice): { invoiceId: string; number: string } {
    this.issued.push(cmd);
    const key = `${cmd.reference.service}:${cmd.reference.id}`;
    const known = this.byReference.get(key);
    if (known) return known;
    const n = this.byReference.size + 1;
    const answer = { invoiceId: `0192e4a0-7d3c-7b2e-9f00-${String(n).padStart(12, '0')}`, number: `F-2026-${String(n).padStart(6, '0')}` };
    this.byReference.set(key, answer);
    return answer;
  }

  cancel(cmd: CancelInvoice): { creditNoteId: string | null } {
    if (this.failCancel) throw new Error('billing down');
    this.canceled.push(cmd);
    return { creditNoteId: null };
  }
}

/** Every handler wired to in-memory fakes sharing one clock (2026-03-02 09:00 in Montréal). */
export function harness() {
  const clock = new FixedClock('2026-03-02T14:00:00.000Z');
  const events = new RecordingEvents();
  const requests = new InMemoryCardRequestRepository(events);
  const sequences = new InMemorySequences();
  const referenceData = new InMemoryReferenceDataStore();
  const codes = new SequentialVerificationCodes();
  const registry = new InMemoryTrainerRegistry();
  [TRAINER, SECOND, EXPIRED, OTHER].forEach((t) => registry.add({ ...t }));
  const history = new RecordingHistory();
  const readModel = new SnapshotCardRequestReadModel(requests, history, referenceData);
  const links = new FixedLinkSettings(PUBLIC_URL);
  const unitOfWork = new FakeUnitOfWork();
  const mail = new CountingMailOutbox();
  const billing = new FakeBilling();
  const ctx = new CardRequestsContext(requests, sequences, referenceData, codes, registry, history, readModel, links, unitOfWork, clock);

  const markInvoiced = new MarkCardRequestInvoicedHandler(ctx);
  const markPaid = new MarkCardRequestPaidHandler(ctx);
  /** Routes our own commands to their handlers and Billing's to `FakeBilling`. */
  const commandBus = {
    execute: async (command: unknown): Promise<unknown> => {
      if (command instanceof IssueInvoice) return billing.issue(command);
      if (command instanceof CancelInvoice) return billing.cancel(command);
      if (command instanceof MarkCardRequestInvoiced) return markInvoiced.execute(command);
      if (command instanceof MarkCardRequestPaid) return markPaid.execute(command);
      throw new Error(`unexpected command ${String((command as object)?.constructor?.name)}`);
    },
  } as unknown as CommandBus;

  const h = {
    clock,
    events,
    requests,
    referenceData,
    codes,
    registry,
    history,
    readModel,
    unitOfWork,
    mail,
    billing,
    ctx,
    create: new CreateCardRequestHandler(ctx),
    update: new UpdateCardRequestHandler(ctx),
    addParticipant: new AddParticipantHandler(ctx),
    updateParticipant: new UpdateParticipantHandler(ctx),
    removeParticipant: new RemoveParticipantHandler(ctx),
    submit: new SubmitCardRequestHandler(ctx, mail),
    produce: new ProduceCardsHandler(ctx, mail),
    ship: new ShipCardRequestHandler(ctx, mail),
    cancel: new CancelCardRequestHandler(ctx, mail, commandBus),
    importParticipants: new ImportParticipantsHandler(ctx),
    reissue: new ReissueCardHandler(ctx),
    updateReferenceData: new UpdateReferenceDataHandler(ctx),
    markInvoiced,
    markPaid,
    get: new GetCardRequestHandler(ctx),
    listMine: new ListMyCardRequestsHandler(ctx),
    referenceDataQuery: new GetReferenceDataHandler(ctx),
    myIdentity: new GetMyTrainerIdentityHandler(ctx),
    verify: new VerifyCardHandler(ctx),
    onSubmitted: new IssueInvoiceOnSubmission(ctx, commandBus),
    onInvoiceIssued: new MarkInvoicedOnInvoiceIssued(ctx, commandBus),
    onInvoicePaid: new MarkPaidOnInvoicePaid(ctx, commandBus),
    onCanceled: new CancelInvoiceOnCancellation(ctx, commandBus),

    /** A draft of `TRAINER` (or of `overrides`' session) with `participants` participants. */
    async draft(participants = 0, session: Partial<SessionFieldsInput> = {}): Promise<CardRequestDetail> {
      const created = await h.create.execute(new CreateCardRequest(asTrainer(TRAINER), sessionInput(session), 'fr'));
      for (let i = 0; i < participants; i++) await h.addParticipant.execute(new AddParticipant(asTrainer(TRAINER), created.id, participantInput()));
      return created;
    },

    /** A submitted request (cheque by default), invoiced by Billing when `upTo` goes further. */
    async advance(upTo: 'submitted' | 'invoiced' | 'paid' | 'cards-produced' | 'shipped', participants = 2): Promise<string> {
      const { id } = await h.draft(participants);
      await h.submit.execute(new SubmitCardRequest(asTrainer(TRAINER), id, 'cheque', 'organization', 'fr'));
      if (upTo === 'submitted') return id;
      await h.markInvoiced.execute(new MarkCardRequestInvoiced(id, '0192e4a0-7d3c-7b2e-9f00-00000000aaaa', 'F-2026-000042'));
      if (upTo === 'invoiced') return id;
      await h.markPaid.execute(new MarkCardRequestPaid(id, '0192e4a0-7d3c-7b2e-9f00-00000000aaaa'));
      if (upTo === 'paid') return id;
      await h.produce.execute(new ProduceCards(CLERK, id));
      if (upTo === 'cards-produced') return id;
      await h.ship.execute(new ShipCardRequest(CLERK, id, 'TRK-1'));
      return id;
    },
  };
  return h;
}

export type Harness = ReturnType<typeof harness>;

/** The error of a rejection (code, kind, details), to compare in specs. */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; kind?: string; field?: unknown; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; kind?: string; details?: Record<string, unknown> };
    return { code: e.code ?? String(error), kind: e.kind, field: e.details?.['field'], reason: e.details?.['reason'] };
  }
  throw new Error('expected a rejection');
}
