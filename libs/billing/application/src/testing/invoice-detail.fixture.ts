import type { InvoiceDetail } from '@guichet/billing/contracts';
import type { InvoiceIssuer } from '../lib/ports/invoice-pdf-renderer';

/** For unit specs only: an issued cheque invoice of 115 $ billed to an organization, in French. */
export function invoiceDetailFixture(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: '0190b5a0-0000-7000-8000-000000000123',
    number: 'F-2026-000123',
    kind: 'invoice',
    status: 'issued',
    issuedAt: '2026-03-02T15:00:00.000Z',
    reference: { service: 'card-requests', id: 'req-9' },
    billToName: 'Club de plein air Les Cimes',
    payerEmail: 'tresorerie@cimes.example.org',
    method: 'cheque',
    totalCents: 11_498,
    balanceCents: 11_498,
    originalInvoiceNumber: null,
    lang: 'fr',
    payerAccountId: '0190b5a0-0000-7000-8000-0000000000aa',
    billTo: {
      kind: 'organization',
      name: 'Club de plein air Les Cimes',
      attention: 'Élise Côté',
      address: { line1: '123, rue Saint-Denis', line2: 'Bureau 4', city: 'Montréal', province: 'QC', postalCode: 'H2X 1Y4' },
    },
    lines: [
      { productCode: 'card-requests.card', description: 'Cartes de membre', quantity: 50, unitPriceCents: 200, amountCents: 10_000, gstCents: 500, qstCents: 998 },
    ],
    subtotalCents: 10_000,
    gstCents: 500,
    qstCents: 998,
    paidCents: 0,
    creditedCents: 0,
    payableUntil: null,
    payments: [],
    refunds: [],
    creditNotes: [],
    history: [],
    ...overrides,
  };
}

export const ISSUER_FIXTURE: InvoiceIssuer = {
  name: 'Fédération québécoise de la montagne',
  address: ['4545, avenue Pierre-De Coubertin', 'Montréal (Québec) H1V 0B2'],
  gstNumber: '123456789 RT0001',
  qstNumber: '1234567890 TQ0001',
  chequePayableTo: 'Fédération québécoise de la montagne',
  depositInstructions: 'Caisse Desjardins, transit 12345, institution 815, compte 1234567',
};
