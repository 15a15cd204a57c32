import { CardsPdfRenderer, formatCardRequestDate, type PrintableCard } from '@guichet/card-requests/application';
import type { Lang } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** Letter, in points. */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MM = 72 / 25.4;
/** ISO/IEC 7810 ID-1 (a credit card): 85.6 × 54 mm. */
export const CARD_WIDTH = 85.6 * MM;
export const CARD_HEIGHT = 54 * MM;
export const CARD_COLUMNS = 2;
export const CARD_ROWS = 5;
export const CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS;
/** Between the two columns, so each card is cut on its own; rows touch (one cut between two rows). */
const GUTTER = 18;
const LEFT = (PAGE_WIDTH - CARD_COLUMNS * CARD_WIDTH - GUTTER) / 2;
const BOTTOM = (PAGE_HEIGHT - CARD_ROWS * CARD_HEIGHT) / 2;
/** Crop marks stop this far from the cut corner, so none shows on a card cut a little off. */
const MARK_OFFSET = 3;
const MARK_LENGTH = 9;
const PADDING = 9;
const BAND_HEIGHT = 20;

const INK = rgb(0.106, 0.106, 0.106);
const MUTED = rgb(0.29, 0.29, 0.29);
const BLUE = rgb(0.035, 0.341, 0.592);
const WHITE = rgb(1, 1, 1);
const BORDER = rgb(0.8, 0.82, 0.85);

interface Labels {
  readonly heading: string;
  readonly cardNumber: string;
  readonly sessionEnd: string;
  readonly trainer: string;
  readonly expiresOn: string;
  readonly verificationCode: string;
  readonly title: string;
  readonly subject: (count: number) => string;
  readonly none: string;
}

const LABELS: Record<Lang, Labels> = {
  fr: {
    heading: 'ATTESTATION DE FORMATION',
    cardNumber: 'Numéro de carte',
    sessionEnd: 'Fin de la session',
    trainer: 'Formateur / Moniteur',
    expiresOn: 'Expire le',
    verificationCode: 'Code de vérification',
    title: 'Cartes des participants',
    subject: (count) => `${count} ${count > 1 ? 'cartes' : 'carte'} à imprimer sur papier Lettre, à découper aux traits de coupe`,
    none: 'Aucune carte à imprimer.',
  },
  en: {
    heading: 'TRAINING CERTIFICATE',
    cardNumber: 'Card number',
    sessionEnd: 'Session end',
    trainer: 'Trainer / Instructor',
    expiresOn: 'Expires on',
    verificationCode: 'Verification code',
    title: 'Participants’ cards',
    subject: (count) => `${count} ${count > 1 ? 'cards' : 'card'} to print on Letter paper, to cut at the crop marks`,
    none: 'No card to print.',
  },
};

/**
 * The cards of a request (« Produire les cartes ») as a print-ready PDF: Letter pages, 2 columns × 5
 * rows of credit-card-size cards (85.6 × 54 mm) with crop marks in the margins, one card per
 * participant, in the order given. Each card: participant, activity, « Fin de la session »,
 * « Formateur / Moniteur », card number, « Expire le » when the card expires, and the verification
 * code with its URL. Helvetica (WinAnsi): see {@link winAnsi}. Text too long for a card is shrunk,
 * then shortened with an ellipsis.
 */
@Injectable()
export class PdfLibCardsRenderer extends CardsPdfRenderer {
  async render(cards: readonly PrintableCard[], lang: Lang): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    const fonts: Fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };
    const labels = LABELS[lang];
    document.setTitle(labels.title, { showInWindowTitleBar: true });
    document.setSubject(labels.subject(cards.length));
    document.setLanguage(lang === 'fr' ? 'fr-CA' : 'en-CA');
    document.setAuthor('Guichet');
    document.setCreator('Guichet');
    document.setProducer('Guichet (pdf-lib)');

    if (cards.length === 0) {
      const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      page.drawText(winAnsi(labels.none, fonts.regular), { x: 72, y: PAGE_HEIGHT - 72, size: 12, font: fonts.regular, color: INK });
      return document.save({ useObjectStreams: false });
    }
    for (let start = 0; start < cards.length; start += CARDS_PER_PAGE) {
      const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      const onPage = cards.slice(start, start + CARDS_PER_PAGE);
      onPage.forEach((card, index) => {
        const column = index % CARD_COLUMNS;
        const row = Math.floor(index / CARD_COLUMNS);
        drawCard(page, fonts, labels, lang, card, LEFT + column * (CARD_WIDTH + GUTTER), BOTTOM + (CARD_ROWS - 1 - row) * CARD_HEIGHT);
      });
      drawCropMarks(page, Math.ceil(onPage.length / CARD_COLUMNS), onPage.length === 1 ? 1 : CARD_COLUMNS);
    }
    return document.save({ useObjectStreams: false });
  }
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** One card, its lower left corner at (x, y). */
function drawCard(page: PDFPage, fonts: Fonts, labels: Labels, lang: Lang, card: PrintableCard, x: number, y: number): void {
  const top = y + CARD_HEIGHT;
  const inner = CARD_WIDTH - 2 * PADDING;
  page.drawRectangle({ x, y, width: CARD_WIDTH, height: CARD_HEIGHT, borderColor: BORDER, borderWidth: 0.5 });
  page.drawRectangle({ x, y: top - BAND_HEIGHT, width: CARD_WIDTH, height: BAND_HEIGHT, color: BLUE });
  text(page, labels.heading, x + PADDING, top - 13, { font: fonts.bold, size: 7.5, color: WHITE, maxWidth: inner - 40 });
  textRight(page, 'Guichet', x + CARD_WIDTH - PADDING, top - 13, { font: fonts.bold, size: 7.5, color: WHITE });

  text(page, card.participantName, x + PADDING, top - BAND_HEIGHT - 15, { font: fonts.bold, size: 11.5, maxWidth: inner, minSize: 8 });
  let cursor = top - BAND_HEIGHT - 27;
  for (const line of wrap(card.activityName, inner, fonts.regular, 8, 2)) {
    text(page, line, x + PADDING, cursor, { font: fonts.regular, size: 8, color: INK });
    cursor -= 10;
  }

  const rows: [string, string][] = [
    [labels.cardNumber, card.cardNumber],
    [labels.sessionEnd, formatCardRequestDate(card.sessionEndDate, lang)],
    [labels.trainer, card.trainerName],
  ];
  if (card.expiresOn !== null) rows.push([labels.expiresOn, formatCardRequestDate(card.expiresOn, lang)]);
  const valueX = x + PADDING + 78;
  cursor = Math.min(cursor - 3, top - BAND_HEIGHT - 50);
  for (const [label, value] of rows) {
    text(page, label, x + PADDING, cursor, { font: fonts.regular, size: 6.5, color: MUTED, maxWidth: 76 });
    text(page, value, valueX, cursor, { font: fonts.bold, size: 7.5, maxWidth: x + CARD_WIDTH - PADDING - valueX, minSize: 6 });
    cursor -= 9.5;
  }

  const ruleY = y + 25;
  page.drawLine({ start: { x: x + PADDING, y: ruleY }, end: { x: x + CARD_WIDTH - PADDING, y: ruleY }, thickness: 0.4, color: BORDER });
  text(page, `${labels.verificationCode}${lang === 'fr' ? '\u00a0: ' : ': '}`, x + PADDING, y + 15, { font: fonts.regular, size: 6.5, color: MUTED });
  const codeX = x + PADDING + fonts.regular.widthOfTextAtSize(winAnsi(`${labels.verificationCode}${lang === 'fr' ? '\u00a0: ' : ': '}`, fonts.regular), 6.5);
  text(page, card.verificationCode, codeX, y + 15, { font: fonts.bold, size: 8, maxWidth: x + CARD_WIDTH - PADDING - codeX, minSize: 6 });
  text(page, card.verificationUrl, x + PADDING, y + 6.5, { font: fonts.regular, size: 6.5, color: BLUE, maxWidth: inner, minSize: 5 });
}

/**
 * Crop marks outside the cards, on every cut line: in the left and right margins for the horizontal
 * cuts, in the top and bottom margins and the gutter for the vertical ones (`rows` × `columns` used).
 */
function drawCropMarks(page: PDFPage, rows: number, columns: number): void {
  const line = (x1: number, y1: number, x2: number, y2: number) => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.3, color: INK });
  const top = BOTTOM + CARD_ROWS * CARD_HEIGHT;
  const bottom = top - rows * CARD_HEIGHT;
  const xs: number[] = [];
  for (let column = 0; column < columns; column += 1) xs.push(LEFT + column * (CARD_WIDTH + GUTTER), LEFT + column * (CARD_WIDTH + GUTTER) + CARD_WIDTH);
  const ys = Array.from({ length: rows + 1 }, (_, index) => top - index * CARD_HEIGHT);
  const left = xs[0];
  const right = xs[xs.length - 1];
  const topMark = Math.min(MARK_LENGTH, PAGE_HEIGHT - top - MARK_OFFSET - 2);
  for (const x of xs) {
    line(x, top + MARK_OFFSET, x, top + MARK_OFFSET + topMark);
    line(x, bottom - MARK_OFFSET, x, bottom - MARK_OFFSET - Math.min(MARK_LENGTH, bottom - MARK_OFFSET - 2));
  }
  for (const y of ys) {
    line(left - MARK_OFFSET, y, left - MARK_OFFSET - MARK_LENGTH, y);
    line(right + MARK_OFFSET, y, right + MARK_OFFSET + MARK_LENGTH, y);
    if (columns > 1) {
      // In the gutter: short marks from both cards' edges, leaving its middle blank.
      const gutterLeft = LEFT + CARD_WIDTH;
      const gutterRight = gutterLeft + GUTTER;
      line(gutterLeft + MARK_OFFSET, y, gutterLeft + GUTTER / 2 - 1, y);
      line(gutterRight - MARK_OFFSET, y, gutterRight - GUTTER / 2 + 1, y);
    }
  }
}

interface TextOptions {
  readonly font: PDFFont;
  readonly size: number;
  readonly color?: RGB;
  /** Shrinks the text down to `minSize` to fit, then cuts it with an ellipsis. */
  readonly maxWidth?: number;
  readonly minSize?: number;
}

function text(page: PDFPage, value: string, x: number, y: number, options: TextOptions): void {
  const { font } = options;
  let size = options.size;
  let drawn = winAnsi(value, font).replace(/\n/g, ' ');
  if (options.maxWidth !== undefined) {
    const minSize = options.minSize ?? size;
    while (size > minSize && font.widthOfTextAtSize(drawn, size) > options.maxWidth) size = Math.max(minSize, size - 0.5);
    drawn = ellipsize(drawn, options.maxWidth, font, size);
  }
  page.drawText(drawn, { x, y, size, font, color: options.color ?? INK });
}

function textRight(page: PDFPage, value: string, right: number, y: number, options: TextOptions): void {
  const drawn = winAnsi(value, options.font);
  text(page, drawn, right - options.font.widthOfTextAtSize(drawn, options.size), y, options);
}

function ellipsize(value: string, width: number, font: PDFFont, size: number): string {
  if (font.widthOfTextAtSize(value, size) <= width) return value;
  let cut = value.length;
  while (cut > 0 && font.widthOfTextAtSize(`${value.slice(0, cut).trimEnd()}…`, size) > width) cut -= 1;
  return `${value.slice(0, cut).trimEnd()}…`;
}

/** At most `maxLines` lines no wider than `width`, the last one shortened with an ellipsis if needed. */
function wrap(value: string, width: number, font: PDFFont, size: number, maxLines: number): string[] {
  const words = winAnsi(value, font).replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const [index, word] of words.entries()) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width || line === '') {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(ellipsize(`${line} ${words.slice(index).join(' ')}`, width, font, size));
      return lines;
    }
    lines.push(line);
    line = word;
  }
  lines.push(ellipsize(line, width, font, size));
  return lines;
}

const NARROW_SPACES = /[\u2009\u202f\u2007]/g;
const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * What Helvetica (WinAnsi) can draw: narrow and thin spaces become no-break spaces, typographic
 * hyphens a plain hyphen, letters with an accent it lacks lose the accent (Ŵ → W), anything else `?`.
 * (Same rules as Billing's invoices.)
 */
export function winAnsi(value: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
  const known = supported;
  const text = value.replace(NARROW_SPACES, '\u00a0').replace(/[\u2010\u2011\u2012]/g, '-').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '\n' || known.has(code)) {
      result += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const letter = /^\p{L}$/u.test(char) && base !== '' && [...base].every((part) => known.has(part.codePointAt(0) as number));
    result += letter ? base : '?';
  }
  return result;
}
