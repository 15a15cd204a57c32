import { IssueInvoice, IssueManualInvoice, ListMyInvoices, SetProductTaxes } from '@guichet/billing/contracts';
import { BILL_TO, codeOf, FINANCE, harness } from '../../testing/harness';

describe('IssueInvoice and IssueManualInvoice', () => {
  it('numbers invoices per year, taxes each line half-up from the product rates, and tells the requester', async () => {
    const h = harness();
    await h.setTaxes.execute(new SetProductTaxes(FINANCE.accountId, 'seats.seat', 5000, 9975));
    const first = await h.invoice(1999);
    const second = await h.invoice(1000, { productCode: 'unknown' });
    expect([first.number, second.number]).toEqual(['F-2026-000001', 'F-2026-000002']);
    const stored = h.invoices.stored(first.invoiceId);
    // 19.99 $: GST 0.9995 → 1.00, QST 1.994 → 1.99.
    expect(stored.lines[0]).toMatchObject({ amountCents: 1999, gstCents: 100, qstCents: 199 });
    expect([stored.subtotalCents, stored.gstCents, stored.qstCents, stored.totalCents]).toEqual([1999, 100, 199, 2298]);
    expect(h.invoices.stored(second.invoiceId).totalCents).toBe(1000);
    expect(stored.payer.email).toBe('parent@exemple.qc.ca');
    expect(h.outbox.named('billing.invoice-issued.v1').map((e) => e.payload)).toEqual([
      expect.objectContaining({ invoiceId: first.invoiceId, number: 'F-2026-000001', totalCents: 2298, reference: first.reference, kind: 'invoice' }),
      expect.objectContaining({ invoiceId: second.invoiceId, totalCents: 1000 }),
    ]);
    expect(h.history.actions(first.invoiceId)).toEqual(['issued']);
  });

  it('returns the first invoice when the same reference is issued again', async () => {
    const h = harness();
    const first = await h.invoice(2000);
    const again = await h.invoice(9999, { reference: first.reference });
    expect(again).toEqual(first);
    expect(h.invoices.rows.size).toBe(1);
    expect(h.outbox.named('billing.invoice-issued.v1')).toHaveLength(1);
  });

  it('refuses an invoice without lines, with a quantity below 1 or a negative price', async () => {
    const h = harness();
    const issue = (lines: IssueInvoice['lines']) =>
      h.issueInvoice.execute(new IssueInvoice({ service: 'seats', id: 'o-1' }, { accountId: null, email: 'a@exemple.qc.ca', lang: 'fr' }, BILL_TO, lines, null, null, null));
    const line = { productCode: 'x', description: { fr: 'Ligne', en: 'Line' }, quantity: 1, unitPriceCents: 100 };
    expect(await codeOf(issue([]))).toBe('BILLING.INVALID_INVOICE');
    expect(await codeOf(issue([{ ...line, quantity: 0 }]))).toBe('BILLING.INVALID_INVOICE');
    expect(await codeOf(issue([{ ...line, unitPriceCents: -1 }]))).toBe('BILLING.INVALID_INVOICE');
    expect(await codeOf(issue([{ ...line, quantity: 1.5 }]))).toBe('BILLING.INVALID_INVOICE');
    expect(h.invoices.rows.size).toBe(0);
  });

  it('issues a manual invoice to the account found by e-mail, as service `manual`', async () => {
    const h = harness();
    h.payers.accounts.set('membre@exemple.qc.ca', h.payerId);
    const { invoiceId } = await h.issueManual.execute(
      new IssueManualInvoice(FINANCE.accountId, ' Membre@Exemple.qc.ca ', 'en', BILL_TO, [{ description: 'Cotisation', quantity: 2, unitPriceCents: 2500 }], 'cheque'),
    );
    const stored = h.invoices.stored(invoiceId);
    expect(stored).toMatchObject({ reference: { service: 'manual' }, payer: { accountId: h.payerId, lang: 'en' }, method: 'cheque', totalCents: 5000, issuedBy: FINANCE.accountId });
    expect((await h.listMine.execute(new ListMyInvoices(h.payerId))).map((i) => i.id)).toEqual([invoiceId]);
    const unknown = await h.issueManual.execute(
      new IssueManualInvoice(FINANCE.accountId, 'inconnu@exemple.qc.ca', 'fr', BILL_TO, [{ description: 'Frais', quantity: 1, unitPriceCents: 500 }], null),
    );
    expect(h.invoices.stored(unknown.invoiceId).payer.accountId).toBeNull();
  });
});
