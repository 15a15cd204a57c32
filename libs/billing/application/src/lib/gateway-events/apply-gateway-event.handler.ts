import { ApplyGatewayEvent } from '@guichet/billing/contracts';
import { PaymentRepository, RefundRepository, type Payment, type Refund } from '@guichet/billing/domain';
import { inTransactionWithRetry, UnitOfWork } from '@guichet/shared/application';
import { Clock, isUuid } from '@guichet/shared/kernel';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvoiceHistory, ProcessedGatewayEvents } from '../ports/billing-ports';
import { GatewayUnavailable, PaymentGateway } from '../ports/payment-gateway';
import { BillingLedger, SYSTEM } from '../shared/billing-ledger';

const CONFIRMING = new Set(['charge.succeeded', 'paypal.capture.completed']);

/**
 * A verified callback of the provider. The event id is recorded with the change in one transaction
 * (a replay changes nothing), and a payment never moves backwards: a `charge.failed` after the
 * confirmation, or a `charge.succeeded` after the refund, are recorded and ignored.
 *
 * A success for a payment we had already given up (failed after a network error, canceled by the
 * payer) means the provider took money we never applied: it is refunded in full at once, with its
 * trace in the invoice's history; if the provider cannot refund now, the callback is answered with an
 * error so the provider delivers it again later.
 */
@CommandHandler(ApplyGatewayEvent)
export class ApplyGatewayEventHandler implements ICommandHandler<ApplyGatewayEvent> {
  private readonly logger = new Logger('Billing');

  constructor(
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly history: InvoiceHistory,
    private readonly processed: ProcessedGatewayEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly ledger: BillingLedger,
  ) {}

  async execute(cmd: ApplyGatewayEvent): Promise<{ applied: boolean }> {
    const stray = await this.strayCapture(cmd);
    // Refunded before the event is marked processed: if the provider cannot refund now, this throws,
    // nothing is recorded, and the provider's next delivery tries again.
    const strayRefund = stray === null ? null : await this.refundStrayCapture(stray, cmd);
    const outcome = await inTransactionWithRetry(this.unitOfWork, async () => {
      const first = await this.processed.markProcessed(cmd.eventId, cmd.type, this.clock.now());
      if (!first) return { applied: false, held: null as Payment | null };
      if (stray !== null) {
        await this.history.append(stray.invoiceId, {
          at: this.clock.now(),
          action: 'late-capture-refunded',
          actor: SYSTEM,
          amountCents: stray.amountCents,
          details: `${cmd.type} ${cmd.objectId} (${stray.currentState}): refund ${strayRefund ?? 'unknown'}`,
        });
        return { applied: true, held: null as Payment | null };
      }
      return this.apply(cmd);
    });
    // Outside the transaction: a payment that came too late is refunded at once (or stays held).
    if (outcome.held !== null) await this.ledger.refundIfHeld(outcome.held);
    return { applied: outcome.applied };
  }

  private async apply(cmd: ApplyGatewayEvent): Promise<{ applied: boolean; held: Payment | null }> {
    const now = this.clock.now();
    if (cmd.type === 'refund.succeeded' || cmd.type === 'refund.failed') {
      const refund = await this.findRefund(cmd);
      if (refund === null || refund.currentState !== 'pending') return { applied: false, held: null };
      if (cmd.type === 'refund.succeeded') await this.ledger.settleRefund(refund.id, cmd.objectId);
      else await this.ledger.failRefund(refund.id);
      return { applied: true, held: null };
    }
    const payment = await this.findPayment(cmd);
    if (payment === null) return { applied: false, held: null };
    if (CONFIRMING.has(cmd.type)) {
      const at = Number.isNaN(cmd.occurredAt.getTime()) ? now : cmd.occurredAt;
      const changed = await this.ledger.confirm(payment, at, SYSTEM);
      return { applied: changed, held: changed && payment.heldForStaff ? payment : null };
    }
    let changed = false;
    switch (cmd.type) {
      case 'charge.failed':
        changed = payment.fail(cmd.failureCode ?? 'card_declined', now);
        if (changed) await this.ledger.paymentChanged(payment, 'payment-failed', cmd.failureCode);
        break;
      case 'charge.requires_action':
        changed = payment.requireAction(null);
        if (changed) await this.payments.save(payment);
        break;
      case 'paypal.order.voided':
        changed = payment.cancel(now);
        if (changed) await this.ledger.paymentChanged(payment, 'payment-canceled', 'paypal');
        break;
      default:
        // `paypal.order.approved` and unknown types: nothing to change (the portal captures).
        break;
    }
    return { applied: changed, held: null };
  }

  /** A confirmation for an online payment we had already failed or canceled: money taken, never applied. */
  private async strayCapture(cmd: ApplyGatewayEvent): Promise<Payment | null> {
    if (!CONFIRMING.has(cmd.type)) return null;
    const payment = await this.findPayment(cmd);
    if (payment === null || !payment.isOnline) return null;
    return payment.currentState === 'failed' || payment.currentState === 'canceled' ? payment : null;
  }

  /** The provider's answer: `succeeded`, `pending`, or `failed` (nothing left to refund there). */
  private async refundStrayCapture(payment: Payment, cmd: ApplyGatewayEvent): Promise<string> {
    try {
      const refund = await this.gateway.refund(
        { paymentId: cmd.objectId || (payment.providerId ?? ''), amountCents: payment.amountCents, reference: payment.id },
        `stray-capture-${payment.id}`,
      );
      this.logger.warn(`Payment ${payment.id} (${payment.currentState}) was captured late by the provider: refund in full ${refund.status}`);
      return refund.status;
    } catch (error) {
      this.logger.error(`Payment ${payment.id} was captured late and could not be refunded yet; the provider will deliver the callback again`);
      throw error instanceof GatewayUnavailable ? error : new GatewayUnavailable('refund of a late capture failed');
    }
  }

  private async findPayment(cmd: ApplyGatewayEvent): Promise<Payment | null> {
    if (cmd.reference !== null && isUuid(cmd.reference)) {
      const byReference = await this.payments.findById(cmd.reference.toLowerCase());
      if (byReference !== null) return byReference;
    }
    return cmd.objectId ? this.payments.findByProviderId(cmd.objectId) : null;
  }

  private async findRefund(cmd: ApplyGatewayEvent): Promise<Refund | null> {
    if (cmd.reference !== null && isUuid(cmd.reference)) {
      const byReference = await this.refunds.findById(cmd.reference.toLowerCase());
      if (byReference !== null) return byReference;
    }
    return cmd.objectId ? this.refunds.findByProviderId(cmd.objectId) : null;
  }
}
