import { billingIntegrationEvents } from '@guichet/billing/application';
import {
  IdempotencyKeyTaken,
  Refund,
  RefundRepository,
  type InvoiceReference,
  type PaymentMethodName,
  type RefundSnapshot,
  type RefundState,
} from '@guichet/billing/domain';
import type { DomainEvent } from '@guichet/shared/kernel';
import { Outbox, OutboxAggregateRepository, type OutgoingEvent, type SaveVersions } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BILLING_UNIQUE_INDEXES } from '../billing.migration';
import { cents, uniqueViolationOf } from './unique-violation';

interface RefundRow {
  id: string;
  version: number;
  payment_id: string;
  invoice_id: string;
  reference_service: InvoiceReference['service'];
  reference_id: string;
  method: PaymentMethodName;
  amount_cents: string;
  state: RefundState;
  reason: string;
  idempotency_key: string;
  provider_refund_id: string | null;
  credit_note_id: string | null;
  credit_note_number: string | null;
  requested_by: string | null;
  created_at: Date;
  completed_at: Date | null;
}

@Injectable()
export class TypeOrmRefundRepository extends OutboxAggregateRepository<Refund> implements RefundRepository {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  async findById(id: string): Promise<Refund | null> {
    return (await this.find(`id = $1`, [id]))[0] ?? null;
  }

  async findByIdempotencyKey(key: string): Promise<Refund | null> {
    return (await this.find(`idempotency_key = $1`, [key]))[0] ?? null;
  }

  async findByProviderId(providerRefundId: string): Promise<Refund | null> {
    return (await this.find(`provider_refund_id = $1`, [providerRefundId]))[0] ?? null;
  }

  listByPayment(paymentId: string): Promise<Refund[]> {
    return this.find(`payment_id = $1`, [paymentId]);
  }

  async save(refund: Refund): Promise<void> {
    try {
      await this.saveWithEvents(refund);
    } catch (error) {
      if (uniqueViolationOf(error) === BILLING_UNIQUE_INDEXES.refundIdempotencyKey) throw new IdempotencyKeyTaken();
      throw error;
    }
  }

  protected async persist(refund: Refund, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    const s = refund.toSnapshot();
    const mutable = {
      state: s.state,
      provider_refund_id: s.providerRefundId,
      credit_note_id: s.creditNoteId,
      credit_note_number: s.creditNoteNumber,
      completed_at: s.completedAt,
    };
    if (expected !== 0) {
      await updateVersioned(manager, { table: 'billing.refunds', id: s.id, expectedVersion: expected }, { ...mutable, updated_at: new Date() });
      return;
    }
    const values: Record<string, unknown> = {
      id: s.id,
      version: next,
      payment_id: s.paymentId,
      invoice_id: s.invoiceId,
      reference_service: s.reference.service,
      reference_id: s.reference.id,
      method: s.method,
      amount_cents: s.amountCents,
      reason: s.reason,
      idempotency_key: s.idempotencyKey,
      requested_by: s.requestedBy,
      created_at: s.createdAt,
      ...mutable,
    };
    const columns = Object.keys(values);
    await manager.query(
      `INSERT INTO billing.refunds (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => values[c]),
    );
  }

  protected toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[] {
    return billingIntegrationEvents(event);
  }

  private async find(where: string, params: unknown[]): Promise<Refund[]> {
    const rows: RefundRow[] = await this.unitOfWork.manager.query(`SELECT * FROM billing.refunds WHERE ${where} ORDER BY created_at, id`, params);
    return rows.map((row) => Refund.restore(toSnapshot(row)));
  }
}

function toSnapshot(row: RefundRow): RefundSnapshot {
  return {
    id: row.id,
    version: row.version,
    paymentId: row.payment_id,
    invoiceId: row.invoice_id,
    reference: { service: row.reference_service, id: row.reference_id },
    method: row.method,
    amountCents: cents(row.amount_cents),
    state: row.state,
    reason: row.reason,
    idempotencyKey: row.idempotency_key,
    providerRefundId: row.provider_refund_id,
    creditNoteId: row.credit_note_id,
    creditNoteNumber: row.credit_note_number,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}
