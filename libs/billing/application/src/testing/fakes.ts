import type {
  BillingReference,
  InvoiceDetail,
  InvoiceSearchFilters,
  InvoiceSummary,
  PaymentView,
  Reconciliation,
} from '@guichet/billing/contracts';
import {
  DuplicatePayment,
  IdempotencyKeyTaken,
  Invoice,
  InvoiceAlreadyIssued,
  InvoiceNotFound,
  InvoiceNumberSequence,
  InvoiceRepository,
  Payment,
  PaymentInProgress,
  PaymentNotFound,
  PaymentRepository,
  Refund,
  RefundRepository,
  type InvoiceReference,
  type InvoiceSnapshot,
  type NumberSeries,
  type PaymentSnapshot,
  type RefundSnapshot,
  type TaxRates,
} from '@guichet/billing/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { DomainError, LocalDate, type DomainEvent } from '@guichet/shared/kernel';
import { billingIntegrationEvents, type BillingOutgoingEvent } from '../lib/integration-events/billing-integration-events';
import {
  BillingReadModel,
  InvoiceHistory,
  PayerDirectory,
  ProcessedGatewayEvents,
  ProductTaxRates,
  type HistoryRecord,
  type InvoiceCsvRow,
  type PaymentCsvRow,
} from '../lib/ports/billing-ports';
import {
  GatewayUnavailable,
  PaymentGateway,
  type CreateChargeRequest,
  type CreatePaypalOrderRequest,
  type GatewayCharge,
  type GatewayChargeStatus,
  type GatewayPaypalOrder,
  type GatewayRefund,
  type HostedCardPageRequest,
  type RefundRequest,
} from '../lib/ports/payment-gateway';
import { paymentView, refundView } from '../lib/shared/views';

/** Like the persistence lib's `ConcurrentUpdate`, same code. */
export class FakeConcurrentUpdate extends DomainError {
  readonly code = 'PERSISTENCE.CONCURRENT_UPDATE';
  readonly kind = 'conflict';
  constructor() {
    super({ fr: 'Conflit.', en: 'Conflict.' });
  }
}

/** Shared outbox of the in-memory repositories. */
export class RecordingOutbox {
  readonly events: BillingOutgoingEvent[] = [];

  add(domainEvents: readonly DomainEvent[]): void {
    this.events.push(...domainEvents.flatMap(billingIntegrationEvents));
  }

  named(eventName: string): BillingOutgoingEvent[] {
    return this.events.filter((e) => e.eventName === eventName);
  }
}

abstract class SnapshotStore<S extends { id: string; version: number }, A extends { id: string; version: number; toSnapshot(): S; pullEvents(): DomainEvent[]; markPersisted(v?: number): void }> {
  readonly rows = new Map<string, S>();

  constructor(protected readonly outbox: RecordingOutbox) {}

  protected abstract restore(snapshot: S): A;
  protected abstract checkUnique(snapshot: S, others: S[]): void;

  protected load(predicate: (row: S) => boolean): A | null {
    const row = [...this.rows.values()].find(predicate);
    return row === undefined ? null : this.restore(row);
  }

  protected loadAll(predicate: (row: S) => boolean): A[] {
    return [...this.rows.values()].filter(predicate).map((row) => this.restore(row));
  }

  protected store(aggregate: A): void {
    const stored = this.rows.get(aggregate.id);
    if ((stored?.version ?? 0) !== aggregate.version) throw new FakeConcurrentUpdate();
    const snapshot = aggregate.toSnapshot();
    this.checkUnique(snapshot, [...this.rows.values()].filter((row) => row.id !== snapshot.id));
    this.rows.set(snapshot.id, { ...snapshot, version: aggregate.version + 1 });
    this.outbox.add(aggregate.pullEvents());
    aggregate.markPersisted();
  }
}

export class InMemoryInvoiceRepository extends SnapshotStore<InvoiceSnapshot, Invoice> implements InvoiceRepository {
  protected restore(snapshot: InvoiceSnapshot): Invoice {
    return Invoice.restore(snapshot);
  }

  protected checkUnique(s: InvoiceSnapshot, others: InvoiceSnapshot[]): void {
    if (s.kind !== 'invoice') return;
    if (others.some((o) => o.kind === 'invoice' && o.reference.service === s.reference.service && o.reference.id === s.reference.id)) {
      throw new InvoiceAlreadyIssued();
    }
  }

  async get(id: string): Promise<Invoice> {
    const found = await this.findById(id);
    if (found === null) throw new InvoiceNotFound();
    return found;
  }

  async findById(id: string): Promise<Invoice | null> {
    return this.load((row) => row.id === id);
  }

  async findByReference(reference: InvoiceReference): Promise<Invoice | null> {
    return this.load((row) => row.kind === 'invoice' && row.reference.service === reference.service && row.reference.id === reference.id);
  }

  async save(invoice: Invoice): Promise<void> {
    this.store(invoice);
  }

  stored(id: string): InvoiceSnapshot {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no invoice ${id}`);
    return row;
  }
}

export class InMemoryPaymentRepository extends SnapshotStore<PaymentSnapshot, Payment> implements PaymentRepository {
  protected restore(snapshot: PaymentSnapshot): Payment {
    return Payment.restore(snapshot);
  }

  protected checkUnique(s: PaymentSnapshot, others: PaymentSnapshot[]): void {
    if (s.idempotencyKey !== null && others.some((o) => o.idempotencyKey === s.idempotencyKey)) throw new IdempotencyKeyTaken();
    const open = (p: PaymentSnapshot) => (p.state === 'pending' || p.state === 'requires-action') && (p.method === 'card' || p.method === 'paypal');
    if (open(s) && others.some((o) => o.invoiceId === s.invoiceId && open(o))) throw new PaymentInProgress();
    if (
      s.manualReference !== null &&
      others.some((o) => o.invoiceId === s.invoiceId && o.method === s.method && o.manualReference?.toLowerCase() === s.manualReference?.toLowerCase())
    ) {
      throw new DuplicatePayment();
    }
  }

  async get(id: string): Promise<Payment> {
    const found = await this.findById(id);
    if (found === null) throw new PaymentNotFound();
    return found;
  }

  async findById(id: string): Promise<Payment | null> {
    return this.load((row) => row.id === id);
  }

  async findByIdempotencyKey(key: string): Promise<Payment | null> {
    return this.load((row) => row.idempotencyKey === key);
  }

  async findByProviderId(providerId: string): Promise<Payment | null> {
    return this.load((row) => row.providerId === providerId);
  }

  async listByInvoice(invoiceId: string): Promise<Payment[]> {
    return this.loadAll((row) => row.invoiceId === invoiceId);
  }

  async save(payment: Payment): Promise<void> {
    this.store(payment);
  }

  stored(id: string): PaymentSnapshot {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no payment ${id}`);
    return row;
  }
}

export class InMemoryRefundRepository extends SnapshotStore<RefundSnapshot, Refund> implements RefundRepository {
  protected restore(snapshot: RefundSnapshot): Refund {
    return Refund.restore(snapshot);
  }

  protected checkUnique(s: RefundSnapshot, others: RefundSnapshot[]): void {
    if (others.some((o) => o.idempotencyKey === s.idempotencyKey)) throw new IdempotencyKeyTaken();
  }

  async findById(id: string): Promise<Refund | null> {
    return this.load((row) => row.id === id);
  }

  async findByIdempotencyKey(key: string): Promise<Refund | null> {
    return this.load((row) => row.idempotencyKey === key);
  }

  async findByProviderId(providerRefundId: string): Promise<Refund | null> {
    return this.load((row) => row.providerRefundId === providerRefundId);
  }

  async listByPayment(paymentId: string): Promise<Refund[]> {
    return this.loadAll((row) => row.paymentId === paymentId);
  }

  async save(refund: Refund): Promise<void> {
    this.store(refund);
  }
}

export class SequentialInvoiceNumbers extends InvoiceNumberSequence {
  private readonly last = new Map<string, number>();

  async next(series: NumberSeries, year: number): Promise<number> {
    const key = `${series}-${year}`;
    const value = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, value);
    return value;
  }
}

export class InMemoryProductTaxRates extends ProductTaxRates {
  readonly rates = new Map<string, TaxRates>();

  async ratesFor(productCodes: readonly string[]): Promise<ReadonlyMap<string, TaxRates>> {
    return new Map(productCodes.filter((c) => this.rates.has(c)).map((c) => [c, this.rates.get(c) as TaxRates]));
  }

  async set(productCode: string, rates: TaxRates): Promise<void> {
    this.rates.set(productCode, rates);
  }
}

export class RecordingHistory extends InvoiceHistory {
  readonly entries: (HistoryRecord & { invoiceId: string })[] = [];

  async append(invoiceId: string, record: HistoryRecord): Promise<void> {
    this.entries.push({ invoiceId, ...record });
  }

  actions(invoiceId: string): string[] {
    return this.entries.filter((e) => e.invoiceId === invoiceId).map((e) => e.action);
  }
}

export class InMemoryProcessedEvents extends ProcessedGatewayEvents {
  readonly ids = new Set<string>();

  async markProcessed(eventId: string): Promise<boolean> {
    if (this.ids.has(eventId)) return false;
    this.ids.add(eventId);
    return true;
  }
}

export class FakePayerDirectory extends PayerDirectory {
  readonly accounts = new Map<string, string>();

  async findAccountIdByEmail(email: string): Promise<string | null> {
    return this.accounts.get(email.trim().toLowerCase()) ?? null;
  }
}

export class FakeUnitOfWork extends UnitOfWork {
  runs = 0;
  private depth = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    this.depth++;
    try {
      return await work();
    } finally {
      this.depth--;
    }
  }

  get active(): boolean {
    return this.depth > 0;
  }
}

/** The provider, in memory: idempotent by key, outcomes set by the test, every call counted. */
export class FakePaymentGateway extends PaymentGateway {
  readonly charges: { request: CreateChargeRequest; key: string; charge: GatewayCharge }[] = [];
  readonly refunds: { request: RefundRequest; key: string }[] = [];
  readonly captures: string[] = [];
  chargeStatus: GatewayChargeStatus | 'network' = 'processing';
  refundOutcome: 'succeeded' | 'pending' | 'failed' | 'network' = 'succeeded';
  captureStatus: GatewayPaypalOrder['status'] | 'network' = 'COMPLETED';
  private n = 0;

  hostedCardPageUrl(request: HostedCardPageRequest): string {
    const q = new URLSearchParams({ amount: String(request.amountCents), lang: request.lang, return_url: request.returnUrl, cancel_url: request.cancelUrl });
    return `https://sandbox.test/hosted/card?${q.toString()}`;
  }

  async createCharge(request: CreateChargeRequest, key: string): Promise<GatewayCharge> {
    const known = this.charges.find((c) => c.key === key);
    if (known) return known.charge;
    if (this.chargeStatus === 'network') throw new GatewayUnavailable('502');
    const charge: GatewayCharge = {
      id: `ch_${++this.n}`,
      status: this.chargeStatus,
      amountCents: request.amountCents,
      reference: request.reference,
      brand: 'visa',
      last4: '4242',
      nextActionUrl: this.chargeStatus === 'requires_action' ? 'https://sandbox.test/hosted/challenge/1' : null,
      failureCode: this.chargeStatus === 'failed' ? 'card_declined' : null,
    };
    this.charges.push({ request, key, charge });
    return charge;
  }

  async getCharge(chargeId: string): Promise<GatewayCharge> {
    const found = this.charges.find((c) => c.charge.id === chargeId);
    if (!found) throw new Error('unknown charge');
    return found.charge;
  }

  async createPaypalOrder(request: CreatePaypalOrderRequest): Promise<GatewayPaypalOrder> {
    const id = `PP-${++this.n}`;
    return { id, status: 'CREATED', amountCents: request.amountCents, reference: request.reference, approveUrl: `https://sandbox.test/paypal/checkout/${id}`, payerLabel: null };
  }

  async capturePaypalOrder(orderId: string): Promise<GatewayPaypalOrder> {
    if (this.captureStatus === 'network') throw new GatewayUnavailable('502');
    this.captures.push(orderId);
    return { id: orderId, status: this.captureStatus, amountCents: 0, reference: '', approveUrl: null, payerLabel: 'p***@exemple.test' };
  }

  async refund(request: RefundRequest, key: string): Promise<GatewayRefund> {
    if (this.refundOutcome === 'network') throw new GatewayUnavailable('502');
    this.refunds.push({ request, key });
    return { id: `re_${++this.n}`, status: this.refundOutcome, amountCents: request.amountCents };
  }
}

/** The read side computed from the in-memory repositories (what the SQL read model answers). */
export class SnapshotBillingReadModel extends BillingReadModel {
  constructor(
    private readonly invoices: InMemoryInvoiceRepository,
    private readonly payments: InMemoryPaymentRepository,
    private readonly refunds: InMemoryRefundRepository,
    private readonly history: RecordingHistory,
  ) {
    super();
  }

  private summary(s: InvoiceSnapshot): InvoiceSummary {
    const original = s.originalInvoiceId ? this.invoices.rows.get(s.originalInvoiceId) : undefined;
    return {
      id: s.id,
      number: s.number,
      kind: s.kind,
      status: s.status,
      issuedAt: s.issuedAt.toISOString(),
      reference: s.reference,
      billToName: s.billTo.name,
      payerEmail: s.payer.email,
      method: s.method,
      totalCents: s.totalCents,
      balanceCents: Invoice.restore(s).balanceCents,
      originalInvoiceNumber: original?.number ?? null,
    };
  }

  async detail(invoiceId: string): Promise<InvoiceDetail | null> {
    const s = this.invoices.rows.get(invoiceId);
    if (!s) return null;
    const payments = [...this.payments.rows.values()].filter((p) => p.invoiceId === invoiceId).map((p) => paymentView(Payment.restore(p)));
    const refunds = [...this.refunds.rows.values()].filter((r) => r.invoiceId === invoiceId).map((r) => refundView(Refund.restore(r)));
    return {
      ...this.summary(s),
      lang: s.payer.lang,
      payerAccountId: s.payer.accountId,
      billTo: s.billTo as InvoiceDetail['billTo'],
      lines: s.lines.map((l) => ({
        productCode: l.productCode,
        description: s.payer.lang === 'en' ? l.descriptionEn : l.descriptionFr,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        amountCents: l.amountCents,
        gstCents: l.gstCents,
        qstCents: l.qstCents,
      })),
      subtotalCents: s.subtotalCents,
      gstCents: s.gstCents,
      qstCents: s.qstCents,
      paidCents: s.paidCents - s.refundedCents,
      creditedCents: s.creditedCents,
      payableUntil: s.payableUntil?.toISOString() ?? null,
      payments,
      refunds,
      creditNotes: [...this.invoices.rows.values()].filter((n) => n.originalInvoiceId === invoiceId).map((n) => this.summary(n)),
      history: this.history.entries
        .filter((e) => e.invoiceId === invoiceId)
        .map((e) => ({ at: e.at.toISOString(), action: e.action, actor: e.actor, amountCents: e.amountCents, details: e.details })),
    };
  }

  async listForPayer(accountId: string): Promise<readonly InvoiceSummary[]> {
    return [...this.invoices.rows.values()]
      .filter((s) => s.payer.accountId === accountId)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || b.number.localeCompare(a.number))
      .map((s) => this.summary(s));
  }

  async findByReference(reference: BillingReference): Promise<InvoiceSummary | null> {
    const s = [...this.invoices.rows.values()].find((r) => r.kind === 'invoice' && r.reference.service === reference.service && r.reference.id === reference.id);
    return s ? this.summary(s) : null;
  }

  async payment(paymentId: string): Promise<{ view: PaymentView; payerAccountId: string | null } | null> {
    const p = this.payments.rows.get(paymentId);
    if (!p) return null;
    return { view: paymentView(Payment.restore(p)), payerAccountId: this.invoices.rows.get(p.invoiceId)?.payer.accountId ?? null };
  }

  async search(filters: InvoiceSearchFilters & { page: number; pageSize: number }): Promise<{ items: readonly InvoiceSummary[]; total: number }> {
    const text = filters.payer?.toLowerCase();
    const all = [...this.invoices.rows.values()]
      .filter((s) => !filters.status || s.status === filters.status)
      .filter((s) => !filters.kind || s.kind === filters.kind)
      .filter((s) => !filters.service || s.reference.service === filters.service)
      .filter((s) => !text || [s.payer.email, s.billTo.name, s.number].some((v) => v.toLowerCase().includes(text)))
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || b.number.localeCompare(a.number));
    const start = (filters.page - 1) * filters.pageSize;
    return { items: all.slice(start, start + filters.pageSize).map((s) => this.summary(s)), total: all.length };
  }

  async heldPayments(): Promise<readonly (PaymentView & { invoiceNumber: string })[]> {
    return [...this.payments.rows.values()]
      .filter((p) => p.heldForStaff && (p.state === 'confirmed' || p.state === 'partially-refunded'))
      .map((p) => ({ ...paymentView(Payment.restore(p)), invoiceNumber: this.invoices.rows.get(p.invoiceId)?.number ?? '' }));
  }

  async reconciliation(date: string): Promise<Reconciliation> {
    const onDay = (d: Date | null) => d !== null && LocalDate.fromInstant(d).toString() === date;
    const items = [...this.payments.rows.values()]
      .filter((p) => onDay(p.confirmedAt))
      .map((p) => ({
        paymentId: p.id,
        invoiceId: p.invoiceId,
        invoiceNumber: this.invoices.rows.get(p.invoiceId)?.number ?? '',
        service: p.reference.service,
        method: p.method,
        amountCents: p.amountCents,
        label: p.label,
        confirmedAt: (p.confirmedAt as Date).toISOString(),
      }));
    const group = (key: (i: (typeof items)[number]) => string) =>
      [...new Set(items.map(key))].sort().map((k) => {
        const payments = items.filter((i) => key(i) === k);
        return { key: k, count: payments.length, totalCents: payments.reduce((s, p) => s + p.amountCents, 0), payments };
      });
    const refunds = [...this.refunds.rows.values()].filter((r) => r.state === 'succeeded' && onDay(r.completedAt));
    const paymentsCents = items.reduce((s, p) => s + p.amountCents, 0);
    const refundsCents = refunds.reduce((s, r) => s + r.amountCents, 0);
    return {
      date,
      byMethod: group((i) => i.method),
      byService: group((i) => i.service),
      refunds: refunds.map((r) => ({ ...refundView(Refund.restore(r)), invoiceNumber: this.invoices.rows.get(r.invoiceId)?.number ?? '', method: r.method })),
      paymentsCents,
      refundsCents,
      netCents: paymentsCents - refundsCents,
    };
  }

  async invoiceRows(): Promise<readonly InvoiceCsvRow[]> {
    return [...this.invoices.rows.values()].map((s) => {
      const summary = this.summary(s);
      return {
        number: s.number,
        kind: s.kind,
        status: s.status,
        issuedAt: summary.issuedAt,
        service: s.reference.service,
        referenceId: s.reference.id,
        billToName: s.billTo.name,
        payerEmail: s.payer.email,
        method: s.method,
        subtotalCents: s.subtotalCents,
        gstCents: s.gstCents,
        qstCents: s.qstCents,
        totalCents: s.totalCents,
        balanceCents: summary.balanceCents,
        originalInvoiceNumber: summary.originalInvoiceNumber,
      };
    });
  }

  async paymentRows(): Promise<readonly PaymentCsvRow[]> {
    return [...this.payments.rows.values()].map((p) => ({
      paymentId: p.id,
      invoiceNumber: this.invoices.rows.get(p.invoiceId)?.number ?? '',
      service: p.reference.service,
      method: p.method,
      state: p.state,
      amountCents: p.amountCents,
      refundedCents: p.refundedCents,
      createdAt: p.createdAt.toISOString(),
      confirmedAt: p.confirmedAt?.toISOString() ?? null,
      label: p.label,
    }));
  }
}
