import { invoiceIssuedMail, invoicePaidMail, paymentFailedMail } from '@guichet/billing/application';
import { checkMailParams, MailTemplateRegistry, renderMail } from '@guichet/shared/mail';
import { BILLING_MAIL_TEMPLATES } from './billing-mail.templates';
import { invoiceDetailFixture, ISSUER_FIXTURE } from '@guichet/billing/application/testing';

const registry = new MailTemplateRegistry([...BILLING_MAIL_TEMPLATES]);
const publicUrl = 'https://guichet.test';

function render(message: ReturnType<typeof invoiceIssuedMail>) {
  const template = registry.get(message.template);
  checkMailParams(template, message.params);
  return renderMail(template, message.lang, message.params, { publicUrl });
}

describe('Billing mail templates', () => {
  it('registers the four templates under billing.*', () => {
    expect(registry.names()).toEqual(['billing.credit-note-issued', 'billing.invoice-issued', 'billing.invoice-paid', 'billing.payment-failed']);
  });

  it('invoice-issued (cheque, fr): number and total, manual 001 instructions, the portal link', () => {
    const mail = render(invoiceIssuedMail(invoiceDetailFixture(), ISSUER_FIXTURE, publicUrl));
    expect(mail.subject).toBe('Votre facture F-2026-000123');
    expect(mail.text).toContain('Votre facture F-2026-000123 au montant de 114,98 $ est jointe à ce courriel (PDF).');
    expect(mail.text).toContain('faites-le à l’ordre de Fédération québécoise de la montagne et indiquez votre numéro de facture (F-2026-000123) sur le chèque');
    expect(mail.html).toContain('<a href="https://guichet.test/factures/0190b5a0-0000-7000-8000-000000000123">Consulter la facture en ligne</a>');
  });

  it('invoice-issued (card, en): the link to pay online', () => {
    const mail = render(invoiceIssuedMail(invoiceDetailFixture({ lang: 'en', method: 'card' }), ISSUER_FIXTURE, publicUrl));
    expect(mail.subject).toBe('Your invoice F-2026-000123');
    expect(mail.text).toContain('Your invoice F-2026-000123 for $114.98 is attached');
    expect(mail.text).toContain('You can pay the balance ($114.98) online by credit card from the link below.');
    expect(mail.text).toContain('View the invoice online: https://guichet.test/factures/0190b5a0-0000-7000-8000-000000000123');
  });

  it('credit-note-issued, invoice-paid and payment-failed render in both languages with their values escaped', () => {
    const note = invoiceDetailFixture({ kind: 'credit-note', number: 'F-2026-000130', originalInvoiceNumber: 'F-2026-000123', totalCents: -2_000 });
    expect(render(invoiceIssuedMail(note, ISSUER_FIXTURE, publicUrl)).subject).toBe('Note de crédit F-2026-000130 (facture F-2026-000123)');
    expect(render(invoiceIssuedMail({ ...note, lang: 'en' }, ISSUER_FIXTURE, publicUrl)).text).toContain('Credit note F-2026-000130 for $20.00 was issued for invoice F-2026-000123');
    const paid = render(invoicePaidMail(invoiceDetailFixture({ status: 'paid', balanceCents: 0 }), '2026-03-04T15:00:00Z', publicUrl));
    expect(paid.subject).toBe('Reçu : facture F-2026-000123 payée');
    expect(paid.text).toContain('est payée depuis le 4 mars 2026');
    const failed = render(paymentFailedMail(invoiceDetailFixture({ lang: 'en', number: 'F-<b>' }), 'p1', 'card_declined', publicUrl));
    expect(failed.text).toContain('did not go through: the card was declined');
    expect(failed.html).toContain('F-&lt;b&gt;');
    expect(failed.html).toContain('href="https://guichet.test/factures/');
  });
});
