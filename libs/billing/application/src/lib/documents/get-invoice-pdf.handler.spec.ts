import { GetInvoice, GetInvoicePdf, type BillingActor, type InvoiceDetail } from '@guichet/billing/contracts';
import type { QueryBus } from '@nestjs/cqrs';
import { InvoicePdfRenderer, type InvoiceIssuer } from '../ports/invoice-pdf-renderer';
import { GetInvoicePdfHandler } from './get-invoice-pdf.handler';
import { invoiceDetailFixture, ISSUER_FIXTURE } from '../../testing/invoice-detail.fixture';

class RecordingRenderer extends InvoicePdfRenderer {
  readonly rendered: { invoice: InvoiceDetail; issuer: InvoiceIssuer }[] = [];
  async render(invoice: InvoiceDetail, issuer: InvoiceIssuer): Promise<Uint8Array> {
    this.rendered.push({ invoice, issuer });
    return new TextEncoder().encode(`%PDF ${invoice.number}`);
  }
}

describe('GetInvoicePdfHandler', () => {
  const invoice = invoiceDetailFixture();
  const payer: BillingActor = { accountId: invoice.payerAccountId as string, finance: false };

  it('reads the invoice as the caller through GetInvoice, renders it with the issuer, names it <number>.pdf', async () => {
    const asked: GetInvoice[] = [];
    const bus = { execute: async (query: GetInvoice) => (asked.push(query), invoice) } as unknown as QueryBus;
    const renderer = new RecordingRenderer();
    const result = await new GetInvoicePdfHandler(bus, renderer, ISSUER_FIXTURE).execute(new GetInvoicePdf(payer, invoice.id));
    expect(asked[0]).toBeInstanceOf(GetInvoice);
    expect(asked[0]).toMatchObject({ actor: payer, invoiceId: invoice.id });
    expect(renderer.rendered).toEqual([{ invoice, issuer: ISSUER_FIXTURE }]);
    expect(result.filename).toBe('F-2026-000123.pdf');
    expect(new TextDecoder().decode(result.content)).toBe('%PDF F-2026-000123');
  });

  it('lets GetInvoice’s refusal through and renders nothing', async () => {
    const refusal = new Error('BILLING.INVOICE_NOT_FOUND');
    const bus = { execute: async () => Promise.reject(refusal) } as unknown as QueryBus;
    const renderer = new RecordingRenderer();
    await expect(new GetInvoicePdfHandler(bus, renderer, ISSUER_FIXTURE).execute(new GetInvoicePdf(payer, 'other'))).rejects.toBe(refusal);
    expect(renderer.rendered).toEqual([]);
  });
});
