import {
  cardLabel,
  IdempotencyKeyReused,
  IdempotencyKeyTaken,
  Invoice,
  InvoiceNumberSequence,
  InvoiceRepository,
  PaymentNotFound,
  PaymentProviderUnavailable,
  PaymentRepository,
  Refund,
  RefundRepository,
  type Payment,
} from '@guichet/billing/domain';
import { Injectable, Logger } from '@nestjs/common';
import { inTransactionWithRetry, UnitOfWork } from '@guichet/shared/application';
import { Clock, LocalDate, uuidv7 } from '@guichet/shared/kernel';
import { GatewayUnavailable, PaymentGateway, type GatewayCharge } from '../ports/payment-gateway';
import { InvoiceHistory } from '../ports/billing-ports';

export const SYSTEM = 'system';

/** The reason of the automatic refund of a payment that arrived too late. */
export const LATE_PAYMENT_REFUND_REASON = 'Paiement reçu après l’annulation ou l’échéance de la facture';

/** Montréal's calendar year of an instant: the invoice number series. */
export function billingYear(now: Date): number {
  return LocalDate.fromInstant(now).year;
}

/**
 * The money moves shared by the handlers: confirming a payment (or holding it for staff), refunding
 * with a credit note, issuing credit notes. A provider of the module (in `BILLING_HANDLERS`), injected
 * into the handlers that move money. Provider calls are made outside any transaction; the state around
 * them is saved before and after.
 */
@Injectable()
export class BillingLedger {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly numbers: InvoiceNumberSequence,
    private readonly history: InvoiceHistory,
    private readonly unitOfWork: UnitOfWork,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
  ) {}

  /** Issues and saves a credit note for `original` (in the caller's unit of work). */
  async issueCreditNote(original: Invoice, amountCents: number, reason: string, actor: string | null, now: Date): Promise<Invoice> {
    const year = billingYear(now);
    const sequence = await this.numbers.next('credit-note', year);
    const note = original.creditNote({ id: uuidv7(), sequence, year, amountCents, reason, issuedBy: actor, now });
    await this.invoices.save(note);
    await this.history.append(original.id, {
      at: now,
      action: 'credit-note-issued',
      actor: actor ?? SYSTEM,
      amountCents,
      details: `${note.number} — ${reason}`,
    });
    return note;
  }

  /**
   * Confirms an open payment, in the caller's transaction (or its own). Applied to the invoice when it
   * can take it; held for staff otherwise (canceled, past `payableUntil` at `at`, or over the balance).
   * Returns whether the state changed.
   */
  async confirm(payment: Payment, at: Date, actor: string): Promise<boolean> {
    if (!payment.isOpen) return false;
    const now = this.clock.now();
    const invoice = await this.invoices.get(payment.invoiceId);
    const apply = invoice.canApply(payment.amountCents, at);
    payment.confirm(now, !apply);
    if (apply) {
      invoice.applyPayment(payment.amountCents, now);
      await this.invoices.save(invoice);
    }
    await this.payments.save(payment);
    await this.history.append(invoice.id, {
      at: now,
      action: apply ? 'payment-confirmed' : 'held-for-staff',
      actor,
      amountCents: payment.amountCents,
      details: payment.toSnapshot().label,
    });
    if (apply && invoice.status === 'paid') {
      await this.history.append(invoice.id, { at: now, action: 'paid', actor, amountCents: invoice.totalCents, details: null });
    }
    return true;
  }

  /** Applies what the provider answered to a charge request (its own transaction). */
  async applyCharge(paymentId: string, charge: GatewayCharge): Promise<Payment> {
    const result = await inTransactionWithRetry(this.unitOfWork, async () => {
      const payment = await this.payments.get(paymentId);
      payment.attachProvider(charge.id, cardLabel(charge.brand, charge.last4));
      if (charge.status === 'succeeded') {
        await this.confirm(payment, this.clock.now(), SYSTEM);
        return payment;
      }
      if (charge.status === 'failed') {
        if (payment.fail(charge.failureCode ?? 'card_declined', this.clock.now())) await this.paymentChanged(payment, 'payment-failed', charge.failureCode);
        else await this.payments.save(payment);
        return payment;
      }
      if (charge.status === 'requires_action') payment.requireAction(charge.nextActionUrl);
      await this.payments.save(payment);
      return payment;
    });
    await this.refundIfHeld(result);
    return result;
  }

  /** Fails an open payment (its own transaction, or the caller's). */
  async fail(paymentId: string, failureCode: string): Promise<Payment> {
    return inTransactionWithRetry(this.unitOfWork, async () => {
      const payment = await this.payments.get(paymentId);
      if (payment.fail(failureCode, this.clock.now())) await this.paymentChanged(payment, 'payment-failed', failureCode);
      return payment;
    });
  }

  async paymentChanged(payment: Payment, action: string, details: string | null, actor = SYSTEM): Promise<void> {
    await this.payments.save(payment);
    await this.history.append(payment.invoiceId, { at: this.clock.now(), action, actor, amountCents: payment.amountCents, details });
  }

  /**
   * A payment confirmed and held for staff: refunded in full automatically. When the provider cannot
   * refund it now, it stays held (« Paiements retenus ») for staff.
   */
  async refundIfHeld(payment: Payment): Promise<void> {
    if (!payment.heldForStaff || payment.currentState !== 'confirmed') return;
    try {
      await this.refund(payment.id, payment.refundableCents, LATE_PAYMENT_REFUND_REASON, `auto-refund-${payment.id}`, null);
    } catch (error) {
      LEDGER_LOG.warn(`Automatic refund of held payment ${payment.id} failed (${errorName(error)}); it stays held for staff`);
    }
  }

  /**
   * Refunds `amountCents` of a confirmed payment, idempotent by `idempotencyKey`: the refund is
   * recorded pending (amount reserved), the provider is asked outside the transaction, and its answer
   * is saved with the credit note. Cheques and deposits are recorded as refunded at once. Throws
   * `PAYMENT_NOT_REFUNDABLE`, `REFUND_EXCEEDS_PAYMENT`, `PROVIDER_UNAVAILABLE` (the refund is then
   * recorded failed and its amount released). A `pending` answer is settled by the provider's callback.
   */
  async refund(paymentId: string, amountCents: number, reason: string, idempotencyKey: string, actorId: string | null): Promise<Refund> {
    const existing = await this.refunds.findByIdempotencyKey(idempotencyKey.trim());
    if (existing !== null) return this.sameRefund(existing, paymentId);
    let refund: Refund;
    try {
      refund = await inTransactionWithRetry(this.unitOfWork, async () => {
        const payment = await this.payments.get(paymentId);
        const now = this.clock.now();
        payment.reserveRefund(amountCents);
        const created = Refund.request({
          id: uuidv7(),
          paymentId,
          invoiceId: payment.invoiceId,
          reference: payment.toSnapshot().reference,
          method: payment.method,
          amountCents,
          reason,
          idempotencyKey,
          requestedBy: actorId,
          now,
        });
        await this.payments.save(payment);
        await this.refunds.save(created);
        return created;
      });
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken) {
        const winner = await this.refunds.findByIdempotencyKey(idempotencyKey.trim());
        if (winner !== null) return this.sameRefund(winner, paymentId);
      }
      throw error;
    }
    const payment = await this.payments.get(paymentId);
    if (!payment.isOnline || payment.providerId === null) return this.settleRefund(refund.id, null);
    let answer;
    try {
      answer = await this.gateway.refund({ paymentId: payment.providerId, amountCents, reference: refund.id }, `refund-${refund.id}`);
    } catch (error) {
      // Nothing was refunded as far as we know: the reserved amount is released so staff can try
      // again (the provider itself refuses to refund more than what is left on the charge).
      await this.failRefund(refund.id);
      if (error instanceof GatewayUnavailable) throw new PaymentProviderUnavailable();
      throw error;
    }
    if (answer.status === 'succeeded') return this.settleRefund(refund.id, answer.id);
    if (answer.status === 'failed') return this.failRefund(refund.id);
    return inTransactionWithRetry(this.unitOfWork, async () => {
      const pending = await this.getRefund(refund.id);
      pending.attachProvider(answer.id);
      await this.refunds.save(pending);
      return pending;
    });
  }

  /** The refund went through: credit note, payment and invoice updated (idempotent). */
  async settleRefund(refundId: string, providerRefundId: string | null): Promise<Refund> {
    return inTransactionWithRetry(this.unitOfWork, async () => {
      const { paymentId } = await this.getRefund(refundId);
      const payment = await this.payments.get(paymentId);
      // Read again after the payment: another settlement (the provider's callback and the request that
      // asked for the refund race) that committed in between shows here; one that commits later makes
      // this transaction's save of the payment conflict and run again.
      const refund = await this.getRefund(refundId);
      if (refund.currentState !== 'pending') return refund;
      const now = this.clock.now();
      const invoice = await this.invoices.get(refund.invoiceId);
      // A held payment never counted on the invoice: its refund does not either.
      const applied = !payment.heldForStaff;
      const reason = refund.toSnapshot().reason;
      if (applied) {
        invoice.applyRefund(refund.amountCents);
        invoice.applyCredit(refund.amountCents, now);
        await this.invoices.save(invoice);
      }
      const note = await this.issueCreditNote(invoice, refund.amountCents, reason, refund.toSnapshot().requestedBy, now);
      payment.completeRefund(refund.amountCents);
      if (providerRefundId !== null) refund.attachProvider(providerRefundId);
      refund.succeed({ id: note.id, number: note.number }, now);
      await this.payments.save(payment);
      await this.refunds.save(refund);
      await this.history.append(invoice.id, {
        at: now,
        action: 'refunded',
        actor: refund.toSnapshot().requestedBy ?? SYSTEM,
        amountCents: refund.amountCents,
        details: reason,
      });
      if (applied && invoice.status === 'canceled') {
        await this.history.append(invoice.id, { at: now, action: 'canceled', actor: SYSTEM, amountCents: null, details: reason });
      }
      return refund;
    });
  }

  async failRefund(refundId: string): Promise<Refund> {
    return inTransactionWithRetry(this.unitOfWork, async () => {
      const refund = await this.getRefund(refundId);
      if (!refund.fail(this.clock.now())) return refund;
      const payment = await this.payments.get(refund.paymentId);
      payment.releaseRefund(refund.amountCents);
      await this.payments.save(payment);
      await this.refunds.save(refund);
      await this.history.append(refund.invoiceId, {
        at: this.clock.now(),
        action: 'refund-failed',
        actor: SYSTEM,
        amountCents: refund.amountCents,
        details: null,
      });
      return refund;
    });
  }

  private async getRefund(id: string): Promise<Refund> {
    const refund = await this.refunds.findById(id);
    if (refund === null) throw new PaymentNotFound({ refundId: id });
    return refund;
  }

  /**
   * The refund a repeated request (same key) asked for. While the first request is still talking to
   * the provider, the repeat waits for its outcome (up to a few seconds), so a double click answers
   * twice with the same settled refund and its credit note, not once settled and once pending.
   */
  private async sameRefund(refund: Refund, paymentId: string): Promise<Refund> {
    if (refund.paymentId !== paymentId) throw new IdempotencyKeyReused();
    let current = refund;
    const deadline = Date.now() + SETTLE_WAIT_MS;
    while (current.currentState === 'pending' && current.toSnapshot().providerRefundId === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = await this.getRefund(refund.id);
    }
    return current;
  }
}

const LEDGER_LOG = new Logger('Billing');

/** How long a repeated refund request waits for the first one's outcome. */
const SETTLE_WAIT_MS = 5_000;

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
