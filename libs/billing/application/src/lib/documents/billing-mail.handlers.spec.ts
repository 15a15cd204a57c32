import { GetInvoice, InvoiceIssuedV1, InvoicePaidV1, PaymentFailedV1, SYSTEM_ACTOR, type InvoiceDetail } from '@guichet/billing/contracts';
import { InMemoryMailOutbox } from '@guichet/shared/application';
import type { QueryBus } from '@nestjs/cqrs';
import { MailFailedPayment, MailIssuedInvoice, MailPaidInvoice } from './billing-mail.handlers';
import { invoiceDetailFixture, ISSUER_FIXTURE } from '../../testing/invoice-detail.fixture';

/** A query bus that answers `GetInvoice` from a map, and records what it was asked. */
function fakeQueries(invoices: InvoiceDetail[]) {
  const asked: GetInvoice[] = [];
  const bus = {
    execute: async (query: unknown) => {
      if (!(query instanceof GetInvoice)) throw new Error('unexpected query');
      asked.push(query);
      const invoice = invoices.find((candidate) => candidate.id === query.invoiceId);
      if (!invoice) throw new Error('not found');
      return invoice;
    },
  } as unknown as QueryBus;
  return { bus, asked };
}

const links = { publicUrl: 'https://guichet.test/' };
const reference = { service: 'card-requests' as const, id: 'req-9' };
const at = { occurredAt: new Date('2026-03-02T15:00:00Z') };

describe('MailIssuedInvoice', () => {
  it('mails a cheque invoice to its payer in French with the PDF, the 001 instructions and a key', async () => {
    const invoice = invoiceDetailFixture();
    const { bus, asked } = fakeQueries([invoice]);
    const outbox = new InMemoryMailOutbox();
    const handler = new MailIssuedInvoice(bus, outbox, ISSUER_FIXTURE, links);
    const event = InvoiceIssuedV1.create(
      { invoiceId: invoice.id, number: invoice.number, kind: 'invoice', reference, totalCents: invoice.totalCents, method: 'cheque', originalInvoiceId: null },
      at,
    );
    await handler.handle(event);
    await handler.handle(event);
    expect(asked[0]).toMatchObject({ actor: SYSTEM_ACTOR, invoiceId: invoice.id });
    expect(outbox.sent).toHaveLength(1);
    const [mail] = outbox.sent;
    expect(mail).toMatchObject({
      to: 'tresorerie@cimes.example.org',
      lang: 'fr',
      template: 'billing.invoice-issued',
      idempotencyKey: `billing.invoice-issued:${invoice.id}`,
      attachments: [{ kind: 'billing.invoice-pdf', ref: invoice.id }],
    });
    expect(mail.params).toMatchObject({ number: 'F-2026-000123', total: '114,98 $', invoiceUrl: `https://guichet.test/factures/${invoice.id}` });
    expect(String(mail.params['instructions'])).toContain('à l’ordre de Fédération québécoise de la montagne');
    expect(String(mail.params['instructions'])).toContain('indiquez votre numéro de facture (F-2026-000123) sur le chèque');
  });

  it('gives deposit details in English, and the payment link wording for a card invoice', async () => {
    const deposit = invoiceDetailFixture({ id: 'inv-d', lang: 'en', method: 'deposit' });
    const card = invoiceDetailFixture({ id: 'inv-c', method: 'card' });
    const { bus } = fakeQueries([deposit, card]);
    const outbox = new InMemoryMailOutbox();
    const handler = new MailIssuedInvoice(bus, outbox, ISSUER_FIXTURE, links);
    for (const invoice of [deposit, card]) {
      await handler.handle(
        InvoiceIssuedV1.create({ invoiceId: invoice.id, number: invoice.number, kind: 'invoice', reference, totalCents: 1, method: invoice.method, originalInvoiceId: null }, at),
      );
    }
    expect(outbox.sent[0].params['total']).toBe('$114.98');
    expect(outbox.sent[0].params['instructions']).toBe(
      `To pay by direct deposit ($114.98): ${ISSUER_FIXTURE.depositInstructions}. Give your invoice number (F-2026-000123) as the transfer reference.`,
    );
    expect(outbox.sent[1].params['instructions']).toContain('en ligne par carte de crédit');
    expect(outbox.sent[1].params['instructions']).toContain('solde minimal de 5 $');
  });

  it('uses the credit-note template for a credit note, with the original invoice number', async () => {
    const note = invoiceDetailFixture({ id: 'cn-1', kind: 'credit-note', number: 'NC-2026-000004', totalCents: -2_000, originalInvoiceNumber: 'F-2026-000123' });
    const { bus } = fakeQueries([note]);
    const outbox = new InMemoryMailOutbox();
    await new MailIssuedInvoice(bus, outbox, ISSUER_FIXTURE, links).handle(
      InvoiceIssuedV1.create({ invoiceId: 'cn-1', number: note.number, kind: 'credit-note', reference, totalCents: -2_000, method: null, originalInvoiceId: 'x' }, at),
    );
    expect(outbox.sent[0]).toMatchObject({
      template: 'billing.credit-note-issued',
      idempotencyKey: 'billing.credit-note-issued:cn-1',
      params: { number: 'NC-2026-000004', originalNumber: 'F-2026-000123', total: '20,00 $', invoiceUrl: 'https://guichet.test/factures/cn-1' },
      attachments: [{ kind: 'billing.invoice-pdf', ref: 'cn-1' }],
    });
  });
});

describe('MailPaidInvoice', () => {
  it('mails the receipt with the payment day in the payer’s language', async () => {
    const invoice = invoiceDetailFixture({ status: 'paid', balanceCents: 0, paidCents: 11_498, lang: 'en' });
    const { bus } = fakeQueries([invoice]);
    const outbox = new InMemoryMailOutbox();
    await new MailPaidInvoice(bus, outbox, links).handle(
      InvoicePaidV1.create({ invoiceId: invoice.id, number: invoice.number, reference, totalCents: 11_498, paidAt: '2026-03-05T03:30:00.000Z' }, at),
    );
    expect(outbox.sent[0]).toMatchObject({
      to: invoice.payerEmail,
      lang: 'en',
      template: 'billing.invoice-paid',
      idempotencyKey: `billing.invoice-paid:${invoice.id}`,
      // 03:30 UTC is still March 4 in Montréal.
      params: { number: 'F-2026-000123', total: '$114.98', paidOn: 'March 4, 2026' },
      attachments: [{ kind: 'billing.invoice-pdf', ref: invoice.id }],
    });
  });
});

describe('MailFailedPayment', () => {
  const failed = (invoiceId: string, failureCode: string) =>
    PaymentFailedV1.create({ invoiceId, paymentId: `pay-${failureCode}`, reference, method: 'card', failureCode }, at);

  it('mails why and the link to try again, once per payment', async () => {
    const invoice = invoiceDetailFixture({ method: 'card' });
    const { bus } = fakeQueries([invoice]);
    const outbox = new InMemoryMailOutbox();
    const handler = new MailFailedPayment(bus, outbox, links);
    await handler.handle(failed(invoice.id, 'card_declined'));
    await handler.handle(failed(invoice.id, 'card_declined'));
    expect(outbox.sent).toHaveLength(1);
    expect(outbox.sent[0]).toMatchObject({
      template: 'billing.payment-failed',
      idempotencyKey: 'billing.payment-failed:pay-card_declined',
      params: { number: 'F-2026-000123', balance: '114,98 $', reason: 'la carte a été refusée', retryUrl: `https://guichet.test/factures/${invoice.id}` },
    });
  });

  it('stays quiet when the payer canceled, or when the invoice was paid meanwhile', async () => {
    const paid = invoiceDetailFixture({ id: 'paid', status: 'paid', balanceCents: 0 });
    const { bus, asked } = fakeQueries([paid]);
    const outbox = new InMemoryMailOutbox();
    const handler = new MailFailedPayment(bus, outbox, links);
    await handler.handle(failed('paid', 'canceled'));
    expect(asked).toHaveLength(0);
    await handler.handle(failed('paid', 'card_declined'));
    expect(asked).toHaveLength(1);
    expect(outbox.sent).toEqual([]);
  });
});
