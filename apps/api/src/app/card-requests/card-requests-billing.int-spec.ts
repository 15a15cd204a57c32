// CardRequests and the real Billing wired side by side, as the app composes them (the flows between the
// two go through Billing's contracts and events only).
import { BillingInfrastructureModule, billingMigrations } from '@guichet/billing/infrastructure';
import { InvoicePaidV1, RecordManualPayment, type InvoiceIssuedV1 } from '@guichet/billing/contracts';
import {
  CancelInvoiceOnCancellation,
  IssueInvoiceOnSubmission,
  MarkInvoicedOnInvoiceIssued,
  MarkPaidOnInvoicePaid,
  TrainerRegistry,
  type TrainerRecord,
} from '@guichet/card-requests/application';
import {
  AddParticipant,
  CancelCardRequest,
  CardRequestSubmittedV1,
  CreateCardRequest,
  GetCardRequest,
  ListMyCardRequests,
  ProduceCards,
  SearchParticipants,
  ShipCardRequest,
  SubmitCardRequest,
  UpdateCardRequest,
  VerifyCard,
  ReissueCard,
  type CardRequestActor,
  type CardRequestDetail,
  type SessionFieldsInput,
} from '@guichet/card-requests/contracts';
import { AppConfig, loadAppConfig } from '@guichet/shared/config';
import { MailModule, mailMigrations } from '@guichet/shared/mail';
import { MessagingModule, messagingMigrations } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { uuidv7, type IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CardRequestsInfrastructureModule, cardRequestsMigrations } from '@guichet/card-requests/infrastructure';
import { createTestDatabase } from '@guichet/shared/persistence/testing';

@Global()
@Module({})
class TestConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: TestConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}


/** The registry the app sees: each test adds its own trainers (see `newTrainers`). */
const TRAINERS: TrainerRecord[] = [];
class FakeRegistry extends TrainerRegistry {
  async findByCardNumber(card: string) {
    return TRAINERS.find((t) => t.cardNumber === card) ?? null;
  }
  async findByAccountId(id: string) {
    return TRAINERS.find((t) => t.accountId === id) ?? null;
  }
}

/** A test's own trainers, on a card series no other test uses: A (the request's) and B (the second trainer). */
interface Trainers {
  readonly a: CardRequestActor;
  readonly b: CardRequestActor;
  readonly aCard: string;
  readonly bCard: string;
}

let lastSeries = 100;
function newTrainers(): Trainers {
  const series = String(++lastSeries);
  const a = { accountId: uuidv7(), cardNumber: `${series}-1234`, firstName: 'Claude', lastName: 'Éthier', email: 'claude@exemple.test' };
  const b = { accountId: uuidv7(), cardNumber: `${series}-5678`, firstName: 'Hélène', lastName: 'Côté', email: 'helene@exemple.test' };
  TRAINERS.push({ ...a, certificationExpiresOn: '2030-01-01', active: true }, { ...b, certificationExpiresOn: '2030-01-01', active: true });
  return {
    a: { accountId: a.accountId, staff: false, canAct: false },
    b: { accountId: b.accountId, staff: false, canAct: false },
    aCard: a.cardNumber,
    bCard: b.cardNumber,
  };
}

const PARTICIPANTS: [string, string][] = [
  ['Marie-Ève', 'Tremblay'],
  ['Jean', 'Roy'],
  ['Luc', 'Gagnon'],
];

const CLERK: CardRequestActor = { accountId: uuidv7(), staff: true, canAct: true };

const SESSION: SessionFieldsInput = {
  trainerEmail: 'claude@exemple.test',
  secondTrainer: null,
  organizationTypeCode: 'enterprise',
  organizationName: 'Acme inc.',
  accreditedInstitutionId: null,
  trainingLocation: 'Québec',
  activityCode: 'pdsb',
  sessionEndDate: '2026-01-15',
  delivery: { address: '12 rue des Érables', city: 'Québec', postalCode: 'g1r2b5', attention: 'Claude Éthier', email: 'cartes@exemple.test' },
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a rejection');
}

function envelope<T>(payload: T): IntegrationEventEnvelope<never> {
  return { messageId: uuidv7(), eventName: 'x.y.v1', occurredAt: new Date().toISOString(), payload } as unknown as IntegrationEventEnvelope<never>;
}

describe('Card requests on PostgreSQL, through the buses, with Billing', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestingModule;
  let commands: CommandBus;
  let queries: QueryBus;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('card_requests');
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      PUBLIC_URL: 'https://guichet.test',
      SESSION_SECRET: `card-requests-integration-secret-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    });
    app = await Test.createTestingModule({
      imports: [
        TestConfigModule.with(config),
        PersistenceModule.forRoot({
          url: database.url,
          migrations: [...messagingMigrations, ...mailMigrations, ...billingMigrations, ...cardRequestsMigrations],
          poolSize: 10,
        }),
        MessagingModule.forRoot({ role: 'api', redisUrl: '' }),
        MailModule.forRoot({ role: 'api' }),
        CqrsModule.forRoot(),
        BillingInfrastructureModule,
        CardRequestsInfrastructureModule,
      ],
    })
      .overrideProvider(TrainerRegistry)
      .useValue(new FakeRegistry())
      .compile();
    app.useLogger(process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error']);
    await app.init();
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function outboxOf(name: string, requestId: string): Promise<IntegrationEventEnvelope<never>[]> {
    const rows: { id: string; event_name: string; occurred_at: Date; payload: unknown }[] = await db.query(
      `SELECT * FROM messaging.outbox WHERE event_name = $1 AND payload->>'requestId' = $2`,
      [name, requestId],
    );
    return rows.map((r) => ({ messageId: r.id, eventName: r.event_name, occurredAt: new Date(r.occurred_at).toISOString(), payload: r.payload }) as never);
  }

  /** The last number given in each year of a series (`request`: D-…, `card`: C-…), to know the next one. */
  async function lastNumbers(series: 'request' | 'card'): Promise<Map<number, number>> {
    const rows: { year: number; last: number }[] = await db.query(`SELECT year, last FROM card_requests.number_counters WHERE series = $1`, [series]);
    return new Map(rows.map((r) => [Number(r.year), Number(r.last)]));
  }

  /** `D-2026-000007` → the number `after` it in its year's series, given the last numbers before. */
  function expectNext(number: string, before: Map<number, number>, after = 1): void {
    const [, year] = number.split('-');
    const expected = (before.get(Number(year)) ?? 0) + after;
    expect(number.slice(-6)).toBe(String(expected).padStart(6, '0'));
  }

  /** A draft of trainer A naming B as second trainer, with three participants. */
  async function draftOfThree(t: Trainers): Promise<CardRequestDetail> {
    const draft: CardRequestDetail = await commands.execute(
      new CreateCardRequest(t.a, { ...SESSION, secondTrainer: { cardNumber: t.bCard, firstName: 'helene', lastName: 'COTE' } }),
    );
    for (const [first, last] of PARTICIPANTS) {
      await commands.execute(new AddParticipant(t.a, draft.id, { title: 'mx', firstName: first, lastName: last, birthDate: '1990-05-04', phone: '514 555-1234', extension: null }));
    }
    return draft;
  }

  /** The flow of the submission test, without its checks: submitted, invoiced by Billing, paid by cheque. */
  async function paidRequest(t: Trainers): Promise<CardRequestDetail> {
    const draft = await draftOfThree(t);
    await commands.execute(new SubmitCardRequest(t.a, draft.id, 'cheque', 'organization', 'fr'));
    const [submitted] = await outboxOf(CardRequestSubmittedV1.eventName, draft.id);
    await app.get(IssueInvoiceOnSubmission).handle(submitted);
    const [invoice]: { id: string; number: string }[] = await db.query(
      `SELECT id, number FROM billing.invoices WHERE reference_service = 'card-requests' AND reference_id = $1`,
      [draft.id],
    );
    const issued: InvoiceIssuedV1 = { invoiceId: invoice.id, number: invoice.number, kind: 'invoice', reference: { service: 'card-requests', id: draft.id }, totalCents: 600, method: 'cheque', originalInvoiceId: null };
    await app.get(MarkInvoicedOnInvoiceIssued).handle(envelope(issued));
    await commands.execute(new RecordManualPayment(CLERK.accountId, invoice.id, 'cheque', 600, '2026-01-20', '000123'));
    const [paid]: { payload: unknown }[] = await db.query(`SELECT payload FROM messaging.outbox WHERE event_name = $1 AND payload->'reference'->>'id' = $2`, [
      InvoicePaidV1.eventName,
      draft.id,
    ]);
    await app.get(MarkPaidOnInvoicePaid).handle(envelope(paid.payload));
    const detail: CardRequestDetail = await queries.execute(new GetCardRequest(CLERK, draft.id));
    expect(detail.status).toBe('paid');
    return detail;
  }

  it('creates a draft, refuses bad fields with their field, adds participants and flags duplicates', async () => {
    const t = newTrainers();
    const before = await lastNumbers('request');
    const request: CardRequestDetail = await commands.execute(
      new CreateCardRequest(t.a, { ...SESSION, secondTrainer: { cardNumber: t.bCard, firstName: 'helene', lastName: 'COTE' } }),
    );
    expect(request).toMatchObject({ status: 'draft', editable: true, role: 'trainer', trainer: { cardNumber: t.aCard }, delivery: { postalCode: 'G1R 2B5' } });
    expect(request.number).toMatch(/^D-\d{4}-\d{6}$/);
    expectNext(request.number, before);
    const error = await commands.execute(new UpdateCardRequest(t.a, request.id, { ...SESSION, sessionEndDate: '2999-01-01' })).catch((e) => e);
    expect(error.details).toMatchObject({ field: 'sessionEndDate' });
    for (const [first, last] of PARTICIPANTS) {
      await commands.execute(new AddParticipant(t.a, request.id, { title: 'mx', firstName: first, lastName: last, birthDate: '1990-05-04', phone: '514 555-1234', extension: null }));
    }
    const other = await commands.execute(new CreateCardRequest(t.a, SESSION));
    const saved = await commands.execute(
      new AddParticipant(t.a, other.id, { title: 'mrs', firstName: 'marie eve', lastName: 'TREMBLAY', birthDate: '1990-05-04', phone: '418-555-0000', extension: '12' }),
    );
    expect(saved.duplicates).toEqual([{ requestId: request.id, number: request.number, sessionEndDate: '2026-01-15' }]);
  });

  it('keeps trainer B out, and shows the request read-only to the second trainer', async () => {
    const t = newTrainers();
    const request = await draftOfThree(t);
    const stranger = { ...t.b, accountId: uuidv7() };
    expect(await codeOf(queries.execute(new GetCardRequest(stranger, request.id)))).toBe('CARD_REQUESTS.NOT_FOUND');
    expect(await codeOf(commands.execute(new SubmitCardRequest(stranger, request.id, 'cheque', 'individual', 'fr')))).toBe('CARD_REQUESTS.NOT_FOUND');
    expect(await codeOf(commands.execute(new UpdateCardRequest(stranger, request.id, SESSION)))).toBe('CARD_REQUESTS.NOT_FOUND');
    const seen = await queries.execute(new GetCardRequest(t.b, request.id));
    expect(seen).toMatchObject({ role: 'second-trainer', editable: false, history: [] });
    expect(await codeOf(commands.execute(new SubmitCardRequest(t.b, request.id, 'cheque', 'individual', 'fr')))).toBe('CARD_REQUESTS.READ_ONLY');
    expect((await queries.execute(new ListMyCardRequests(t.b.accountId))).map((r) => r.role)).toEqual(['second-trainer']);
  });

  it('submits twice concurrently: one event, one invoice, then invoiced and paid through Billing', async () => {
    const t = newTrainers();
    const request = await draftOfThree(t);
    const [one, two] = await Promise.all([
      commands.execute(new SubmitCardRequest(t.a, request.id, 'cheque', 'organization', 'fr')),
      commands.execute(new SubmitCardRequest(t.a, request.id, 'cheque', 'organization', 'fr')),
    ]);
    expect(one.status).toBe('submitted');
    expect(two.status).toBe('submitted');
    expect(one.payment).toEqual({ method: 'cheque', billTo: 'organization', unitPriceCents: 200, totalCents: 600 });
    const events = await outboxOf(CardRequestSubmittedV1.eventName, request.id);
    expect(events).toHaveLength(1);
    // The worker, twice (redelivery): one invoice at Billing.
    await app.get(IssueInvoiceOnSubmission).handle(events[0]);
    await app.get(IssueInvoiceOnSubmission).handle(events[0]);
    const invoices: { id: string; number: string; total_cents: string }[] = await db.query(
      `SELECT id, number, total_cents FROM billing.invoices WHERE reference_service = 'card-requests' AND reference_id = $1`,
      [request.id],
    );
    expect(invoices).toHaveLength(1);
    expect(Number(invoices[0].total_cents)).toBe(600);
    let detail: CardRequestDetail = await queries.execute(new GetCardRequest(CLERK, request.id));
    expect(detail).toMatchObject({ status: 'invoiced', invoice: { id: invoices[0].id, number: invoices[0].number } });
    const issued: InvoiceIssuedV1 = { invoiceId: invoices[0].id, number: invoices[0].number, kind: 'invoice', reference: { service: 'card-requests', id: request.id }, totalCents: 600, method: 'cheque', originalInvoiceId: null };
    await app.get(MarkInvoicedOnInvoiceIssued).handle(envelope(issued));
    // Finance records the cheque; Billing's invoice-paid event makes the request paid.
    await commands.execute(new RecordManualPayment(CLERK.accountId, invoices[0].id, 'cheque', 600, '2026-01-20', '000123'));
    const paid: { payload: unknown }[] = await db.query(`SELECT payload FROM messaging.outbox WHERE event_name = $1 AND payload->'reference'->>'id' = $2`, [
      InvoicePaidV1.eventName,
      request.id,
    ]);
    expect(paid).toHaveLength(1);
    await app.get(MarkPaidOnInvoicePaid).handle(envelope(paid[0].payload));
    await app.get(MarkPaidOnInvoicePaid).handle(envelope(paid[0].payload));
    detail = await queries.execute(new GetCardRequest(CLERK, request.id));
    expect(detail.status).toBe('paid');
    expect(detail.history.map((h) => h.action)).toEqual(expect.arrayContaining(['created', 'submitted', 'invoiced', 'paid']));
  });

  it('produces the cards (numbers, codes, expiry), verifies, reissues and ships', async () => {
    const request = await paidRequest(newTrainers());
    const before = await lastNumbers('card');
    const finance: CardRequestActor = { accountId: uuidv7(), staff: true, canAct: false };
    expect(await codeOf(commands.execute(new ProduceCards(finance, request.id)))).toBe('CARD_REQUESTS.FORBIDDEN');
    const produced: CardRequestDetail = await commands.execute(new ProduceCards(CLERK, request.id));
    expect(produced.status).toBe('cards-produced');
    const cards = produced.participants.map((p) => p.card as NonNullable<typeof p.card>);
    // The year's next three numbers, one per participant.
    expect(cards.map((c) => c.cardNumber)).toEqual([1, 2, 3].map(() => expect.stringMatching(/^C-\d{4}-\d{6}$/)));
    cards.forEach((c, i) => expectNext(c.cardNumber, before, i + 1));
    cards.forEach((c) => expect(c.verificationCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/));
    expect(cards[0].expiresOn).toBe('2029-01-15');
    expect(await queries.execute(new VerifyCard(cards[0].verificationCode))).toEqual({
      valid: true,
      initials: 'M. T.',
      activityName: 'Déplacement sécuritaire des bénéficiaires (PDSB)',
      sessionEndDate: '2026-01-15',
      expiresOn: '2029-01-15',
      status: 'valid',
    });
    const hits = await queries.execute(new SearchParticipants({ lastName: 'tremblay', firstName: 'MARIE EVE' }));
    expect(hits.map((h) => h.requestId)).toContain(request.id);
    const reissued = await commands.execute(new ReissueCard(CLERK, request.id, produced.participants[0].id));
    expect(reissued.cardNumber).toMatch(/^C-\d{4}-\d{6}$/);
    expectNext(reissued.cardNumber, before, 4);
    expect((await queries.execute(new VerifyCard(cards[0].verificationCode)))?.status).toBe('revoked');
    const shipped: CardRequestDetail = await commands.execute(new ShipCardRequest(CLERK, request.id, 'CP123'));
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: 'CP123' });
    expect(await codeOf(commands.execute(new CancelCardRequest(CLERK, request.id, 'trop tard')))).toBe('CARD_REQUESTS.INVALID_STATUS');
    const mails: { key: string }[] = await db.query(`SELECT key FROM mail.idempotency_keys WHERE key LIKE $1`, [`%:${request.id}`]);
    expect(mails.map((m) => m.key).sort()).toEqual([
      `card-requests.cards-produced:${request.id}`,
      `card-requests.shipped:${request.id}`,
      `card-requests.submitted:${request.id}`,
    ]);
  });

  it('cancels an invoiced request: canceled, and Billing credits the invoice', async () => {
    const { a } = newTrainers();
    const r: CardRequestDetail = await commands.execute(new CreateCardRequest(a, SESSION));
    await commands.execute(new AddParticipant(a, r.id, { title: 'mr', firstName: 'Paul', lastName: 'Roy', birthDate: '1980-01-01', phone: '5145551234', extension: null }));
    await commands.execute(new SubmitCardRequest(a, r.id, 'deposit', 'individual', 'en'));
    const [submitted] = await outboxOf(CardRequestSubmittedV1.eventName, r.id);
    await app.get(IssueInvoiceOnSubmission).handle(submitted);
    const canceled: CardRequestDetail = await commands.execute(new CancelCardRequest(CLERK, r.id, 'Demande en double'));
    expect(canceled).toMatchObject({ status: 'canceled', canceledReason: 'Demande en double' });
    const [invoice]: { status: string }[] = await db.query(`SELECT status FROM billing.invoices WHERE kind = 'invoice' AND reference_id = $1`, [r.id]);
    expect(invoice.status).toBe('canceled');
    const [event] = await outboxOf('card-requests.card-request-canceled.v1', r.id);
    await app.get(CancelInvoiceOnCancellation).handle(event);
  });
});
