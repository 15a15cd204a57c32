import { Invoice } from './invoice.aggregate';
import { formatInvoiceNumber } from './invoice-number';

const NOW = new Date('2026-03-02T14:00:00Z');

function issue(lines: { unitPriceCents: number; quantity?: number; gst?: number; qst?: number }[], payableUntil: Date | null = null): Invoice {
  return Invoice.issue({
    id: '0192e4a0-7d3c-7b2e-9f00-000000000001',
    sequence: 123,
    year: 2026,
    reference: { service: 'seats', id: 'order-1' },
    payer: { accountId: null, email: ' A@Exemple.qc.ca ', lang: 'fr' },
    billTo: { kind: 'individual', name: 'A', address: { line1: '1 rue', city: 'Québec', postalCode: 'G1R 2B5' } },
    lines: lines.map((l) => ({
      productCode: 'p',
      description: { fr: 'Ligne', en: 'Line' },
      quantity: l.quantity ?? 1,
      unitPriceCents: l.unitPriceCents,
      rates: { gstMilliPercent: l.gst ?? 0, qstMilliPercent: l.qst ?? 0 },
    })),
    method: 'card',
    payableUntil,
    issuedBy: null,
    now: NOW,
  });
}

describe('Invoice', () => {
  it('formats numbers per series and year', () => {
    expect(formatInvoiceNumber('invoice', 2026, 123)).toBe('F-2026-000123');
    expect(formatInvoiceNumber('credit-note', 2026, 4)).toBe('NC-2026-000004');
    expect(() => formatInvoiceNumber('invoice', 2026, 0)).toThrow(RangeError);
  });

  it('taxes each line half-up and sums the lines exactly', () => {
    // 0.10 $ × 5 % = 0.005 → 0.01; × 9.975 % = 0.009975 → 0.01. Two such lines: 0.02 each tax.
    const invoice = issue([{ unitPriceCents: 10, gst: 5000, qst: 9975 }, { unitPriceCents: 10, gst: 5000, qst: 9975 }]);
    const s = invoice.toSnapshot();
    expect(s.lines.map((l) => [l.gstCents, l.qstCents])).toEqual([[1, 1], [1, 1]]);
    expect([s.subtotalCents, s.gstCents, s.qstCents, s.totalCents]).toEqual([20, 2, 2, 24]);
    expect(s.number).toBe('F-2026-000123');
    expect(s.payer.email).toBe('a@exemple.qc.ca');
    expect(invoice.peekEvents().map((e) => e.name)).toEqual(['InvoiceIssued']);
  });

  it('is paid when payments bring the balance to zero, and refuses over-payment', () => {
    const invoice = issue([{ unitPriceCents: 1000 }]);
    invoice.applyPayment(400, NOW);
    expect([invoice.status, invoice.balanceCents]).toEqual(['issued', 600]);
    expect(() => invoice.applyPayment(601, NOW)).toThrow(expect.objectContaining({ code: 'BILLING.OVERPAYMENT' }));
    invoice.applyPayment(600, NOW);
    expect([invoice.status, invoice.balanceCents]).toEqual(['paid', 0]);
    expect(invoice.peekEvents().map((e) => e.name)).toEqual(['InvoiceIssued', 'InvoicePaid']);
    expect(() => invoice.applyPayment(1, NOW)).toThrow(expect.objectContaining({ code: 'BILLING.NOTHING_DUE' }));
  });

  it('keeps the balance through a partial refund with its credit note, and is canceled when credited in full', () => {
    const invoice = issue([{ unitPriceCents: 1000 }]);
    invoice.applyPayment(1000, NOW);
    invoice.applyRefund(300);
    invoice.applyCredit(300, NOW);
    expect([invoice.status, invoice.balanceCents, invoice.netPaidCents]).toEqual(['paid', 0, 700]);
    invoice.applyRefund(700);
    invoice.applyCredit(700, NOW);
    expect(invoice.status).toBe('canceled');
    expect(() => invoice.applyCredit(1, NOW)).toThrow(RangeError);
  });

  it('does not take a payment once canceled or past its deadline', () => {
    const until = new Date(NOW.getTime() + 1000);
    const invoice = issue([{ unitPriceCents: 1000 }], until);
    expect(invoice.canApply(1000, NOW)).toBe(true);
    expect(invoice.canApply(1001, NOW)).toBe(false);
    expect(invoice.canApply(1000, new Date(until.getTime() + 1))).toBe(false);
    expect(() => invoice.assertPayable(new Date(until.getTime() + 1))).toThrow(expect.objectContaining({ code: 'BILLING.INVOICE_NOT_PAYABLE' }));
    invoice.applyCredit(1000, NOW);
    expect(invoice.canApply(1000, NOW)).toBe(false);
  });

  it('splits a credit note over subtotal and taxes in proportion', () => {
    const invoice = issue([{ unitPriceCents: 10000, gst: 5000, qst: 9975 }]);
    const note = invoice.creditNote({ id: '0192e4a0-7d3c-7b2e-9f00-000000000002', sequence: 1, year: 2026, amountCents: 11498, reason: 'Annulation', issuedBy: null, now: NOW });
    const s = note.toSnapshot();
    expect([s.kind, s.number, s.originalInvoiceId, s.subtotalCents, s.gstCents, s.qstCents, s.totalCents]).toEqual([
      'credit-note',
      'NC-2026-000001',
      invoice.id,
      10000,
      500,
      998,
      11498,
    ]);
    expect(note.balanceCents).toBe(0);
  });
});
