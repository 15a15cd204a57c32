import { BillingReadModel, type InvoiceCsvRow, type PaymentCsvRow } from '@guichet/billing/application';
import type {
  BillingReference,
  BillTo,
  InvoiceDetail,
  InvoiceHistoryEntry,
  InvoiceKind,
  InvoiceLineView,
  InvoiceSearchFilters,
  InvoiceStatus,
  InvoiceSummary,
  PaymentMethod,
  PaymentState,
  PaymentView,
  Reconciliation,
  ReconciliationPayment,
  ReconciliationTotal,
  RefundView,
} from '@guichet/billing/contracts';
import { DEFAULT_TIME_ZONE } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { cents } from '../persistence/unique-violation';

interface SummaryRow {
  id: string;
  number: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  issued_at: Date;
  reference_service: BillingReference['service'];
  reference_id: string;
  bill_to: BillTo;
  payer_email: string;
  payer_account_id: string | null;
  lang: 'fr' | 'en';
  method: PaymentMethod | null;
  payable_until: Date | null;
  subtotal_cents: string;
  gst_cents: string;
  qst_cents: string;
  total_cents: string;
  paid_cents: string;
  refunded_cents: string;
  credited_cents: string;
  original_number: string | null;
  full_count?: string;
}

interface PaymentRow {
  id: string;
  invoice_id: string;
  method: PaymentMethod;
  state: PaymentState;
  amount_cents: string;
  refunded_cents: string;
  created_at: Date;
  confirmed_at: Date | null;
  label: string | null;
  next_action_url: string | null;
  failure_code: string | null;
  held_for_staff: boolean;
  invoice_number?: string;
  payer_account_id?: string | null;
  reference_service?: string;
}

interface RefundRow {
  id: string;
  payment_id: string;
  amount_cents: string;
  state: 'pending' | 'succeeded' | 'failed';
  reason: string;
  credit_note_id: string | null;
  credit_note_number: string | null;
  created_at: Date;
  invoice_number?: string;
  method?: PaymentMethod;
}

const SUMMARY_SELECT = `
  SELECT i.id, i.number, i.kind, i.status, i.issued_at, i.reference_service, i.reference_id, i.bill_to, i.payer_email,
         i.payer_account_id, i.lang, i.method, i.payable_until, i.subtotal_cents, i.gst_cents, i.qst_cents, i.total_cents,
         i.paid_cents, i.refunded_cents, i.credited_cents, o.number AS original_number
    FROM billing.invoices i
    LEFT JOIN billing.invoices o ON o.id = i.original_invoice_id`;

const PAYMENT_COLUMNS = `p.id, p.invoice_id, p.method, p.state, p.amount_cents, p.refunded_cents, p.created_at, p.confirmed_at, p.label,
  p.next_action_url, p.failure_code, p.held_for_staff`;

/** Instant where Quebec day `$n` starts (the finance desk's days). */
const dayStart = (param: string) => `(${param}::date::timestamp AT TIME ZONE '${DEFAULT_TIME_ZONE}')`;
const dayEnd = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE '${DEFAULT_TIME_ZONE}')`;

@Injectable()
export class SqlBillingReadModel extends BillingReadModel {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.unitOfWork.manager.query(sql, params);
  }

  async detail(invoiceId: string): Promise<InvoiceDetail | null> {
    const [row] = await this.query<SummaryRow>(`${SUMMARY_SELECT} WHERE i.id = $1`, [invoiceId]);
    if (row === undefined) return null;
    const [lines, payments, refunds, notes, history] = await Promise.all([
      this.query<Record<string, string | number>>(`SELECT * FROM billing.invoice_lines WHERE invoice_id = $1 ORDER BY position`, [invoiceId]),
      this.query<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM billing.payments p WHERE p.invoice_id = $1 ORDER BY p.created_at, p.id`, [invoiceId]),
      this.query<RefundRow>(`SELECT * FROM billing.refunds WHERE invoice_id = $1 ORDER BY created_at, id`, [invoiceId]),
      this.query<SummaryRow>(`${SUMMARY_SELECT} WHERE i.original_invoice_id = $1 ORDER BY i.issued_at, i.number`, [invoiceId]),
      this.query<{ at: Date; action: string; actor: string; amount_cents: string | null; details: string | null }>(
        `SELECT at, action, actor, amount_cents, details FROM billing.invoice_history WHERE invoice_id = $1 ORDER BY id`,
        [invoiceId],
      ),
    ]);
    const summary = toSummary(row);
    const lineViews: InvoiceLineView[] = lines.map((l) => ({
      productCode: String(l['product_code']),
      description: String(row.lang === 'en' ? l['description_en'] : l['description_fr']),
      quantity: Number(l['quantity']),
      unitPriceCents: cents(l['unit_price_cents']),
      amountCents: cents(l['amount_cents']),
      gstCents: cents(l['gst_cents']),
      qstCents: cents(l['qst_cents']),
    }));
    const historyViews: InvoiceHistoryEntry[] = history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      actor: h.actor,
      amountCents: h.amount_cents === null ? null : cents(h.amount_cents),
      details: h.details,
    }));
    return {
      ...summary,
      lang: row.lang,
      payerAccountId: row.payer_account_id,
      billTo: row.bill_to,
      lines: lineViews,
      subtotalCents: cents(row.subtotal_cents),
      gstCents: cents(row.gst_cents),
      qstCents: cents(row.qst_cents),
      paidCents: cents(row.paid_cents) - cents(row.refunded_cents),
      creditedCents: cents(row.credited_cents),
      payableUntil: row.payable_until?.toISOString() ?? null,
      payments: payments.map(toPaymentView),
      refunds: refunds.map(toRefundView),
      creditNotes: notes.map(toSummary),
      history: historyViews,
    };
  }

  async listForPayer(accountId: string): Promise<readonly InvoiceSummary[]> {
    const rows = await this.query<SummaryRow>(`${SUMMARY_SELECT} WHERE i.payer_account_id = $1 ORDER BY i.issued_at DESC, i.number DESC`, [accountId]);
    return rows.map(toSummary);
  }

  async findByReference(reference: BillingReference): Promise<InvoiceSummary | null> {
    const [row] = await this.query<SummaryRow>(
      `${SUMMARY_SELECT} WHERE i.kind = 'invoice' AND i.reference_service = $1 AND i.reference_id = $2`,
      [reference.service, reference.id],
    );
    return row === undefined ? null : toSummary(row);
  }

  async payment(paymentId: string): Promise<{ view: PaymentView; payerAccountId: string | null } | null> {
    const [row] = await this.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS}, i.payer_account_id FROM billing.payments p JOIN billing.invoices i ON i.id = p.invoice_id WHERE p.id = $1`,
      [paymentId],
    );
    return row === undefined ? null : { view: toPaymentView(row), payerAccountId: row.payer_account_id ?? null };
  }

  async search(filters: InvoiceSearchFilters & { page: number; pageSize: number }): Promise<{ items: readonly InvoiceSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filters.status) add((p) => `i.status = ${p}`, filters.status);
    if (filters.kind) add((p) => `i.kind = ${p}`, filters.kind);
    if (filters.method) {
      add((p) => `(i.method = ${p} OR EXISTS (SELECT 1 FROM billing.payments m WHERE m.invoice_id = i.id AND m.method = ${p}))`, filters.method);
    }
    if (filters.service) add((p) => `i.reference_service = ${p}`, filters.service);
    if (filters.from) add((p) => `i.issued_at >= ${dayStart(p)}`, filters.from);
    if (filters.to) add((p) => `i.issued_at < ${dayEnd(p)}`, filters.to);
    if (filters.payer) {
      add(
        (p) => `(i.payer_email ILIKE ${p} OR (i.bill_to ->> 'name') ILIKE ${p} OR i.number ILIKE ${p})`,
        `%${filters.payer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    }
    params.push(filters.pageSize, (filters.page - 1) * filters.pageSize);
    const rows = await this.query<SummaryRow>(
      `SELECT s.*, count(*) OVER () AS full_count FROM (${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) s
        ORDER BY s.issued_at DESC, s.number DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0].full_count) : 0;
    if (rows.length === 0 && filters.page > 1) {
      const [count] = await this.query<{ n: string }>(
        `SELECT count(*) AS n FROM billing.invoices i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params.slice(0, -2),
      );
      total = Number(count.n);
    }
    return { items: rows.map(toSummary), total };
  }

  async heldPayments(): Promise<readonly (PaymentView & { invoiceNumber: string })[]> {
    const rows = await this.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS}, i.number AS invoice_number FROM billing.payments p JOIN billing.invoices i ON i.id = p.invoice_id
        WHERE p.held_for_staff AND p.state IN ('confirmed', 'partially-refunded') ORDER BY p.confirmed_at, p.id`,
    );
    return rows.map((row) => ({ ...toPaymentView(row), invoiceNumber: row.invoice_number ?? '' }));
  }

  async reconciliation(date: string): Promise<Reconciliation> {
    const payments = await this.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS}, i.number AS invoice_number, i.reference_service FROM billing.payments p JOIN billing.invoices i ON i.id = p.invoice_id
        WHERE p.confirmed_at >= ${dayStart('$1')} AND p.confirmed_at < ${dayEnd('$1')}
          AND p.state IN ('confirmed', 'partially-refunded', 'refunded')
        ORDER BY p.confirmed_at, p.id`,
      [date],
    );
    const refunds = await this.query<RefundRow>(
      `SELECT r.*, i.number AS invoice_number FROM billing.refunds r JOIN billing.invoices i ON i.id = r.invoice_id
        WHERE r.state = 'succeeded' AND r.completed_at >= ${dayStart('$1')} AND r.completed_at < ${dayEnd('$1')}
        ORDER BY r.completed_at, r.id`,
      [date],
    );
    const items: ReconciliationPayment[] = payments.map((p) => ({
      paymentId: p.id,
      invoiceId: p.invoice_id,
      invoiceNumber: p.invoice_number ?? '',
      service: p.reference_service ?? '',
      method: p.method,
      amountCents: cents(p.amount_cents),
      label: p.label,
      confirmedAt: (p.confirmed_at as Date).toISOString(),
    }));
    const paymentsCents = items.reduce((sum, p) => sum + p.amountCents, 0);
    const refundsCents = refunds.reduce((sum, r) => sum + cents(r.amount_cents), 0);
    return {
      date,
      byMethod: groupBy(items, (p) => p.method),
      byService: groupBy(items, (p) => p.service),
      refunds: refunds.map((r) => ({ ...toRefundView(r), invoiceNumber: r.invoice_number ?? '', method: r.method as PaymentMethod })),
      paymentsCents,
      refundsCents,
      netCents: paymentsCents - refundsCents,
    };
  }

  async invoiceRows(from: string, to: string): Promise<readonly InvoiceCsvRow[]> {
    const rows = await this.query<SummaryRow>(
      `${SUMMARY_SELECT} WHERE i.issued_at >= ${dayStart('$1')} AND i.issued_at < ${dayEnd('$2')} ORDER BY i.issued_at, i.number`,
      [from, to],
    );
    return rows.map((row) => {
      const s = toSummary(row);
      return {
        number: s.number,
        kind: s.kind,
        status: s.status,
        issuedAt: s.issuedAt,
        service: s.reference.service,
        referenceId: s.reference.id,
        billToName: s.billToName,
        payerEmail: s.payerEmail,
        method: s.method,
        subtotalCents: cents(row.subtotal_cents),
        gstCents: cents(row.gst_cents),
        qstCents: cents(row.qst_cents),
        totalCents: s.totalCents,
        balanceCents: s.balanceCents,
        originalInvoiceNumber: s.originalInvoiceNumber,
      };
    });
  }

  async paymentRows(from: string, to: string): Promise<readonly PaymentCsvRow[]> {
    const rows = await this.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS}, i.number AS invoice_number, i.reference_service FROM billing.payments p JOIN billing.invoices i ON i.id = p.invoice_id
        WHERE p.created_at >= ${dayStart('$1')} AND p.created_at < ${dayEnd('$2')} ORDER BY p.created_at, p.id`,
      [from, to],
    );
    return rows.map((p) => ({
      paymentId: p.id,
      invoiceNumber: p.invoice_number ?? '',
      service: p.reference_service ?? '',
      method: p.method,
      state: p.state,
      amountCents: cents(p.amount_cents),
      refundedCents: cents(p.refunded_cents),
      createdAt: p.created_at.toISOString(),
      confirmedAt: p.confirmed_at?.toISOString() ?? null,
      label: p.label,
    }));
  }
}

function toSummary(row: SummaryRow): InvoiceSummary {
  const total = cents(row.total_cents);
  const balance = row.kind === 'credit-note' ? 0 : total - cents(row.credited_cents) - (cents(row.paid_cents) - cents(row.refunded_cents));
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    issuedAt: row.issued_at.toISOString(),
    reference: { service: row.reference_service, id: row.reference_id },
    billToName: row.bill_to?.name ?? '',
    payerEmail: row.payer_email,
    method: row.method,
    totalCents: total,
    balanceCents: balance,
    originalInvoiceNumber: row.original_number,
  };
}

function toPaymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    method: row.method,
    state: row.state,
    amountCents: cents(row.amount_cents),
    refundedCents: cents(row.refunded_cents),
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    label: row.label,
    nextActionUrl: row.next_action_url,
    failureCode: row.failure_code,
    heldForStaff: row.held_for_staff,
  };
}

function toRefundView(row: RefundRow): RefundView {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amountCents: cents(row.amount_cents),
    state: row.state,
    reason: row.reason,
    creditNoteId: row.credit_note_id ?? '',
    creditNoteNumber: row.credit_note_number ?? '',
    createdAt: row.created_at.toISOString(),
  };
}

function groupBy(items: readonly ReconciliationPayment[], key: (p: ReconciliationPayment) => string): ReconciliationTotal[] {
  const groups = new Map<string, ReconciliationPayment[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, payments]) => ({ key: k, count: payments.length, totalCents: payments.reduce((sum, p) => sum + p.amountCents, 0), payments }));
}
