import { CancelInvoice } from '@guichet/billing/contracts';
import { InvoiceHasPayments, InvoiceNotFound, InvoiceRepository, PaymentRepository } from '@guichet/billing/domain';
import { inTransactionWithRetry, UnitOfWork } from '@guichet/shared/application';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvoiceHistory } from '../ports/billing-ports';
import { BillingLedger, SYSTEM } from '../shared/billing-ledger';

/**
 * Cancels what is still owed: confirmed payments are refunded first (each with its credit note) when
 * asked, then a credit note for the balance cancels the invoice. Open online payments are left as they
 * are: if the provider confirms one later, it is held for staff and refunded, never applied.
 */
@CommandHandler(CancelInvoice)
export class CancelInvoiceHandler implements ICommandHandler<CancelInvoice> {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly payments: PaymentRepository,
    private readonly history: InvoiceHistory,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ledger: BillingLedger,
  ) {}

  async execute(cmd: CancelInvoice): Promise<{ creditNoteId: string | null }> {
    const invoice = await this.invoices.findByReference(cmd.reference);
    if (invoice === null) throw new InvoiceNotFound({ service: cmd.reference.service });
    if (invoice.status === 'canceled') return { creditNoteId: null };
    let lastCreditNoteId: string | null = null;
    if (invoice.netPaidCents > 0) {
      if (!cmd.refundPayments) throw new InvoiceHasPayments();
      const refundable = (await this.payments.listByInvoice(invoice.id)).filter(
        (p) => !p.heldForStaff && (p.currentState === 'confirmed' || p.currentState === 'partially-refunded') && p.refundableCents > 0,
      );
      for (const payment of refundable) {
        const refund = await this.ledger.refund(payment.id, payment.refundableCents, cmd.reason, `cancel-${invoice.id}-${payment.id}`, cmd.actorId);
        lastCreditNoteId = refund.toSnapshot().creditNoteId ?? lastCreditNoteId;
      }
    }
    const noteId = await inTransactionWithRetry(this.unitOfWork, async () => {
      const current = await this.invoices.get(invoice.id);
      if (current.status === 'canceled' || current.balanceCents <= 0) return null;
      if (current.netPaidCents > 0) throw new InvoiceHasPayments();
      const now = this.clock.now();
      const balance = current.balanceCents;
      current.applyCredit(balance, now);
      await this.invoices.save(current);
      const note = await this.ledger.issueCreditNote(current, balance, cmd.reason, cmd.actorId, now);
      await this.history.append(current.id, { at: now, action: 'canceled', actor: cmd.actorId ?? SYSTEM, amountCents: balance, details: cmd.reason });
      return note.id;
    });
    return { creditNoteId: noteId ?? lastCreditNoteId };
  }
}
