import {
  CancelPendingPayment,
  CapturePaypalPayment,
  OpenCardCheckout,
  PayByCard,
  StartPaypalPayment,
  type BillingActor,
  type PaymentView,
} from '@guichet/billing/contracts';
import {
  CARD_MINIMUM_CENTS,
  CardMinimum,
  IdempotencyKeyReused,
  IdempotencyKeyTaken,
  InvalidPayment,
  InvalidPaymentState,
  InvoiceRepository,
  Payment,
  PaymentInProgress,
  PaymentProviderUnavailable,
  PaymentRepository,
  PaypalNotApproved,
  type Invoice,
} from '@guichet/billing/domain';
import { inTransactionWithRetry, UnitOfWork } from '@guichet/shared/application';
import { Clock, uuidv7 } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BillingUrls, InvoiceHistory } from '../ports/billing-ports';
import { GatewayUnavailable, PaymentGateway, type GatewayPaypalOrder } from '../ports/payment-gateway';
import { BillingLedger, SYSTEM } from '../shared/billing-ledger';
import { invoiceFor, paymentFor } from '../shared/invoice-access';
import { paymentView } from '../shared/views';

/**
 * The ports every online-payment handler needs. Decorated so its constructor's parameter types are
 * recorded: the handlers below declare no constructor and Nest injects these.
 */
@Injectable()
abstract class OnlinePaymentHandler {
  constructor(
    protected readonly invoices: InvoiceRepository,
    protected readonly payments: PaymentRepository,
    protected readonly history: InvoiceHistory,
    protected readonly unitOfWork: UnitOfWork,
    protected readonly gateway: PaymentGateway,
    protected readonly urls: BillingUrls,
    protected readonly clock: Clock,
    protected readonly ledger: BillingLedger,
  ) {}

  /** Throws unless the invoice takes an online payment now (and, for a card, at least 5 $). */
  protected async assertOpenForPayment(invoice: Invoice, method: 'card' | 'paypal', idempotencyKey: string | null): Promise<void> {
    invoice.assertPayable(this.clock.now());
    if (method === 'card' && invoice.balanceCents < CARD_MINIMUM_CENTS) throw new CardMinimum(CARD_MINIMUM_CENTS);
    const open = (await this.payments.listByInvoice(invoice.id)).filter((p) => p.isOpen && p.isOnline);
    if (open.some((p) => p.idempotencyKey !== idempotencyKey)) throw new PaymentInProgress();
  }

  /**
   * Records the payment pending (its key unique in the database) before the provider is called. A
   * concurrent request with the same key loses the insert and gets the winner's payment.
   */
  protected async startPayment(invoice: Invoice, method: 'card' | 'paypal', idempotencyKey: string): Promise<{ payment: Payment; created: boolean }> {
    const payment = Payment.startOnline({
      id: uuidv7(),
      invoiceId: invoice.id,
      reference: invoice.reference,
      method,
      amountCents: invoice.balanceCents,
      idempotencyKey,
      now: this.clock.now(),
    });
    try {
      await this.unitOfWork.run(async () => {
        await this.payments.save(payment);
        await this.history.append(invoice.id, {
          at: this.clock.now(),
          action: 'payment-started',
          actor: SYSTEM,
          amountCents: payment.amountCents,
          details: method,
        });
      });
      return { payment, created: true };
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken || error instanceof PaymentInProgress) {
        const winner = await this.payments.findByIdempotencyKey(idempotencyKey.trim());
        if (winner !== null) return { payment: this.sameRequest(winner, invoice.id, method), created: false };
      }
      throw error;
    }
  }

  /** A key already used: the same payment when it was for this invoice and method. */
  protected sameRequest(existing: Payment, invoiceId: string, method: 'card' | 'paypal'): Payment {
    if (existing.invoiceId !== invoiceId || existing.method !== method) throw new IdempotencyKeyReused();
    return existing;
  }

  protected async existingByKey(actor: BillingActor, invoiceId: string, key: string, method: 'card' | 'paypal'): Promise<Payment | null> {
    if (typeof key !== 'string' || key.trim() === '') throw new InvalidPayment('idempotency-key');
    const existing = await this.payments.findByIdempotencyKey(key.trim());
    if (existing === null) return null;
    await invoiceFor(this.invoices, actor, existing.invoiceId);
    return this.sameRequest(existing, invoiceId.toLowerCase(), method);
  }
}

/** Step 1 of a card payment: the provider's hosted card page for the balance. */
@CommandHandler(OpenCardCheckout)
export class OpenCardCheckoutHandler extends OnlinePaymentHandler implements ICommandHandler<OpenCardCheckout> {

  async execute(cmd: OpenCardCheckout): Promise<{ url: string }> {
    const invoice = await invoiceFor(this.invoices, cmd.actor, cmd.invoiceId);
    await this.assertOpenForPayment(invoice, 'card', null);
    const url = this.gateway.hostedCardPageUrl({
      amountCents: invoice.balanceCents,
      lang: cmd.lang === 'en' ? 'en' : 'fr',
      reference: invoice.number,
      returnUrl: this.urls.cardReturnUrl(invoice.id),
      cancelUrl: this.urls.cardCancelUrl(invoice.id),
    });
    return { url };
  }
}

/** Step 2: one charge per idempotency key; the final state comes from the provider's callback. */
@CommandHandler(PayByCard)
export class PayByCardHandler extends OnlinePaymentHandler implements ICommandHandler<PayByCard> {

  async execute(cmd: PayByCard): Promise<PaymentView> {
    const replay = await this.existingByKey(cmd.actor, cmd.invoiceId, cmd.idempotencyKey, 'card');
    if (replay !== null) return paymentView(replay);
    const invoice = await invoiceFor(this.invoices, cmd.actor, cmd.invoiceId);
    if (typeof cmd.token !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(cmd.token)) throw new InvalidPayment('token');
    await this.assertOpenForPayment(invoice, 'card', cmd.idempotencyKey.trim());
    const { payment, created } = await this.startPayment(invoice, 'card', cmd.idempotencyKey);
    if (!created) return paymentView(payment);
    let charge;
    try {
      charge = await this.gateway.createCharge(
        {
          token: cmd.token,
          amountCents: payment.amountCents,
          reference: payment.id,
          returnUrl: this.urls.cardPaymentReturnUrl(invoice.id, payment.id),
          description: `Facture ${invoice.number}`,
        },
        `charge-${payment.id}`,
      );
    } catch (error) {
      // No charge was made (network error, token refused): the attempt failed; the payer may try again.
      const code = error instanceof GatewayUnavailable ? 'network_error' : 'provider_error';
      return paymentView(await this.ledger.fail(payment.id, code));
    }
    return paymentView(await this.ledger.applyCharge(payment.id, charge));
  }
}

@CommandHandler(StartPaypalPayment)
export class StartPaypalPaymentHandler extends OnlinePaymentHandler implements ICommandHandler<StartPaypalPayment> {

  async execute(cmd: StartPaypalPayment): Promise<{ paymentId: string; approveUrl: string }> {
    const replay = await this.existingByKey(cmd.actor, cmd.invoiceId, cmd.idempotencyKey, 'paypal');
    if (replay !== null) return this.answer(replay);
    const invoice = await invoiceFor(this.invoices, cmd.actor, cmd.invoiceId);
    await this.assertOpenForPayment(invoice, 'paypal', cmd.idempotencyKey.trim());
    const { payment, created } = await this.startPayment(invoice, 'paypal', cmd.idempotencyKey);
    if (!created) return this.answer(payment);
    let order: GatewayPaypalOrder;
    try {
      order = await this.gateway.createPaypalOrder(
        {
          amountCents: payment.amountCents,
          reference: payment.id,
          returnUrl: this.urls.paypalReturnUrl(invoice.id, payment.id),
          cancelUrl: this.urls.paypalCancelUrl(invoice.id, payment.id),
          lang: cmd.lang === 'en' ? 'en' : 'fr',
        },
        `paypal-order-${payment.id}`,
      );
    } catch (error) {
      await this.ledger.fail(payment.id, error instanceof GatewayUnavailable ? 'network_error' : 'provider_error');
      throw new PaymentProviderUnavailable();
    }
    const saved = await inTransactionWithRetry(this.unitOfWork, async () => {
      const current = await this.payments.get(payment.id);
      current.attachProvider(order.id, order.payerLabel, order.approveUrl);
      await this.payments.save(current);
      return current;
    });
    return this.answer(saved);
  }

  private answer(payment: Payment): { paymentId: string; approveUrl: string } {
    const url = payment.nextActionUrl;
    if (url === null) {
      // The winner of a concurrent request has not heard from the provider yet, or the attempt ended.
      if (payment.isOpen) throw new PaymentInProgress();
      throw new InvalidPaymentState(payment.currentState, 'paypal-approve');
    }
    return { paymentId: payment.id, approveUrl: url };
  }
}

/** The payer approved on PayPal: capture once; the money is applied (or held, when too late). */
@CommandHandler(CapturePaypalPayment)
export class CapturePaypalPaymentHandler extends OnlinePaymentHandler implements ICommandHandler<CapturePaypalPayment> {

  async execute(cmd: CapturePaypalPayment): Promise<PaymentView> {
    const { payment } = await paymentFor(this.payments, this.invoices, cmd.actor, cmd.paymentId);
    if (payment.method !== 'paypal') throw new InvalidPaymentState(payment.currentState, 'paypal-capture');
    if (!payment.isOpen) return paymentView(payment);
    if (payment.providerId === null) throw new PaypalNotApproved();
    let order: GatewayPaypalOrder;
    try {
      order = await this.gateway.capturePaypalOrder(payment.providerId, `paypal-capture-${payment.id}`);
    } catch (error) {
      if (error instanceof GatewayUnavailable) throw new PaymentProviderUnavailable();
      throw new PaypalNotApproved();
    }
    if (order.status === 'VOIDED') {
      const canceled = await inTransactionWithRetry(this.unitOfWork, async () => {
        const current = await this.payments.get(payment.id);
        if (current.cancel(this.clock.now())) await this.ledger.paymentChanged(current, 'payment-canceled', 'paypal');
        return current;
      });
      return paymentView(canceled);
    }
    if (order.status !== 'COMPLETED') throw new PaypalNotApproved();
    const confirmed = await inTransactionWithRetry(this.unitOfWork, async () => {
      const current = await this.payments.get(payment.id);
      current.setLabel(order.payerLabel);
      if (!(await this.ledger.confirm(current, this.clock.now(), cmd.actor.accountId))) await this.payments.save(current);
      return current;
    });
    await this.ledger.refundIfHeld(confirmed);
    return paymentView(await this.payments.get(payment.id));
  }
}

/**
 * The payer canceled on the provider's page. A card payment whose charge exists at the provider is
 * not canceled here (the provider's callback settles it), so money taken is never dropped.
 */
@CommandHandler(CancelPendingPayment)
export class CancelPendingPaymentHandler extends OnlinePaymentHandler implements ICommandHandler<CancelPendingPayment> {

  async execute(cmd: CancelPendingPayment): Promise<PaymentView> {
    const { payment } = await paymentFor(this.payments, this.invoices, cmd.actor, cmd.paymentId);
    if (!payment.isOpen) return paymentView(payment);
    if (payment.method === 'card' && payment.providerId !== null) throw new InvalidPaymentState(payment.currentState, 'cancel');
    const canceled = await inTransactionWithRetry(this.unitOfWork, async () => {
      const current = await this.payments.get(payment.id);
      if (current.cancel(this.clock.now())) await this.ledger.paymentChanged(current, 'payment-canceled', null, cmd.actor.accountId);
      return current;
    });
    return paymentView(canceled);
  }
}
