import { billingIntegrationEvents } from '@guichet/billing/application';
import {
  DuplicatePayment,
  IdempotencyKeyTaken,
  Payment,
  PaymentInProgress,
  PaymentNotFound,
  PaymentRepository,
  type InvoiceReference,
  type PaymentMethodName,
  type PaymentSnapshot,
  type PaymentState,
} from '@guichet/billing/domain';
import type { DomainEvent } from '@guichet/shared/kernel';
import { Outbox, OutboxAggregateRepository, type OutgoingEvent, type SaveVersions } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BILLING_UNIQUE_INDEXES } from '../billing.migration';
import { cents, uniqueViolationOf } from './unique-violation';

interface PaymentRow {
  id: string;
  version: number;
  invoice_id: string;
  reference_service: InvoiceReference['service'];
  reference_id: string;
  method: PaymentMethodName;
  state: PaymentState;
  amount_cents: string;
  refunded_cents: string;
  refunding_cents: string;
  idempotency_key: string | null;
  provider_id: string | null;
  label: string | null;
  next_action_url: string | null;
  failure_code: string | null;
  held_for_staff: boolean;
  created_at: Date;
  confirmed_at: Date | null;
  received_on: string | null;
  manual_reference: string | null;
  recorded_by: string | null;
}

const SELECT = `SELECT id, version, invoice_id, reference_service, reference_id, method, state, amount_cents, refunded_cents,
  refunding_cents, idempotency_key, provider_id, label, next_action_url, failure_code, held_for_staff, created_at, confirmed_at,
  to_char(received_on, 'YYYY-MM-DD') AS received_on, manual_reference, recorded_by FROM billing.payments`;

/** Payments in `billing.payments`; the unique indexes enforce idempotency, one online payment in flight, no duplicate cheque. */
@Injectable()
export class TypeOrmPaymentRepository extends OutboxAggregateRepository<Payment> implements PaymentRepository {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  async get(id: string): Promise<Payment> {
    const payment = await this.findById(id);
    if (payment === null) throw new PaymentNotFound();
    return payment;
  }

  async findById(id: string): Promise<Payment | null> {
    return (await this.find(`id = $1`, [id]))[0] ?? null;
  }

  async findByIdempotencyKey(key: string): Promise<Payment | null> {
    return (await this.find(`idempotency_key = $1`, [key]))[0] ?? null;
  }

  async findByProviderId(providerId: string): Promise<Payment | null> {
    return (await this.find(`provider_id = $1`, [providerId]))[0] ?? null;
  }

  listByInvoice(invoiceId: string): Promise<Payment[]> {
    return this.find(`invoice_id = $1`, [invoiceId]);
  }

  async save(payment: Payment): Promise<void> {
    try {
      await this.saveWithEvents(payment);
    } catch (error) {
      switch (uniqueViolationOf(error)) {
        case BILLING_UNIQUE_INDEXES.paymentIdempotencyKey:
          throw new IdempotencyKeyTaken();
        case BILLING_UNIQUE_INDEXES.onePendingOnlinePayment:
          throw new PaymentInProgress();
        case BILLING_UNIQUE_INDEXES.manualReference:
          throw new DuplicatePayment();
        default:
          throw error;
      }
    }
  }

  protected async persist(payment: Payment, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    const s = payment.toSnapshot();
    const mutable = {
      state: s.state,
      refunded_cents: s.refundedCents,
      refunding_cents: s.refundingCents,
      provider_id: s.providerId,
      label: s.label,
      next_action_url: s.nextActionUrl,
      failure_code: s.failureCode,
      held_for_staff: s.heldForStaff,
      confirmed_at: s.confirmedAt,
    };
    if (expected !== 0) {
      await updateVersioned(manager, { table: 'billing.payments', id: s.id, expectedVersion: expected }, { ...mutable, updated_at: new Date() });
      return;
    }
    const values: Record<string, unknown> = {
      id: s.id,
      version: next,
      invoice_id: s.invoiceId,
      reference_service: s.reference.service,
      reference_id: s.reference.id,
      method: s.method,
      amount_cents: s.amountCents,
      idempotency_key: s.idempotencyKey,
      created_at: s.createdAt,
      received_on: s.receivedOn,
      manual_reference: s.manualReference,
      recorded_by: s.recordedBy,
      ...mutable,
    };
    const columns = Object.keys(values);
    await manager.query(
      `INSERT INTO billing.payments (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => values[c]),
    );
  }

  protected toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[] {
    return billingIntegrationEvents(event);
  }

  private async find(where: string, params: unknown[]): Promise<Payment[]> {
    const rows: PaymentRow[] = await this.unitOfWork.manager.query(`${SELECT} WHERE ${where} ORDER BY created_at, id`, params);
    return rows.map((row) => Payment.restore(toSnapshot(row)));
  }
}

function toSnapshot(row: PaymentRow): PaymentSnapshot {
  return {
    id: row.id,
    version: row.version,
    invoiceId: row.invoice_id,
    reference: { service: row.reference_service, id: row.reference_id },
    method: row.method,
    state: row.state,
    amountCents: cents(row.amount_cents),
    refundedCents: cents(row.refunded_cents),
    refundingCents: cents(row.refunding_cents),
    idempotencyKey: row.idempotency_key,
    providerId: row.provider_id,
    label: row.label,
    nextActionUrl: row.next_action_url,
    failureCode: row.failure_code,
    heldForStaff: row.held_for_staff,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    receivedOn: row.received_on,
    manualReference: row.manual_reference,
    recordedBy: row.recorded_by,
  };
}
