import { AggregateRoot } from '@guichet/shared/kernel';
import { InvalidPayment, InvalidPaymentState, PaymentNotRefundable, RefundExceedsPayment } from '../shared/billing.errors';
import type { InvoiceReference, ManualMethodName, PaymentMethodName } from '../shared/billing-types';
import { PaymentConfirmed, PaymentFailed } from './payment.events';

/** Forward only: `pending → requires-action → confirmed | failed | canceled`, `confirmed → partially-refunded → refunded`. */
export type PaymentState = 'pending' | 'requires-action' | 'confirmed' | 'failed' | 'canceled' | 'refunded' | 'partially-refunded';

const RANK: Readonly<Record<PaymentState, number>> = {
  pending: 0,
  'requires-action': 1,
  confirmed: 2,
  failed: 2,
  canceled: 2,
  'partially-refunded': 3,
  refunded: 4,
};

export interface PaymentSnapshot {
  readonly id: string;
  readonly version: number;
  readonly invoiceId: string;
  readonly reference: InvoiceReference;
  readonly method: PaymentMethodName;
  readonly state: PaymentState;
  readonly amountCents: number;
  readonly refundedCents: number;
  /** Refunds asked of the provider and not answered yet: reserved, so two refunds cannot exceed the payment. */
  readonly refundingCents: number;
  /** Online payments: the key the payer's request carried (unique). */
  readonly idempotencyKey: string | null;
  /** `ch_…` or `PP-…`. */
  readonly providerId: string | null;
  /** `visa •••• 4242`, `p***@exemple.test`, or the cheque / transfer number. */
  readonly label: string | null;
  readonly nextActionUrl: string | null;
  readonly failureCode: string | null;
  readonly heldForStaff: boolean;
  readonly createdAt: Date;
  readonly confirmedAt: Date | null;
  /** Cheque or deposit: the day the money arrived (`YYYY-MM-DD`). */
  readonly receivedOn: string | null;
  /** Cheque or transfer number. */
  readonly manualReference: string | null;
  /** Staff member who recorded it; null for online payments. */
  readonly recordedBy: string | null;
}

/** One payment attempt on one invoice; its state only moves forward. */
export class Payment extends AggregateRoot<string> {
  private constructor(
    private state: Mutable<PaymentSnapshot>,
    version = 0,
  ) {
    super(state.id, version);
  }

  static startOnline(params: {
    id: string;
    invoiceId: string;
    reference: InvoiceReference;
    method: 'card' | 'paypal';
    amountCents: number;
    idempotencyKey: string;
    now: Date;
  }): Payment {
    if (!Number.isSafeInteger(params.amountCents) || params.amountCents <= 0) throw new InvalidPayment('amount');
    const key = params.idempotencyKey.trim();
    if (key === '' || key.length > 200) throw new InvalidPayment('idempotency-key');
    return new Payment({
      id: params.id,
      version: 0,
      invoiceId: params.invoiceId,
      reference: { ...params.reference },
      method: params.method,
      state: 'pending',
      amountCents: params.amountCents,
      refundedCents: 0,
      refundingCents: 0,
      idempotencyKey: key,
      providerId: null,
      label: null,
      nextActionUrl: null,
      failureCode: null,
      heldForStaff: false,
      createdAt: params.now,
      confirmedAt: null,
      receivedOn: null,
      manualReference: null,
      recordedBy: null,
    });
  }

  /** « Enregistrer un paiement »: a cheque or a deposit that arrived, confirmed at once. */
  static recordManual(params: {
    id: string;
    invoiceId: string;
    reference: InvoiceReference;
    method: ManualMethodName;
    amountCents: number;
    receivedOn: string;
    manualReference: string;
    recordedBy: string;
    now: Date;
  }): Payment {
    if (!Number.isSafeInteger(params.amountCents) || params.amountCents <= 0) throw new InvalidPayment('amount');
    const number = params.manualReference.trim();
    if (number === '' || number.length > 100) throw new InvalidPayment('reference');
    const payment = new Payment({
      id: params.id,
      version: 0,
      invoiceId: params.invoiceId,
      reference: { ...params.reference },
      method: params.method,
      state: 'confirmed',
      amountCents: params.amountCents,
      refundedCents: 0,
      refundingCents: 0,
      idempotencyKey: null,
      providerId: null,
      label: number,
      nextActionUrl: null,
      failureCode: null,
      heldForStaff: false,
      createdAt: params.now,
      confirmedAt: params.now,
      receivedOn: params.receivedOn,
      manualReference: number,
      recordedBy: params.recordedBy,
    });
    payment.record(new PaymentConfirmed(payment.id, params.invoiceId, params.amountCents, false, params.now));
    return payment;
  }

  static restore(snapshot: PaymentSnapshot): Payment {
    return new Payment({ ...snapshot }, snapshot.version);
  }

  get invoiceId(): string {
    return this.state.invoiceId;
  }
  get method(): PaymentMethodName {
    return this.state.method;
  }
  get currentState(): PaymentState {
    return this.state.state;
  }
  get amountCents(): number {
    return this.state.amountCents;
  }
  get refundedCents(): number {
    return this.state.refundedCents;
  }
  get providerId(): string | null {
    return this.state.providerId;
  }
  get idempotencyKey(): string | null {
    return this.state.idempotencyKey;
  }
  get heldForStaff(): boolean {
    return this.state.heldForStaff;
  }
  get nextActionUrl(): string | null {
    return this.state.nextActionUrl;
  }
  get isOpen(): boolean {
    return this.state.state === 'pending' || this.state.state === 'requires-action';
  }
  get isOnline(): boolean {
    return this.state.method === 'card' || this.state.method === 'paypal';
  }
  /** What may still be refunded (refunds in flight excluded). */
  get refundableCents(): number {
    return this.state.amountCents - this.state.refundedCents - this.state.refundingCents;
  }

  /** The provider created the charge or the order. */
  attachProvider(providerId: string, label: string | null, nextActionUrl: string | null = null): void {
    if (this.state.providerId !== null && this.state.providerId !== providerId) {
      throw new InvalidPaymentState(this.state.state, 'attach-provider');
    }
    this.state.providerId = providerId;
    if (label !== null) this.state.label = label;
    if (nextActionUrl !== null && this.isOpen) this.state.nextActionUrl = nextActionUrl;
  }

  setLabel(label: string | null): void {
    if (label !== null) this.state.label = label;
  }

  /** 3-D Secure or a similar second step. False when already past it. */
  requireAction(url: string | null): boolean {
    if (!this.moveTo('requires-action')) return false;
    if (url !== null) this.state.nextActionUrl = url;
    return true;
  }

  /**
   * The provider confirmed the money. `held`: the invoice could not take it (canceled, expired,
   * already paid) so it waits for staff or an automatic refund. False when the payment was already
   * confirmed, failed or canceled (never moves back).
   */
  confirm(now: Date, held: boolean): boolean {
    if (!this.moveTo('confirmed')) return false;
    this.state.confirmedAt = now;
    this.state.heldForStaff = held;
    this.state.nextActionUrl = null;
    this.record(new PaymentConfirmed(this.id, this.state.invoiceId, this.state.amountCents, held, now));
    return true;
  }

  fail(failureCode: string, now: Date): boolean {
    if (!this.moveTo('failed')) return false;
    this.state.failureCode = failureCode;
    this.state.nextActionUrl = null;
    this.record(new PaymentFailed(this.id, this.state.invoiceId, this.state.reference, this.state.method, failureCode, now));
    return true;
  }

  cancel(now: Date): boolean {
    if (!this.moveTo('canceled')) return false;
    this.state.failureCode = 'canceled';
    this.state.nextActionUrl = null;
    this.record(new PaymentFailed(this.id, this.state.invoiceId, this.state.reference, this.state.method, 'canceled', now));
    return true;
  }

  /** Reserves `amountCents` for a refund being asked. Throws `PAYMENT_NOT_REFUNDABLE`, `REFUND_EXCEEDS_PAYMENT`. */
  reserveRefund(amountCents: number): void {
    if (this.state.state !== 'confirmed' && this.state.state !== 'partially-refunded') {
      throw new PaymentNotRefundable(this.state.state);
    }
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new InvalidPayment('amount');
    if (amountCents > this.refundableCents) throw new RefundExceedsPayment(this.refundableCents);
    this.state.refundingCents += amountCents;
  }

  /** The reserved refund went through. */
  completeRefund(amountCents: number): void {
    if (amountCents > this.state.refundingCents) throw new RangeError('No such refund reserved');
    this.state.refundingCents -= amountCents;
    this.state.refundedCents += amountCents;
    this.moveTo(this.state.refundedCents === this.state.amountCents ? 'refunded' : 'partially-refunded');
    if (this.state.state === 'refunded') this.state.heldForStaff = false;
  }

  /** The reserved refund failed: the amount is refundable again. */
  releaseRefund(amountCents: number): void {
    this.state.refundingCents = Math.max(0, this.state.refundingCents - amountCents);
  }

  toSnapshot(): PaymentSnapshot {
    return { ...this.state, version: this.version };
  }

  private moveTo(next: PaymentState): boolean {
    const current = this.state.state;
    if (current === next) return next === 'partially-refunded';
    if (RANK[next] <= RANK[current]) return false;
    // A failed or canceled payment is final; refunds only follow a confirmation.
    if (current === 'failed' || current === 'canceled') return false;
    if ((next === 'partially-refunded' || next === 'refunded') && RANK[current] < RANK.confirmed) return false;
    this.state.state = next;
    return true;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `visa •••• 4242`: all Billing keeps of a card. */
export function cardLabel(brand: string | null, last4: string | null): string | null {
  if (last4 === null || !/^\d{4}$/.test(last4)) return brand;
  return `${(brand ?? 'carte').toLowerCase()} •••• ${last4}`;
}
