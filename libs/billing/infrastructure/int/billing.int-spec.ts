import {
  ApplyGatewayEvent,
  CancelInvoice,
  ExportInvoicesCsv,
  GetInvoice,
  GetReconciliation,
  IssueInvoice,
  ListHeldPayments,
  PayByCard,
  RecordManualPayment,
  RefundPayment,
  SearchInvoices,
  SetProductTaxes,
  type BillingActor,
  type BillingReference,
  type BillTo,
  type InvoiceDetail,
  type PaymentView,
  type RefundView,
} from '@guichet/billing/contracts';
import { uuidv7 } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CountingPaymentGateway, createTestDatabase, startBillingContext } from './support/billing-test-context';

const BILL_TO: BillTo = { kind: 'individual', name: 'Camille Tremblay', address: { line1: '12 rue des Érables', city: 'Québec', postalCode: 'G1R 2B5' } };
const FINANCE: BillingActor = { accountId: '0192e4a0-7d3c-7b2e-9f00-0000000000f1', finance: true };
const CLERK = FINANCE.accountId;
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal', year: 'numeric' }).format(new Date());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a rejection');
}

describe('Billing on PostgreSQL, through the command bus', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestingModule;
  let commands: CommandBus;
  let queries: QueryBus;
  let db: DataSource;
  const gateway = new CountingPaymentGateway();
  const payerId = uuidv7();
  const payer: BillingActor = { accountId: payerId, finance: false };

  beforeAll(async () => {
    database = await createTestDatabase('billing');
    app = await startBillingContext(database.url, gateway);
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  beforeEach(() => {
    gateway.chargeOutcome = 'processing';
    gateway.refundOutcome = 'succeeded';
  });

  function issue(reference: BillingReference, unitPriceCents = 2000, payableUntil: Date | null = null) {
    return commands.execute(
      new IssueInvoice(
        reference,
        { accountId: payerId, email: 'camille@exemple.qc.ca', lang: 'fr' },
        BILL_TO,
        [{ productCode: 'seats.seat', description: { fr: 'Place de cours', en: 'Course seat' }, quantity: 1, unitPriceCents }],
        'card',
        payableUntil,
        null,
      ),
    );
  }

  const ref = (service: BillingReference['service'] = 'seats'): BillingReference => ({ service, id: uuidv7() });
  const detail = (id: string): Promise<InvoiceDetail> => queries.execute(new GetInvoice(FINANCE, id));
  const outbox = async (eventName: string, invoiceId: string): Promise<Record<string, unknown>[]> =>
    (await db.query(`SELECT payload FROM messaging.outbox WHERE event_name = $1 AND payload ->> 'invoiceId' = $2`, [eventName, invoiceId])).map(
      (r: { payload: Record<string, unknown> }) => r.payload,
    );

  it('numbers 40 concurrent invoices 1..40 with no gap and no repeat; a rolled-back issue gives its number back', async () => {
    // Counted from the year's last number before the test (0 when it runs first): the other tests issue invoices too.
    const [counter]: { last: number }[] = await db.query(`SELECT last FROM billing.invoice_number_counters WHERE series = 'invoice' AND year = $1`, [Number(YEAR)]);
    const last = counter?.last ?? 0;
    const results = await Promise.all(Array.from({ length: 40 }, () => issue(ref('registrations'))));
    const sequences = results.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => last + i + 1));
    expect(results.every((r) => r.number.startsWith(`F-${YEAR}-`))).toBe(true);

    const unitOfWork = app.get(TypeOrmUnitOfWork);
    const rolledBack = ref('registrations');
    await expect(
      unitOfWork.run(async () => {
        await issue(rolledBack);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.query(`SELECT 1 FROM billing.invoices WHERE reference_id = $1`, [rolledBack.id])).toHaveLength(0);
    const next = await issue(ref('registrations'));
    expect(next.number).toBe(`F-${YEAR}-${String(last + 41).padStart(6, '0')}`);
  });

  it('issues one invoice per reference, however many times it is asked', async () => {
    const reference = ref('card-requests');
    const [a, b, c] = await Promise.all([issue(reference), issue(reference), issue(reference)]);
    expect(new Set([a.invoiceId, b.invoiceId, c.invoiceId]).size).toBe(1);
    const again = await issue(reference);
    expect(again).toEqual(a);
    const rows = await db.query(`SELECT id FROM billing.invoices WHERE reference_service = 'card-requests' AND reference_id = $1`, [reference.id]);
    expect(rows).toHaveLength(1);
    expect(await outbox('billing.invoice-issued.v1', a.invoiceId)).toEqual([
      expect.objectContaining({ number: a.number, reference, totalCents: 2000, kind: 'invoice' }),
    ]);
  });

  it('computes GST and QST per line from the product rates, half-up', async () => {
    await commands.execute(new SetProductTaxes(CLERK, 'seats.taxed', 5000, 9975));
    const { invoiceId } = await commands.execute(
      new IssueInvoice(
        ref(),
        { accountId: payerId, email: 'camille@exemple.qc.ca', lang: 'en' },
        BILL_TO,
        [
          { productCode: 'seats.taxed', description: { fr: 'Place', en: 'Seat' }, quantity: 3, unitPriceCents: 1999 },
          { productCode: 'unknown', description: { fr: 'Frais', en: 'Fee' }, quantity: 1, unitPriceCents: 200 },
        ],
        null,
        null,
        null,
      ),
    );
    const invoice = await detail(invoiceId);
    // 59.97 $: GST 2.9985 → 3.00, QST 5.982 → 5.98; the fee is not taxed.
    expect(invoice.lines.map((l) => [l.description, l.amountCents, l.gstCents, l.qstCents])).toEqual([
      ['Seat', 5997, 300, 598],
      ['Fee', 200, 0, 0],
    ]);
    expect([invoice.subtotalCents, invoice.gstCents, invoice.qstCents, invoice.totalCents, invoice.balanceCents]).toEqual([6197, 300, 598, 7095, 7095]);
  });

  it('makes one payment and one charge out of 50 concurrent PayByCard with one key', async () => {
    const { invoiceId } = await issue(ref());
    const before = gateway.charges.length;
    const key = `key-${uuidv7()}`;
    const views: PaymentView[] = await Promise.all(Array.from({ length: 50 }, () => commands.execute(new PayByCard(payer, invoiceId, 'tok_visa', key))));
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(gateway.charges.length - before).toBe(1);
    expect(await db.query(`SELECT id FROM billing.payments WHERE invoice_id = $1`, [invoiceId])).toHaveLength(1);
    // Another key while that one is in flight.
    expect(await codeOf(commands.execute(new PayByCard(payer, invoiceId, 'tok_other', `key-${uuidv7()}`)))).toBe('BILLING.PAYMENT_IN_PROGRESS');
    // Someone else's invoice does not exist for them.
    expect(await codeOf(commands.execute(new PayByCard({ accountId: uuidv7(), finance: false }, invoiceId, 'tok_x', `k-${uuidv7()}`)))).toBe(
      'BILLING.INVOICE_NOT_FOUND',
    );
  });

  it('refuses a card payment below 5 $', async () => {
    const { invoiceId } = await issue(ref(), 499);
    expect(await codeOf(commands.execute(new PayByCard(payer, invoiceId, 'tok_visa', `key-${uuidv7()}`)))).toBe('BILLING.CARD_MINIMUM');
    expect(await db.query(`SELECT id FROM billing.payments WHERE invoice_id = $1`, [invoiceId])).toHaveLength(0);
  });

  it('applies the same callback once, and never moves a payment backwards', async () => {
    const { invoiceId } = await issue(ref());
    const payment: PaymentView = await commands.execute(new PayByCard(payer, invoiceId, 'tok_visa', `key-${uuidv7()}`));
    expect(payment).toMatchObject({ state: 'pending', label: 'visa •••• 4242' });
    const chargeId = gateway.charges.some((c) => c.request.reference === payment.id) ? (await db.query(`SELECT provider_id FROM billing.payments WHERE id = $1`, [payment.id]))[0].provider_id : null;
    expect(chargeId).toMatch(/^ch_/);
    const succeeded = new ApplyGatewayEvent(`evt_${uuidv7()}`, 'charge.succeeded', chargeId, payment.id, null, new Date());
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await commands.execute(succeeded));
    // Delivered late, out of order: a failure after the confirmation.
    results.push(await commands.execute(new ApplyGatewayEvent(`evt_${uuidv7()}`, 'charge.failed', chargeId, payment.id, 'card_declined', new Date(Date.now() - 60_000))));
    expect(results.map((r) => r.applied)).toEqual([true, false, false, false]);
    const invoice = await detail(invoiceId);
    expect(invoice.status).toBe('paid');
    expect(invoice.payments[0]).toMatchObject({ state: 'confirmed', failureCode: null });
    expect(await outbox('billing.invoice-paid.v1', invoiceId)).toHaveLength(1);
    expect(await outbox('billing.payment-failed.v1', invoiceId)).toHaveLength(0);
    expect(invoice.history.filter((h) => h.action === 'payment-confirmed')).toHaveLength(1);

    // Refunded, then a replayed success with a new event id: the refund stands.
    const refund: RefundView = await commands.execute(new RefundPayment(CLERK, payment.id, 2000, 'Annulation du cours', `r-${uuidv7()}`));
    expect(refund.state).toBe('succeeded');
    const late = await commands.execute(new ApplyGatewayEvent(`evt_${uuidv7()}`, 'charge.succeeded', chargeId, payment.id, null, new Date()));
    expect(late.applied).toBe(false);
    expect((await detail(invoiceId)).payments[0].state).toBe('refunded');
  });

  it('holds and refunds a payment confirmed after the invoice was canceled, never paying the invoice', async () => {
    const reference = ref();
    const { invoiceId } = await issue(reference);
    const payment: PaymentView = await commands.execute(new PayByCard(payer, invoiceId, 'tok_visa', `key-${uuidv7()}`));
    const canceled = await commands.execute(new CancelInvoice(reference, 'Commande expirée', false, null));
    expect(canceled.creditNoteId).not.toBeNull();
    const refundsBefore = gateway.refunds.length;
    const [{ provider_id: chargeId }] = await db.query(`SELECT provider_id FROM billing.payments WHERE id = $1`, [payment.id]);
    const applied = await commands.execute(new ApplyGatewayEvent(`evt_${uuidv7()}`, 'charge.succeeded', chargeId, payment.id, null, new Date()));
    expect(applied.applied).toBe(true);
    expect(gateway.refunds.length - refundsBefore).toBe(1);
    const invoice = await detail(invoiceId);
    expect(invoice.status).toBe('canceled');
    expect(invoice.payments[0]).toMatchObject({ state: 'refunded', refundedCents: 2000 });
    expect(invoice.refunds).toEqual([expect.objectContaining({ state: 'succeeded', amountCents: 2000, creditNoteNumber: expect.stringMatching(/^NC-\d{4}-\d{6}$/) })]);
    expect(invoice.creditNotes).toHaveLength(2);
    expect(invoice.history.map((h) => h.action)).toEqual(expect.arrayContaining(['held-for-staff', 'refunded']));
    expect(await outbox('billing.invoice-paid.v1', invoiceId)).toHaveLength(0);
    expect(await outbox('billing.refund-issued.v1', invoiceId)).toHaveLength(1);
  });

  it('keeps a late payment held for staff when the automatic refund cannot be made', async () => {
    const { invoiceId } = await issue(ref(), 2500, new Date(Date.now() + 60_000));
    const payment: PaymentView = await commands.execute(new PayByCard(payer, invoiceId, 'tok_visa', `key-${uuidv7()}`));
    gateway.refundOutcome = 'network';
    const [{ provider_id: chargeId }] = await db.query(`SELECT provider_id FROM billing.payments WHERE id = $1`, [payment.id]);
    // Confirmed by the provider after the order's deadline.
    await commands.execute(new ApplyGatewayEvent(`evt_${uuidv7()}`, 'charge.succeeded', chargeId, payment.id, null, new Date(Date.now() + 120_000)));
    const invoice = await detail(invoiceId);
    expect(invoice.status).toBe('issued');
    expect(invoice.balanceCents).toBe(2500);
    expect(invoice.payments[0]).toMatchObject({ state: 'confirmed', heldForStaff: true });
    const held = await queries.execute(new ListHeldPayments());
    expect(held).toEqual(expect.arrayContaining([expect.objectContaining({ id: payment.id, invoiceNumber: invoice.number })]));
    // The failed attempt released its amount: staff refund it once the provider answers again.
    gateway.refundOutcome = 'succeeded';
    const refund: RefundView = await commands.execute(new RefundPayment(CLERK, payment.id, 2500, 'Paiement tardif', `r-${uuidv7()}`));
    expect(refund).toMatchObject({ state: 'succeeded', creditNoteNumber: expect.stringMatching(/^NC-/) });
    const after = await queries.execute(new ListHeldPayments());
    expect(after.map((p: PaymentView) => p.id)).not.toContain(payment.id);
    expect((await detail(invoiceId)).status).toBe('issued');
  });

  it('records a cheque: paid, invoice-paid in the outbox; over-payment and a duplicate cheque refused', async () => {
    const { invoiceId } = await issue(ref('card-requests'), 3000);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' }).format(new Date());
    expect(await codeOf(commands.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 3001, today, '100')))).toBe('BILLING.OVERPAYMENT');
    const first: PaymentView = await commands.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1000, today, '100'));
    expect(first).toMatchObject({ state: 'confirmed', label: '100', method: 'cheque' });
    expect(await codeOf(commands.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1000, today, '100')))).toBe('BILLING.DUPLICATE_PAYMENT');
    expect(await outbox('billing.invoice-paid.v1', invoiceId)).toHaveLength(0);
    await commands.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 2000, today, '101'));
    const invoice = await detail(invoiceId);
    expect([invoice.status, invoice.balanceCents, invoice.paidCents]).toEqual(['paid', 0, 3000]);
    expect(await outbox('billing.invoice-paid.v1', invoiceId)).toEqual([expect.objectContaining({ number: invoice.number, totalCents: 3000 })]);
    expect(await codeOf(commands.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1, today, '102')))).toBe('BILLING.NOTHING_DUE');

    const reconciliation = await queries.execute(new GetReconciliation(today));
    const cheques = reconciliation.byMethod.find((t: { key: string }) => t.key === 'cheque');
    expect(cheques?.payments.map((p: { paymentId: string }) => p.paymentId)).toContain(first.id);
    const csv: string = await queries.execute(new ExportInvoicesCsv(today, today));
    expect(csv.startsWith('\uFEFFNuméro;Type;Statut')).toBe(true);
    expect(csv).toContain(`${invoice.number};Facture;Payée`);
    expect(csv).toContain(';30,00;');
  });

  it('refunds part of a payment with a credit note of its own number', async () => {
    const { invoiceId } = await issue(ref(), 5000);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' }).format(new Date());
    const payment: PaymentView = await commands.execute(new RecordManualPayment(CLERK, invoiceId, 'deposit', 5000, today, 'VIR-77'));
    const key = `refund-${uuidv7()}`;
    const [a, b] = await Promise.all([
      commands.execute(new RefundPayment(CLERK, payment.id, 1500, 'Rabais', key)),
      commands.execute(new RefundPayment(CLERK, payment.id, 1500, 'Rabais', key)),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.creditNoteNumber).toMatch(new RegExp(`^NC-${YEAR}-\\d{6}$`));
    expect(await codeOf(commands.execute(new RefundPayment(CLERK, payment.id, 3501, 'Trop', `refund-${uuidv7()}`)))).toBe('BILLING.REFUND_EXCEEDS_PAYMENT');
    const invoice = await detail(invoiceId);
    expect(invoice.status).toBe('paid');
    expect(invoice.balanceCents).toBe(0);
    expect(invoice.creditedCents).toBe(1500);
    expect(invoice.payments[0]).toMatchObject({ state: 'partially-refunded', refundedCents: 1500 });
    expect(invoice.creditNotes).toEqual([expect.objectContaining({ id: a.creditNoteId, number: a.creditNoteNumber, totalCents: 1500, originalInvoiceNumber: invoice.number })]);
    expect(await outbox('billing.refund-issued.v1', invoiceId)).toEqual([expect.objectContaining({ refundId: a.id, amountCents: 1500, creditNoteNumber: a.creditNoteNumber })]);
    const found = await queries.execute(new SearchInvoices({ payer: invoice.number }));
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([invoiceId]);
    const notes = await queries.execute(new SearchInvoices({ kind: 'credit-note', payer: a.creditNoteNumber }));
    expect(notes.total).toBe(1);
  });
});
