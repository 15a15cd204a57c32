import { billingIntegrationEvents } from '@guichet/billing/application';
import {
  Invoice,
  InvoiceAlreadyIssued,
  InvoiceNotFound,
  InvoiceRepository,
  type BillToInfo,
  type InvoiceReference,
  type InvoiceSnapshot,
  type PaymentMethodName,
} from '@guichet/billing/domain';
import type { DomainEvent, Lang } from '@guichet/shared/kernel';
import { Outbox, OutboxAggregateRepository, type OutgoingEvent, type SaveVersions } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BILLING_UNIQUE_INDEXES } from '../billing.migration';
import { cents, uniqueViolationOf } from './unique-violation';

interface InvoiceRow {
  id: string;
  version: number;
  number: string;
  kind: 'invoice' | 'credit-note';
  status: 'issued' | 'paid' | 'canceled';
  reference_service: InvoiceReference['service'];
  reference_id: string;
  payer_account_id: string | null;
  payer_email: string;
  lang: Lang;
  bill_to: BillToInfo;
  method: PaymentMethodName | null;
  payable_until: Date | null;
  issued_at: Date;
  issued_by: string | null;
  original_invoice_id: string | null;
  reason: string | null;
  subtotal_cents: string;
  gst_cents: string;
  qst_cents: string;
  total_cents: string;
  paid_cents: string;
  refunded_cents: string;
  credited_cents: string;
  paid_at: Date | null;
  canceled_at: Date | null;
}

interface LineRow {
  product_code: string;
  description_fr: string;
  description_en: string;
  quantity: number;
  unit_price_cents: string;
  amount_cents: string;
  gst_milli_percent: number;
  qst_milli_percent: number;
  gst_cents: string;
  qst_cents: string;
}

/** Invoices and credit notes in `billing.invoices` (lines in `billing.invoice_lines`), events to the outbox. */
@Injectable()
export class TypeOrmInvoiceRepository extends OutboxAggregateRepository<Invoice> implements InvoiceRepository {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  async get(id: string): Promise<Invoice> {
    const invoice = await this.findById(id);
    if (invoice === null) throw new InvoiceNotFound();
    return invoice;
  }

  findById(id: string): Promise<Invoice | null> {
    return this.findOne(`id = $1`, [id]);
  }

  findByReference(reference: InvoiceReference): Promise<Invoice | null> {
    return this.findOne(`kind = 'invoice' AND reference_service = $1 AND reference_id = $2`, [reference.service, reference.id]);
  }

  async save(invoice: Invoice): Promise<void> {
    try {
      await this.saveWithEvents(invoice);
    } catch (error) {
      if (uniqueViolationOf(error) === BILLING_UNIQUE_INDEXES.invoiceReference) throw new InvoiceAlreadyIssued();
      throw error;
    }
  }

  protected async persist(invoice: Invoice, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    const s = invoice.toSnapshot();
    if (expected !== 0) {
      await updateVersioned(
        manager,
        { table: 'billing.invoices', id: s.id, expectedVersion: expected },
        {
          status: s.status,
          paid_cents: s.paidCents,
          refunded_cents: s.refundedCents,
          credited_cents: s.creditedCents,
          paid_at: s.paidAt,
          canceled_at: s.canceledAt,
          updated_at: new Date(),
        },
      );
      return;
    }
    await manager.query(
      `INSERT INTO billing.invoices (id, version, number, kind, status, reference_service, reference_id, payer_account_id, payer_email,
         lang, bill_to, method, payable_until, issued_at, issued_by, original_invoice_id, reason, subtotal_cents, gst_cents, qst_cents,
         total_cents, paid_cents, refunded_cents, credited_cents, paid_at, canceled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
      [
        s.id,
        next,
        s.number,
        s.kind,
        s.status,
        s.reference.service,
        s.reference.id,
        s.payer.accountId,
        s.payer.email,
        s.payer.lang,
        JSON.stringify(s.billTo),
        s.method,
        s.payableUntil,
        s.issuedAt,
        s.issuedBy,
        s.originalInvoiceId,
        s.reason,
        s.subtotalCents,
        s.gstCents,
        s.qstCents,
        s.totalCents,
        s.paidCents,
        s.refundedCents,
        s.creditedCents,
        s.paidAt,
        s.canceledAt,
      ],
    );
    await manager.query(
      `INSERT INTO billing.invoice_lines (invoice_id, position, product_code, description_fr, description_en, quantity, unit_price_cents,
         amount_cents, gst_milli_percent, qst_milli_percent, gst_cents, qst_cents)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::bigint[], $9::int[], $10::int[],
         $11::bigint[], $12::bigint[])`,
      [
        s.id,
        s.lines.map((_, i) => i + 1),
        s.lines.map((l) => l.productCode),
        s.lines.map((l) => l.descriptionFr),
        s.lines.map((l) => l.descriptionEn),
        s.lines.map((l) => l.quantity),
        s.lines.map((l) => l.unitPriceCents),
        s.lines.map((l) => l.amountCents),
        s.lines.map((l) => l.gstMilliPercent),
        s.lines.map((l) => l.qstMilliPercent),
        s.lines.map((l) => l.gstCents),
        s.lines.map((l) => l.qstCents),
      ],
    );
  }

  protected toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[] {
    return billingIntegrationEvents(event);
  }

  private async findOne(where: string, params: unknown[]): Promise<Invoice | null> {
    const manager = this.unitOfWork.manager;
    const [row]: InvoiceRow[] = await manager.query(`SELECT * FROM billing.invoices WHERE ${where}`, params);
    if (row === undefined) return null;
    const lines: LineRow[] = await manager.query(`SELECT * FROM billing.invoice_lines WHERE invoice_id = $1 ORDER BY position`, [row.id]);
    return Invoice.restore(toSnapshot(row, lines));
  }
}

function toSnapshot(row: InvoiceRow, lines: LineRow[]): InvoiceSnapshot {
  return {
    id: row.id,
    version: row.version,
    number: row.number,
    kind: row.kind,
    status: row.status,
    reference: { service: row.reference_service, id: row.reference_id },
    payer: { accountId: row.payer_account_id, email: row.payer_email, lang: row.lang },
    billTo: row.bill_to,
    method: row.method,
    payableUntil: row.payable_until,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    originalInvoiceId: row.original_invoice_id,
    reason: row.reason,
    lines: lines.map((l) => ({
      productCode: l.product_code,
      descriptionFr: l.description_fr,
      descriptionEn: l.description_en,
      quantity: l.quantity,
      unitPriceCents: cents(l.unit_price_cents),
      amountCents: cents(l.amount_cents),
      gstMilliPercent: l.gst_milli_percent,
      qstMilliPercent: l.qst_milli_percent,
      gstCents: cents(l.gst_cents),
      qstCents: cents(l.qst_cents),
    })),
    subtotalCents: cents(row.subtotal_cents),
    gstCents: cents(row.gst_cents),
    qstCents: cents(row.qst_cents),
    totalCents: cents(row.total_cents),
    paidCents: cents(row.paid_cents),
    refundedCents: cents(row.refunded_cents),
    creditedCents: cents(row.credited_cents),
    paidAt: row.paid_at,
    canceledAt: row.canceled_at,
  };
}
