import { IssueInvoice, IssueManualInvoice } from '@guichet/billing/contracts';
import { InvalidInvoice } from '@guichet/billing/domain';
import { uuidv7 } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PayerDirectory } from '../ports/billing-ports';
import { InvoiceIssuing } from './invoice-issuing';

/** Product code of the lines of « Nouvelle facture ». */
export const MANUAL_PRODUCT_CODE = 'manual';

@CommandHandler(IssueInvoice)
export class IssueInvoiceHandler implements ICommandHandler<IssueInvoice> {
  constructor(private readonly issuing: InvoiceIssuing) {}

  execute(cmd: IssueInvoice): Promise<{ invoiceId: string; number: string }> {
    return this.issuing.issue(cmd);
  }
}

@CommandHandler(IssueManualInvoice)
export class IssueManualInvoiceHandler implements ICommandHandler<IssueManualInvoice> {
  constructor(
    private readonly issuing: InvoiceIssuing,
    private readonly payers: PayerDirectory,
  ) {}

  async execute(cmd: IssueManualInvoice): Promise<{ invoiceId: string; number: string }> {
    if (!Array.isArray(cmd.lines) || cmd.lines.length === 0) throw new InvalidInvoice('no-line');
    const email = typeof cmd.payerEmail === 'string' ? cmd.payerEmail.trim() : '';
    if (email === '') throw new InvalidInvoice('payer');
    const accountId = await this.payers.findAccountIdByEmail(email, cmd.actorId);
    return this.issuing.issue({
      reference: { service: 'manual', id: cmd.requestKey ?? uuidv7() },
      payer: { accountId, email, lang: cmd.lang === 'en' ? 'en' : 'fr' },
      billTo: cmd.billTo,
      lines: cmd.lines.map((line) => ({
        productCode: MANUAL_PRODUCT_CODE,
        description: { fr: String(line.description ?? ''), en: String(line.description ?? '') },
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
      })),
      method: cmd.method,
      payableUntil: null,
      issuedBy: cmd.actorId,
    });
  }
}
