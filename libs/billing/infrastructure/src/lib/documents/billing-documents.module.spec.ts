import { BILLING_DOCUMENT_QUERY_HANDLERS, BillingIssuer, InvoicePdfRenderer } from '@guichet/billing/application';
import { GetInvoice } from '@guichet/billing/contracts';
import { AppConfig } from '@guichet/shared/config';
import { MailAttachmentRegistry, MailTemplateRegistry } from '@guichet/shared/mail';
import { Global, Module } from '@nestjs/common';
import { CqrsModule, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { BillingDocumentsModule } from './billing-documents.module';
import { invoiceDetailFixture } from '@guichet/billing/application/testing';
import { PdfLibInvoiceRenderer } from './pdf-lib-invoice-renderer';

const config = {
  publicUrl: 'https://guichet.test',
  billingIssuerName: 'Fédération québécoise de la montagne',
  billingIssuerAddress: ['4545, avenue Pierre-De Coubertin', 'Montréal (Québec) H1V 0B2'],
  billingGstNumber: '123456789 RT0001',
  billingQstNumber: '  ',
  billingChequePayableTo: 'FQM',
  billingDepositInstructions: 'Transit 12345',
} as unknown as AppConfig;

/** What the app gives: the settings and the mail registries of `MailModule.forRoot`. */
@Global()
@Module({
  providers: [
    { provide: AppConfig, useValue: config },
    { provide: MailTemplateRegistry, useValue: new MailTemplateRegistry() },
    { provide: MailAttachmentRegistry, useValue: new MailAttachmentRegistry() },
  ],
  exports: [AppConfig, MailTemplateRegistry, MailAttachmentRegistry],
})
class FakeAppModule {}

/** Stands in for H2's `GetInvoice` handler. */
@QueryHandler(GetInvoice)
class FakeGetInvoice implements IQueryHandler<GetInvoice> {
  async execute() {
    return invoiceDetailFixture();
  }
}

@Module({ imports: [BillingDocumentsModule], providers: [...BILLING_DOCUMENT_QUERY_HANDLERS, FakeGetInvoice] })
class BillingTestModule {}

describe('BillingDocumentsModule', () => {
  it('binds the renderer and the issuer, registers the templates and the PDF attachment that renders through the query bus', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CqrsModule.forRoot(), FakeAppModule, BillingTestModule] }).compile();
    await moduleRef.init();
    expect(moduleRef.get(InvoicePdfRenderer, { strict: false })).toBeInstanceOf(PdfLibInvoiceRenderer);
    expect(moduleRef.get(BillingIssuer, { strict: false })).toEqual({
      name: 'Fédération québécoise de la montagne',
      address: ['4545, avenue Pierre-De Coubertin', 'Montréal (Québec) H1V 0B2'],
      gstNumber: '123456789 RT0001',
      qstNumber: null,
      chequePayableTo: 'FQM',
      depositInstructions: 'Transit 12345',
    });
    expect(moduleRef.get(MailTemplateRegistry).names()).toEqual(['billing.credit-note-issued', 'billing.invoice-issued', 'billing.invoice-paid', 'billing.payment-failed']);
    const attachment = await moduleRef.get(MailAttachmentRegistry).get('billing.invoice-pdf').resolve('0190b5a0-0000-7000-8000-000000000123');
    expect(attachment.filename).toBe('F-2026-000123.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(Buffer.from(attachment.content.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await moduleRef.close();
  });
});
