import type { PrintableCard } from '@guichet/card-requests/application';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { CARD_HEIGHT, CARD_WIDTH, PdfLibCardsRenderer } from './pdf-lib-cards-renderer';

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

function card(index: number, overrides: Partial<PrintableCard> = {}): PrintableCard {
  const n = String(index).padStart(3, '0');
  return {
    participantName: `Participant${n} Côté`,
    activityName: 'Principes de déplacement sécuritaire des bénéficiaires (PDSB)',
    sessionEndDate: '2026-03-14',
    trainerName: 'Claude Éthier',
    cardNumber: `C-2026-${n}`,
    expiresOn: '2029-03-14',
    verificationCode: `VX${n}-K7M2`,
    verificationUrl: `https://guichet.test/verification/VX${n}-K7M2`,
    ...overrides,
  };
}

const renderer = new PdfLibCardsRenderer();

describe('PdfLibCardsRenderer', () => {
  it('prints 11 cards on 2 Letter pages (10 + 1), each with its participant, number, code, URL and expiry, in French', async () => {
    const cards = Array.from({ length: 11 }, (_, index) => card(index + 1, index === 10 ? { expiresOn: null } : {}));
    const bytes = await renderer.render(cards, 'fr');
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { totalPages, pages, info } = extract(bytes);
    expect(totalPages).toBe(2);
    expect(info).toMatchObject({ Title: 'Cartes des participants', Language: 'fr-CA', Creator: 'Guichet' });
    for (let index = 1; index <= 10; index += 1) {
      const n = String(index).padStart(3, '0');
      expect(pages[0]).toContain(`Participant${n} Côté`);
      expect(pages[0]).toContain(`C-2026-${n}`);
      expect(pages[0]).toContain(`VX${n}-K7M2`);
      expect(pages[0]).toContain(`https://guichet.test/verification/VX${n}-K7M2`);
    }
    expect(pages[0]).not.toContain('Participant011');
    expect(pages[1]).toContain('Participant011 Côté');
    expect(pages[1]).toContain('C-2026-011');
    for (const label of ['ATTESTATION DE FORMATION', 'Numéro de carte', 'Fin de la session', '14 mars 2026', 'Formateur / Moniteur', 'Claude Éthier', 'Code de vérification', 'Principes de déplacement sécuritaire']) {
      expect(pages[0]).toContain(label);
      expect(pages[1]).toContain(label);
    }
    expect(pages[0].split('Expire le 14 mars 2029')).toHaveLength(11);
    // The 11th card has no validity period: no « Expire le » on its page.
    expect(pages[1]).not.toContain('Expire le');
  });

  it('uses English labels and dates', async () => {
    const { pages, info, totalPages } = extract(await renderer.render([card(1), card(2, { expiresOn: '2028-01-01' })], 'en'));
    expect(totalPages).toBe(1);
    expect(info).toMatchObject({ Title: 'Participants’ cards', Language: 'en-CA' });
    for (const expected of ['TRAINING CERTIFICATE', 'Card number', 'Session end', 'March 14, 2026', 'Trainer / Instructor', 'Expires on March 14, 2029', 'Expires on January 1, 2028', 'Verification code', 'VX002-K7M2']) {
      expect(pages[0]).toContain(expected);
    }
    expect(pages[0]).not.toContain('Fin de la session');
  });

  it('draws credit-card-size cards that fit the Letter page, 10 per page', async () => {
    expect(CARD_WIDTH).toBeCloseTo(242.65, 1);
    expect(CARD_HEIGHT).toBeCloseTo(153.07, 1);
    expect(2 * CARD_WIDTH).toBeLessThan(612);
    expect(5 * CARD_HEIGHT).toBeLessThan(792);
    const document = await PDFDocument.load(await renderer.render(Array.from({ length: 20 }, (_, index) => card(index + 1)), 'fr'));
    expect(document.getPageCount()).toBe(2);
    expect(document.getPage(1).getSize()).toEqual({ width: 612, height: 792 });
  });

  it('shortens what does not fit a card and replaces characters Helvetica lacks', async () => {
    const long = card(1, {
      participantName: 'Zoë Ŵilliams-Bartholomew-Featherstonehaugh de la Montagne-Saint-Hilaire 🚀',
      trainerName: 'Marie\u202fÉthier',
      activityName: 'Secourisme en milieu de travail, formation complète avec réanimation cardiorespiratoire et défibrillation externe automatisée, volet pédiatrique inclus',
    });
    const { pages } = extract(await renderer.render([long], 'fr'));
    expect(pages[0]).toContain('Zoë Williams-Bartholomew');
    expect(pages[0]).toContain('…');
    expect(pages[0]).toContain('Marie Éthier');
    expect(pages[0]).toContain('Secourisme en milieu de travail');
    expect(pages[0]).not.toContain('volet pédiatrique inclus');
  });

  it('gives a one-page PDF saying there is nothing to print when there is no card', async () => {
    const { totalPages, pages } = extract(await renderer.render([], 'fr'));
    expect(totalPages).toBe(1);
    expect(pages[0]).toContain('Aucune carte à imprimer.');
  });
});
