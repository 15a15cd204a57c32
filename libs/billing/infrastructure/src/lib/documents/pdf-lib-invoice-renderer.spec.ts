import type { InvoiceDetail } from '@guichet/billing/contracts';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { invoiceDetailFixture, ISSUER_FIXTURE } from '@guichet/billing/application/testing';
import { PdfLibInvoiceRenderer } from './pdf-lib-invoice-renderer';

interface ExtractedPdf {
  readonly totalPages: number;
  readonly pages: string[];
  readonly info: Record<string, unknown>;
}

/** Text of each page as unpdf (pdf.js) reads it, spaces (incl. no-break) collapsed. */
function extract(pdf: Uint8Array): ExtractedPdf {
  const out = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], { input: Buffer.from(pdf), maxBuffer: 16 * 1024 * 1024 });
  const parsed = JSON.parse(out.toString('utf8')) as ExtractedPdf;
  return { ...parsed, pages: parsed.pages.map((page) => page.replace(/[\s\u00a0]+/g, ' ')) };
}

const renderer = new PdfLibInvoiceRenderer();

async function renderText(invoice: InvoiceDetail): Promise<ExtractedPdf & { text: string; bytes: Uint8Array }> {
  const bytes = await renderer.render(invoice, ISSUER_FIXTURE);
  const extracted = extract(bytes);
  return { ...extracted, text: extracted.pages.join(' '), bytes };
}

describe('PdfLibInvoiceRenderer', () => {
  it('renders a French cheque invoice: title, number, parties, lines, taxes with numbers, totals, 001 instructions', async () => {
    const { text, bytes, totalPages, info } = await renderText(invoiceDetailFixture());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(totalPages).toBe(1);
    expect(info).toMatchObject({ Title: 'F-2026-000123', Language: 'fr-CA', Author: 'Fédération québécoise de la montagne', Creator: 'Guichet' });
    for (const expected of [
      'FACTURE',
      'Numéro : F-2026-000123',
      'Date : 2 mars 2026',
      'Mode de paiement : Chèque',
      'Fédération québécoise de la montagne',
      'No TPS : 123456789 RT0001',
      'Facturé à (organisme)',
      'Club de plein air Les Cimes',
      'À l’attention de : Élise Côté',
      '123, rue Saint-Denis',
      'Montréal (QC) H2X 1Y4',
      'Cartes de membre',
      '2,00 $',
      'Sous-total : 100,00 $',
      'TPS (No TPS 123456789 RT0001) : 5,00 $',
      'TVQ (No TVQ 1234567890 TQ0001) : 9,98 $',
      'Total : 114,98 $',
      'Paiements reçus : 0,00 $',
      'Solde à payer : 114,98 $',
      'Paiement par chèque',
      'Faites votre chèque à l’ordre de : Fédération québécoise de la montagne',
      'Indiquez votre numéro de facture sur le chèque : F-2026-000123',
      'Page 1 de 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('PAYÉE');
  });

  it('renders in English for an English payer, with the deposit details', async () => {
    const invoice = invoiceDetailFixture({
      lang: 'en',
      method: 'deposit',
      billTo: { kind: 'individual', name: 'Ana Tremblay', address: { line1: '9 Pine St', city: 'Gatineau', postalCode: 'J8X 1A1' } },
      billToName: 'Ana Tremblay',
    });
    const { text, info } = await renderText(invoice);
    expect(info).toMatchObject({ Title: 'F-2026-000123', Language: 'en-CA' });
    for (const expected of [
      'INVOICE',
      'Number: F-2026-000123',
      'Date: March 2, 2026',
      'Billed to (individual)',
      'Ana Tremblay',
      'Gatineau (QC) J8X 1A1',
      'GST (GST No. 123456789 RT0001): $5.00',
      'QST (QST No. 1234567890 TQ0001): $9.98',
      'Total: $114.98',
      'Balance due: $114.98',
      'Paying by direct deposit',
      ISSUER_FIXTURE.depositInstructions,
      'Give your invoice number as the transfer reference: F-2026-000123',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Attention');
    expect(text).not.toContain('Facturé');
  });

  it('prints the English cheque instructions, and omits tax numbers the issuer does not have', async () => {
    const bytes = await renderer.render(invoiceDetailFixture({ lang: 'en' }), { ...ISSUER_FIXTURE, gstNumber: null, qstNumber: null });
    const text = extract(bytes).pages.join(' ');
    expect(text).toContain('Make your cheque payable to: Fédération québécoise de la montagne');
    expect(text).toContain('Write your invoice number on the cheque: F-2026-000123');
    expect(text).toContain('GST: $5.00');
    expect(text).not.toContain('GST No.');
  });

  it('stamps a paid invoice PAYÉE, lists the payments received and drops the instructions', async () => {
    const invoice = invoiceDetailFixture({
      status: 'paid',
      method: 'card',
      paidCents: 11_498,
      balanceCents: 0,
      payments: [
        {
          id: 'p1',
          invoiceId: 'x',
          method: 'card',
          state: 'confirmed',
          amountCents: 11_498,
          refundedCents: 0,
          createdAt: '2026-03-02T15:05:00.000Z',
          confirmedAt: '2026-03-02T15:06:00.000Z',
          label: 'visa •••• 4242',
          nextActionUrl: null,
          failureCode: null,
          heldForStaff: false,
        },
      ],
    });
    const { text } = await renderText(invoice);
    expect(text).toContain('PAYÉE');
    expect(text).toContain('Paiements reçus : 114,98 $');
    expect(text).toContain('Solde à payer : 0,00 $');
    expect(text).toContain('2 mars 2026 · Carte de crédit visa •••• 4242');
    expect(text).not.toContain('Paiement par chèque');
    const english = (await renderText({ ...invoice, lang: 'en' })).text;
    expect(english).toContain('PAID');
  });

  it('titles a credit note NOTE DE CRÉDIT / CREDIT NOTE with the original invoice number', async () => {
    const note = invoiceDetailFixture({ kind: 'credit-note', number: 'F-2026-000130', originalInvoiceNumber: 'F-2026-000123', method: null, totalCents: -2_000, subtotalCents: -2_000, gstCents: 0, qstCents: 0 });
    const fr = (await renderText(note)).text;
    expect(fr).toContain('NOTE DE CRÉDIT');
    expect(fr).toContain('Facture d’origine : F-2026-000123');
    expect(fr).toContain('Total : -20,00 $');
    expect(fr).not.toContain('Solde à payer');
    const en = (await renderText({ ...note, lang: 'en' })).text;
    expect(en).toContain('CREDIT NOTE');
    expect(en).toContain('Original invoice: F-2026-000123');
  });

  it('continues the lines on more pages, header repeated, totals after the last line', async () => {
    const lines = Array.from({ length: 70 }, (_, index) => ({
      productCode: 'seats.seat',
      description: `Place no ${index + 1} au cours de secourisme en milieu éloigné, session d’automne avec un titre assez long pour passer à la ligne`,
      quantity: 1,
      unitPriceCents: 4_500,
      amountCents: 4_500,
      gstCents: 0,
      qstCents: 0,
    }));
    const { pages, totalPages } = await renderText(invoiceDetailFixture({ lines, subtotalCents: 315_000, gstCents: 0, qstCents: 0, totalCents: 315_000, balanceCents: 315_000 }));
    expect(totalPages).toBeGreaterThan(2);
    expect(pages).toHaveLength(totalPages);
    pages.forEach((page, index) => {
      expect(page).toContain('Description');
      expect(page).toContain(`Page ${index + 1} de ${totalPages}`);
    });
    expect(pages.join(' ')).toContain('Place no 70 au cours');
    expect(pages.at(-1)).toContain('Total : 3 150,00 $');
    expect(pages[0]).not.toContain('Total :');
  });

  it('draws characters Helvetica lacks: narrow spaces, and stand-ins for the rest', async () => {
    const invoice = invoiceDetailFixture({
      billTo: { kind: 'individual', name: 'Zoë Ŵilliams\u202fJr', address: { line1: '1 rue\u2009A', city: 'Laval', postalCode: 'H7N 1A1' } },
      lines: [{ productCode: 'x', description: 'Atelier 🚀 ≠ cours', quantity: 1, unitPriceCents: 100, amountCents: 100, gstCents: 0, qstCents: 0 }],
    });
    const { text } = await renderText(invoice);
    expect(text).toContain('Zoë Williams Jr');
    expect(text).toContain('1 rue A');
    expect(text).toContain('Atelier ? ? cours');
  });
});
