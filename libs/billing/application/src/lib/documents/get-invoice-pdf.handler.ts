import { GetInvoice, GetInvoicePdf, type InvoiceDetail } from '@guichet/billing/contracts';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvoicePdfRenderer } from '../ports/invoice-pdf-renderer';
import { BillingIssuer } from './billing-issuer';

/**
 * The invoice or credit note as a PDF in the payer's language, `<number>.pdf`. Reads it through
 * `GetInvoice`, so the access rule is the same (`BILLING.INVOICE_NOT_FOUND` for anyone but its payer
 * and finance staff).
 */
@QueryHandler(GetInvoicePdf)
export class GetInvoicePdfHandler implements IQueryHandler<GetInvoicePdf> {
  constructor(
    private readonly queries: QueryBus,
    private readonly renderer: InvoicePdfRenderer,
    private readonly issuer: BillingIssuer,
  ) {}

  async execute(query: GetInvoicePdf): Promise<{ filename: string; content: Uint8Array }> {
    const invoice: InvoiceDetail = await this.queries.execute(new GetInvoice(query.actor, query.invoiceId));
    const content = await this.renderer.render(invoice, this.issuer);
    return { filename: `${invoice.number}.pdf`, content };
  }
}
