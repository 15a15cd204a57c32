import { INVOICE_PDF_ATTACHMENT_KIND } from '@guichet/billing/application';
import { GetInvoicePdf, SYSTEM_ACTOR } from '@guichet/billing/contracts';
import { MailAttachmentResolver, type MailAttachment } from '@guichet/shared/mail';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

/**
 * Attachment kind `billing.invoice-pdf` (ref = invoice id): the invoice or credit note as it is when
 * the mail is sent, rendered by `GetInvoicePdf` as Billing itself. A failure is retried by the sender.
 */
@Injectable()
export class InvoicePdfAttachment extends MailAttachmentResolver {
  readonly kind = INVOICE_PDF_ATTACHMENT_KIND;

  constructor(private readonly queries: QueryBus) {
    super();
  }

  async resolve(invoiceId: string): Promise<MailAttachment> {
    const pdf = await this.queries.execute(new GetInvoicePdf(SYSTEM_ACTOR, invoiceId));
    return { filename: pdf.filename, contentType: 'application/pdf', content: pdf.content };
  }
}
