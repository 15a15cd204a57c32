import { AggregateRoot, BaseDomainEvent } from '@guichet/shared/kernel';
import { InvalidPayment } from '../shared/billing.errors';
import type { InvoiceReference, PaymentMethodName } from '../shared/billing-types';

export type RefundState = 'pending' | 'succeeded' | 'failed';

export interface RefundSnapshot {
  readonly id: string;
  readonly version: number;
  readonly paymentId: string;
  readonly invoiceId: string;
  readonly reference: InvoiceReference;
  readonly method: PaymentMethodName;
  readonly amountCents: number;
  readonly state: RefundState;
  readonly reason: string;
  readonly idempotencyKey: string;
  /** `re_…` at the provider; null for a cheque or deposit refund (staff send the money). */
  readonly providerRefundId: string | null;
  readonly creditNoteId: string | null;
  readonly creditNoteNumber: string | null;
  readonly requestedBy: string | null;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

export class RefundIssued extends BaseDomainEvent {
  readonly name = 'RefundIssued';
  constructor(
    id: string,
    readonly paymentId: string,
    readonly invoiceId: string,
    readonly creditNoteId: string,
    readonly creditNoteNumber: string,
    readonly reference: InvoiceReference,
    readonly amountCents: number,
    readonly method: PaymentMethodName,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

/** Money given back on a payment: its own record, with the credit note that goes with it. Forward only. */
export class Refund extends AggregateRoot<string> {
  private constructor(
    private state: Mutable<RefundSnapshot>,
    version = 0,
  ) {
    super(state.id, version);
  }

  static request(params: {
    id: string;
    paymentId: string;
    invoiceId: string;
    reference: InvoiceReference;
    method: PaymentMethodName;
    amountCents: number;
    reason: string;
    idempotencyKey: string;
    requestedBy: string | null;
    now: Date;
  }): Refund {
    const reason = params.reason.trim();
    if (reason === '' || reason.length > 500) throw new InvalidPayment('reason');
    const key = params.idempotencyKey.trim();
    if (key === '' || key.length > 200) throw new InvalidPayment('idempotency-key');
    if (!Number.isSafeInteger(params.amountCents) || params.amountCents <= 0) throw new InvalidPayment('amount');
    return new Refund({
      id: params.id,
      version: 0,
      paymentId: params.paymentId,
      invoiceId: params.invoiceId,
      reference: { ...params.reference },
      method: params.method,
      amountCents: params.amountCents,
      state: 'pending',
      reason,
      idempotencyKey: key,
      providerRefundId: null,
      creditNoteId: null,
      creditNoteNumber: null,
      requestedBy: params.requestedBy,
      createdAt: params.now,
      completedAt: null,
    });
  }

  static restore(snapshot: RefundSnapshot): Refund {
    return new Refund({ ...snapshot }, snapshot.version);
  }

  get paymentId(): string {
    return this.state.paymentId;
  }
  get invoiceId(): string {
    return this.state.invoiceId;
  }
  get amountCents(): number {
    return this.state.amountCents;
  }
  get currentState(): RefundState {
    return this.state.state;
  }
  get idempotencyKey(): string {
    return this.state.idempotencyKey;
  }

  attachProvider(providerRefundId: string): void {
    this.state.providerRefundId ??= providerRefundId;
  }

  /** The money went back; the credit note was issued with it. False when already settled. */
  succeed(creditNote: { id: string; number: string }, now: Date): boolean {
    if (this.state.state !== 'pending') return false;
    this.state.state = 'succeeded';
    this.state.creditNoteId = creditNote.id;
    this.state.creditNoteNumber = creditNote.number;
    this.state.completedAt = now;
    const s = this.state;
    this.record(new RefundIssued(s.id, s.paymentId, s.invoiceId, creditNote.id, creditNote.number, s.reference, s.amountCents, s.method, now));
    return true;
  }

  fail(now: Date): boolean {
    if (this.state.state !== 'pending') return false;
    this.state.state = 'failed';
    this.state.completedAt = now;
    return true;
  }

  toSnapshot(): RefundSnapshot {
    return { ...this.state, version: this.version };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
