import { RecordManualPayment, RefundPayment, SetProductTaxes, type PaymentView, type RefundView } from '@guichet/billing/contracts';
import {
  DuplicatePayment,
  InvalidPayment,
  InvalidProductTaxes,
  InvoiceNotFound,
  InvoiceNotPayable,
  InvoiceRepository,
  NothingDue,
  Overpayment,
  Payment,
  PaymentNotFound,
  PaymentRepository,
} from '@guichet/billing/domain';
import { inTransactionWithRetry, UnitOfWork } from '@guichet/shared/application';
import { Clock, isDomainError, isUuid, LocalDate, uuidv7 } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvoiceHistory, ProductTaxRates } from '../ports/billing-ports';
import { BillingLedger } from '../shared/billing-ledger';
import { paymentView, refundView } from '../shared/views';

/** « Enregistrer un paiement »: a cheque or deposit, confirmed at once; over-payment and duplicates refused. */
@CommandHandler(RecordManualPayment)
export class RecordManualPaymentHandler implements ICommandHandler<RecordManualPayment> {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly payments: PaymentRepository,
    private readonly history: InvoiceHistory,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: RecordManualPayment): Promise<PaymentView> {
    if (cmd.method !== 'cheque' && cmd.method !== 'deposit') throw new InvalidPayment('reference');
    if (!Number.isSafeInteger(cmd.amountCents) || cmd.amountCents <= 0) throw new InvalidPayment('amount');
    const receivedOn = parseReceivedOn(cmd.receivedOn, this.clock.today());
    const number = typeof cmd.reference === 'string' ? cmd.reference.trim() : '';
    if (number === '') throw new InvalidPayment('reference');
    if (!isUuid(cmd.invoiceId)) throw new InvoiceNotFound();
    const payment = await inTransactionWithRetry(this.unitOfWork, async () => {
      const invoice = await this.invoices.get(cmd.invoiceId.toLowerCase());
      if (invoice.kind !== 'invoice') throw new InvoiceNotPayable('credit-note');
      if (invoice.status === 'canceled') throw new InvoiceNotPayable('canceled');
      if (invoice.balanceCents <= 0) throw new NothingDue();
      if (cmd.amountCents > invoice.balanceCents) throw new Overpayment(invoice.balanceCents);
      const others = await this.payments.listByInvoice(invoice.id);
      if (others.some((p) => p.method === cmd.method && p.toSnapshot().manualReference?.toLowerCase() === number.toLowerCase())) {
        throw new DuplicatePayment();
      }
      const now = this.clock.now();
      const recorded = Payment.recordManual({
        id: uuidv7(),
        invoiceId: invoice.id,
        reference: invoice.reference,
        method: cmd.method,
        amountCents: cmd.amountCents,
        receivedOn,
        manualReference: number,
        recordedBy: cmd.actorId,
        now,
      });
      invoice.applyPayment(cmd.amountCents, now);
      await this.invoices.save(invoice);
      await this.payments.save(recorded);
      await this.history.append(invoice.id, {
        at: now,
        action: 'payment-recorded',
        actor: cmd.actorId,
        amountCents: cmd.amountCents,
        details: `${cmd.method === 'cheque' ? 'Chèque' : 'Dépôt direct'} ${number} (${receivedOn})`,
      });
      if (invoice.status === 'paid') {
        await this.history.append(invoice.id, { at: now, action: 'paid', actor: cmd.actorId, amountCents: invoice.totalCents, details: null });
      }
      return recorded;
    });
    return paymentView(payment);
  }
}

function parseReceivedOn(raw: string, today: LocalDate): string {
  try {
    const date = LocalDate.parse(raw);
    if (date.isAfter(today)) throw new InvalidPayment('received-on');
    return date.toString();
  } catch (error) {
    if (isDomainError(error)) throw new InvalidPayment('received-on');
    throw error;
  }
}

/** Refunds a confirmed payment in whole or in part, with a credit note; one refund per key. */
@CommandHandler(RefundPayment)
export class RefundPaymentHandler implements ICommandHandler<RefundPayment> {
  constructor(private readonly ledger: BillingLedger) {}

  async execute(cmd: RefundPayment): Promise<RefundView> {
    if (!isUuid(cmd.paymentId)) throw new PaymentNotFound();
    if (typeof cmd.idempotencyKey !== 'string' || cmd.idempotencyKey.trim() === '') throw new InvalidPayment('idempotency-key');
    if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') throw new InvalidPayment('reason');
    const refund = await this.ledger.refund(cmd.paymentId.toLowerCase(), cmd.amountCents, cmd.reason, cmd.idempotencyKey, cmd.actorId);
    return refundView(refund);
  }
}

const MAX_MILLI_PERCENT = 100_000;

@CommandHandler(SetProductTaxes)
export class SetProductTaxesHandler implements ICommandHandler<SetProductTaxes> {
  constructor(
    private readonly taxRates: ProductTaxRates,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: SetProductTaxes): Promise<void> {
    const valid = (rate: number) => Number.isSafeInteger(rate) && rate >= 0 && rate <= MAX_MILLI_PERCENT;
    const code = typeof cmd.productCode === 'string' ? cmd.productCode.trim() : '';
    if (code === '' || code.length > 100 || !valid(cmd.gstMilliPercent) || !valid(cmd.qstMilliPercent)) throw new InvalidProductTaxes();
    await this.taxRates.set(code, { gstMilliPercent: cmd.gstMilliPercent, qstMilliPercent: cmd.qstMilliPercent }, cmd.actorId, this.clock.now());
  }
}
