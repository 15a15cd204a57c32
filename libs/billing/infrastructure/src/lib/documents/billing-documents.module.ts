import { BillingIssuer, BillingLinkSettings, InvoicePdfRenderer } from '@guichet/billing/application';
import { AppConfig } from '@guichet/shared/config';
import { MailModule } from '@guichet/shared/mail';
import { Module } from '@nestjs/common';
import { BILLING_MAIL_TEMPLATES } from './billing-mail.templates';
import { InvoicePdfAttachment } from './invoice-pdf.attachment';
import { PdfLibInvoiceRenderer } from './pdf-lib-invoice-renderer';

/** The issuer from the `BILLING_ISSUER_*` settings; a tax number left empty is not printed. */
export function billingIssuerFrom(config: AppConfig): BillingIssuer {
  return {
    name: config.billingIssuerName,
    address: [...config.billingIssuerAddress],
    gstNumber: config.billingGstNumber?.trim() || null,
    qstNumber: config.billingQstNumber?.trim() || null,
    chequePayableTo: config.billingChequePayableTo,
    depositInstructions: config.billingDepositInstructions,
  };
}

/**
 * Billing's documents and mails: the PDF renderer (`InvoicePdfRenderer` → pdf-lib), the issuer and
 * the portal address from `AppConfig`, Billing's mail templates and the `billing.invoice-pdf`
 * attachment resolver. Import it in the api AND the worker, next to a module whose providers include
 * `BILLING_DOCUMENT_HANDLERS` (from `@guichet/billing/application`). Needs, in the app:
 * `CqrsModule.forRoot()`, `AppConfigModule`, `MailModule.forRoot(...)`, and the `GetInvoice` handler.
 */
@Module({
  imports: [MailModule.forFeature(BILLING_MAIL_TEMPLATES, { attachments: [InvoicePdfAttachment] })],
  providers: [
    { provide: InvoicePdfRenderer, useClass: PdfLibInvoiceRenderer },
    { provide: BillingIssuer, inject: [AppConfig], useFactory: billingIssuerFrom },
    { provide: BillingLinkSettings, inject: [AppConfig], useFactory: (config: AppConfig): BillingLinkSettings => ({ publicUrl: config.publicUrl }) },
  ],
  exports: [InvoicePdfRenderer, BillingIssuer, BillingLinkSettings],
})
export class BillingDocumentsModule {}
