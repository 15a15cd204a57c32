import {
  CancelInvoice,
  ExportInvoicesCsv,
  ExportPaymentsCsv,
  GetInvoice,
  GetReconciliation,
  PayByCard,
  RecordManualPayment,
  RefundPayment,
  SearchInvoices,
  SetProductTaxes,
} from '@guichet/billing/contracts';
import { codeOf, FINANCE, harness } from '../../testing/harness';

const CLERK = FINANCE.accountId;

describe('Finance desk', () => {
  it('records cheques until the invoice is paid; over-payment and the same cheque twice are refused', async () => {
    const h = harness();
    const { invoiceId, reference } = await h.invoice(3000, { method: 'cheque' });
    expect(await codeOf(h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 3001, '2026-03-02', '100')))).toBe('BILLING.OVERPAYMENT');
    expect(await codeOf(h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 100, '2026-03-03', '100')))).toBe('BILLING.INVALID_PAYMENT');
    expect(await codeOf(h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 0, '2026-03-02', '100')))).toBe('BILLING.INVALID_PAYMENT');
    const first = await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1000, '2026-03-01', '100'));
    expect(first).toMatchObject({ state: 'confirmed', label: '100' });
    expect(await codeOf(h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1000, '2026-03-01', ' 100 ')))).toBe('BILLING.DUPLICATE_PAYMENT');
    // The same number as a transfer is another payment.
    await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'deposit', 2000, '2026-03-02', '100'));
    expect(h.invoices.stored(invoiceId)).toMatchObject({ status: 'paid', paidCents: 3000 });
    expect(h.outbox.named('billing.invoice-paid.v1').map((e) => e.payload)).toEqual([expect.objectContaining({ invoiceId, reference, totalCents: 3000 })]);
    expect(await codeOf(h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 1, '2026-03-02', '101')))).toBe('BILLING.NOTHING_DUE');
    expect(h.history.actions(invoiceId)).toEqual(['issued', 'payment-recorded', 'payment-recorded', 'paid']);
  });

  it('refunds in part with a credit note of its own number, once per key, never more than paid', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(5000);
    const payment = await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'deposit', 5000, '2026-03-02', 'VIR-1'));
    const refund = await h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 1500, 'Rabais accordé', 'r-1'));
    expect(refund).toMatchObject({ state: 'succeeded', amountCents: 1500, creditNoteNumber: 'NC-2026-000001' });
    expect(await h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 1500, 'Rabais accordé', 'r-1'))).toEqual(refund);
    expect(h.gateway.refunds).toHaveLength(0);
    expect(await codeOf(h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 3501, 'Trop', 'r-2')))).toBe('BILLING.REFUND_EXCEEDS_PAYMENT');
    expect(h.invoices.stored(invoiceId)).toMatchObject({ status: 'paid', creditedCents: 1500, refundedCents: 1500 });
    expect(h.payments.stored(payment.id)).toMatchObject({ state: 'partially-refunded', refundedCents: 1500 });
    expect(h.invoices.stored(refund.creditNoteId)).toMatchObject({ kind: 'credit-note', originalInvoiceId: invoiceId, totalCents: 1500 });
    await h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 3500, 'Annulation', 'r-3'));
    expect(h.invoices.stored(invoiceId).status).toBe('canceled');
    expect(h.outbox.named('billing.refund-issued.v1')).toHaveLength(2);
    expect(await codeOf(h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 1, 'Encore', 'r-4')))).toBe('BILLING.PAYMENT_NOT_REFUNDABLE');
  });

  it('splits the taxes of a credit note in proportion, without losing a cent', async () => {
    const h = harness();
    await h.setTaxes.execute(new SetProductTaxes(CLERK, 'taxed', 5000, 9975));
    const { invoiceId } = await h.invoice(10000, { productCode: 'taxed' });
    expect(h.invoices.stored(invoiceId).totalCents).toBe(11498);
    const payment = await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 11498, '2026-03-02', '9'));
    const refund = await h.refundPayment.execute(new RefundPayment(CLERK, payment.id, 1000, 'Partiel', 'r'));
    const note = h.invoices.stored(refund.creditNoteId);
    expect(note.subtotalCents + note.gstCents + note.qstCents).toBe(1000);
    expect([note.subtotalCents, note.gstCents, note.qstCents]).toEqual([870, 43, 87]);
  });

  it('cancels an invoice: refused with payments unless asked to refund them', async () => {
    const h = harness();
    const { invoiceId, reference } = await h.invoice(2000);
    await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 500, '2026-03-02', '1'));
    expect(await codeOf(h.cancelInvoice.execute(new CancelInvoice(reference, 'Annulé', false, CLERK)))).toBe('BILLING.INVOICE_HAS_PAYMENTS');
    const { creditNoteId } = await h.cancelInvoice.execute(new CancelInvoice(reference, 'Annulé', true, CLERK));
    expect(h.invoices.stored(invoiceId)).toMatchObject({ status: 'canceled', creditedCents: 2000, paidCents: 500, refundedCents: 500 });
    expect(h.invoices.stored(creditNoteId as string)).toMatchObject({ kind: 'credit-note', totalCents: 1500 });
    expect(await h.cancelInvoice.execute(new CancelInvoice(reference, 'Annulé', true, CLERK))).toEqual({ creditNoteId: null });
    expect(await codeOf(h.payByCard.execute(new PayByCard(h.payer, invoiceId, 'tok', 'k')))).toBe('BILLING.INVOICE_NOT_PAYABLE');
  });

  it('refuses tax rates outside 0–100 %', async () => {
    const h = harness();
    expect(await codeOf(h.setTaxes.execute(new SetProductTaxes(CLERK, 'x', -1, 0)))).toBe('BILLING.INVALID_TAX_RATE');
    expect(await codeOf(h.setTaxes.execute(new SetProductTaxes(CLERK, 'x', 0, 100_001)))).toBe('BILLING.INVALID_TAX_RATE');
    expect(await codeOf(h.setTaxes.execute(new SetProductTaxes(CLERK, ' ', 0, 0)))).toBe('BILLING.INVALID_TAX_RATE');
  });

  it('shows history to finance only, and another payer’s invoice to nobody else', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(2000);
    expect((await h.getInvoice.execute(new GetInvoice(FINANCE, invoiceId))).history.map((e) => e.action)).toEqual(['issued']);
    expect((await h.getInvoice.execute(new GetInvoice(h.payer, invoiceId))).history).toEqual([]);
    expect(await codeOf(h.getInvoice.execute(new GetInvoice({ accountId: CLERK, finance: false }, invoiceId)))).toBe('BILLING.INVOICE_NOT_FOUND');
    expect(await codeOf(h.getInvoice.execute(new GetInvoice(FINANCE, 'not-a-uuid')))).toBe('BILLING.INVOICE_NOT_FOUND');
  });

  it('reconciles a day and exports CSV for French Excel', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(123456);
    await h.recordPayment.execute(new RecordManualPayment(CLERK, invoiceId, 'cheque', 100000, '2026-03-02', 'A; "B"'));
    const day = await h.reconciliation.execute(new GetReconciliation('2026-03-02'));
    expect(day.byMethod).toEqual([expect.objectContaining({ key: 'cheque', count: 1, totalCents: 100000 })]);
    expect(day.byService).toEqual([expect.objectContaining({ key: 'seats', totalCents: 100000 })]);
    expect((await h.reconciliation.execute(new GetReconciliation('2026-03-03'))).paymentsCents).toBe(0);
    expect(await codeOf(h.reconciliation.execute(new GetReconciliation('2026-3-2')))).toBe('BILLING.INVALID_DATE');

    const invoicesCsv = await h.exportInvoices.execute(new ExportInvoicesCsv('2026-03-01', '2026-03-31'));
    const lines = invoicesCsv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNuméro;Type;Statut;Date;Service;Référence;Facturé à;Courriel;Mode de paiement;Sous-total;TPS;TVQ;Total;Solde;Facture d’origine');
    expect(lines[1]).toContain(';Club de plongée du Saguenay;parent@exemple.qc.ca;Carte;1234,56;0,00;0,00;1234,56;234,56;');
    const paymentsCsv = await h.exportPayments.execute(new ExportPaymentsCsv('2026-03-01', '2026-03-31'));
    expect(paymentsCsv).toContain(';Chèque;Confirmé;1000,00;0,00;');
    expect(paymentsCsv).toContain('"A; ""B"""');
    const found = await h.search.execute(new SearchInvoices({ payer: 'PLONGÉE', pageSize: 500 }));
    expect(found).toEqual({ items: [expect.objectContaining({ id: invoiceId })], total: 1 });
  });
});
