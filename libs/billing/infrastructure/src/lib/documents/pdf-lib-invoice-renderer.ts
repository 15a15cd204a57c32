import { formatBillingDate, InvoicePdfRenderer, type InvoiceIssuer } from '@guichet/billing/application';
import type { InvoiceDetail, PaymentMethod, PaymentView } from '@guichet/billing/contracts';
import { Money, type Lang } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** Letter, in points. */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 50;
const FOOTER_SPACE = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const INK = rgb(0.106, 0.106, 0.106);
const MUTED = rgb(0.29, 0.29, 0.29);
const BLUE = rgb(0.035, 0.341, 0.592);
const RULE = rgb(0.8, 0.82, 0.85);
const PAID_GREEN = rgb(0.0, 0.45, 0.2);
const CANCELED_RED = rgb(0.7, 0.1, 0.1);

/** Columns of the lines table: description (wraps), quantity, unit price, amount (right-aligned). */
const COLUMNS = { description: MARGIN, quantityRight: MARGIN + 330, unitRight: MARGIN + 420, amountRight: MARGIN + CONTENT_WIDTH };
const DESCRIPTION_WIDTH = 270;

interface Labels {
  readonly invoice: string;
  readonly creditNote: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly payableUntil: string;
  readonly originalInvoice: string;
  readonly billTo: string;
  readonly individual: string;
  readonly organization: string;
  readonly attention: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly subtotal: string;
  readonly gst: string;
  readonly qst: string;
  readonly gstNumber: string;
  readonly qstNumber: string;
  readonly total: string;
  readonly paymentsReceived: string;
  readonly credited: string;
  readonly balanceDue: string;
  readonly paid: string;
  readonly canceled: string;
  readonly method: string;
  readonly methods: Record<PaymentMethod, string>;
  readonly payments: string;
  readonly chequeTitle: string;
  readonly chequePayTo: string;
  readonly chequeNumber: (number: string) => string;
  readonly chequeMailTo: string;
  readonly depositTitle: string;
  readonly depositReference: (number: string) => string;
  readonly onlineNote: string;
  readonly page: (page: number, pages: number) => string;
  readonly subject: (number: string) => string;
}

const LABELS: Record<Lang, Labels> = {
  fr: {
    invoice: 'FACTURE',
    creditNote: 'NOTE DE CRÉDIT',
    number: 'Numéro',
    issuedOn: 'Date',
    payableUntil: 'Payable au plus tard le',
    originalInvoice: 'Facture d’origine',
    billTo: 'Facturé à',
    individual: 'individu',
    organization: 'organisme',
    attention: 'À l’attention de',
    description: 'Description',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    amount: 'Montant',
    subtotal: 'Sous-total',
    gst: 'TPS',
    qst: 'TVQ',
    gstNumber: 'No TPS',
    qstNumber: 'No TVQ',
    total: 'Total',
    paymentsReceived: 'Paiements reçus',
    credited: 'Crédits',
    balanceDue: 'Solde à payer',
    paid: 'PAYÉE',
    canceled: 'ANNULÉE',
    method: 'Mode de paiement',
    methods: { card: 'Carte de crédit', paypal: 'PayPal', cheque: 'Chèque', deposit: 'Dépôt direct' },
    payments: 'Paiements',
    chequeTitle: 'Paiement par chèque',
    chequePayTo: 'Faites votre chèque à l’ordre de',
    chequeNumber: (number) => `Indiquez votre numéro de facture sur le chèque : ${number}`,
    chequeMailTo: 'Postez-le à',
    depositTitle: 'Paiement par dépôt direct',
    depositReference: (number) => `Indiquez votre numéro de facture comme référence du virement : ${number}`,
    onlineNote: 'Payable en ligne dans Guichet, section « Mes factures ».',
    page: (page, pages) => `Page ${page} de ${pages}`,
    subject: (number) => `Facture ${number}`,
  },
  en: {
    invoice: 'INVOICE',
    creditNote: 'CREDIT NOTE',
    number: 'Number',
    issuedOn: 'Date',
    payableUntil: 'Payable by',
    originalInvoice: 'Original invoice',
    billTo: 'Billed to',
    individual: 'individual',
    organization: 'organization',
    attention: 'Attention',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    gst: 'GST',
    qst: 'QST',
    gstNumber: 'GST No.',
    qstNumber: 'QST No.',
    total: 'Total',
    paymentsReceived: 'Payments received',
    credited: 'Credits',
    balanceDue: 'Balance due',
    paid: 'PAID',
    canceled: 'CANCELED',
    method: 'Payment method',
    methods: { card: 'Credit card', paypal: 'PayPal', cheque: 'Cheque', deposit: 'Direct deposit' },
    payments: 'Payments',
    chequeTitle: 'Paying by cheque',
    chequePayTo: 'Make your cheque payable to',
    chequeNumber: (number) => `Write your invoice number on the cheque: ${number}`,
    chequeMailTo: 'Mail it to',
    depositTitle: 'Paying by direct deposit',
    depositReference: (number) => `Give your invoice number as the transfer reference: ${number}`,
    onlineNote: 'Payable online in Guichet, under « My invoices ».',
    page: (page, pages) => `Page ${page} of ${pages}`,
    subject: (number) => `Invoice ${number}`,
  },
};

const RECEIVED_STATES = new Set(['confirmed', 'refunded', 'partially-refunded']);

/**
 * The invoice or credit note as a Letter-size PDF in `invoice.lang`, drawn with pdf-lib's standard
 * Helvetica (WinAnsi: characters it cannot encode are replaced, narrow spaces become no-break spaces).
 * The lines table continues on as many pages as needed, its header repeated; every page has a footer
 * with the number and « Page n de N ». Deterministic: the same invoice gives the same bytes.
 */
@Injectable()
export class PdfLibInvoiceRenderer extends InvoicePdfRenderer {
  async render(invoice: InvoiceDetail, issuer: InvoiceIssuer): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    const regular = await document.embedFont(StandardFonts.Helvetica);
    const bold = await document.embedFont(StandardFonts.HelveticaBold);
    const labels = LABELS[invoice.lang];
    const title = invoice.kind === 'credit-note' ? labels.creditNote : labels.invoice;
    const issuedAt = new Date(invoice.issuedAt);

    document.setTitle(invoice.number, { showInWindowTitleBar: true });
    document.setLanguage(invoice.lang === 'fr' ? 'fr-CA' : 'en-CA');
    document.setAuthor(winAnsi(issuer.name, regular));
    document.setSubject(labels.subject(invoice.number));
    document.setCreator('Guichet');
    document.setProducer('Guichet (pdf-lib)');
    if (!Number.isNaN(issuedAt.getTime())) {
      document.setCreationDate(issuedAt);
      document.setModificationDate(issuedAt);
    }

    const canvas = new Canvas(document, regular, bold);
    drawHeader(canvas, invoice, issuer, labels, title);
    drawBillTo(canvas, invoice, labels);
    drawLines(canvas, invoice, labels);
    drawTotals(canvas, invoice, issuer, labels);
    drawPayments(canvas, invoice, labels);
    drawInstructions(canvas, invoice, issuer, labels);
    canvas.drawFooters(invoice.number, labels);
    return document.save({ useObjectStreams: false });
  }
}

/** A cursor over pages: `y` goes down; `ensure` starts a new page when the block would not fit. */
class Canvas {
  page: PDFPage;
  y = PAGE_HEIGHT - MARGIN;
  private readonly pages: PDFPage[] = [];
  /** Called after a page break (e.g. to repeat a table header). */
  onNewPage: (() => void) | null = null;

  constructor(
    private readonly document: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    const page = this.document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(page);
    return page;
  }

  ensure(height: number): void {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return;
    this.page = this.addPage();
    this.y = PAGE_HEIGHT - MARGIN;
    this.onNewPage?.();
  }

  text(value: string, x: number, options: { size?: number; font?: PDFFont; color?: RGB; y?: number } = {}): void {
    const font = options.font ?? this.regular;
    this.page.drawText(winAnsi(value, font), { x, y: options.y ?? this.y, size: options.size ?? 10, font, color: options.color ?? INK });
  }

  textRight(value: string, right: number, options: { size?: number; font?: PDFFont; color?: RGB; y?: number } = {}): void {
    const font = options.font ?? this.regular;
    const size = options.size ?? 10;
    this.text(value, right - font.widthOfTextAtSize(winAnsi(value, font), size), { ...options, font, size });
  }

  rule(y = this.y, color = RULE): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_WIDTH - MARGIN, y }, thickness: 0.75, color });
  }

  /** Splits `value` into lines no wider than `width` (words longer than a line are cut). */
  wrap(value: string, width: number, font: PDFFont = this.regular, size = 10): string[] {
    const lines: string[] = [];
    for (const paragraph of winAnsi(value, font).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut -= 1;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A wrapped paragraph at the cursor, breaking pages between lines. */
  paragraph(value: string, options: { x?: number; width?: number; size?: number; font?: PDFFont; color?: RGB; leading?: number } = {}): void {
    const size = options.size ?? 10;
    const leading = options.leading ?? size + 4;
    const x = options.x ?? MARGIN;
    for (const line of this.wrap(value, options.width ?? CONTENT_WIDTH - (x - MARGIN), options.font, size)) {
      this.ensure(leading);
      this.text(line, x, { size, font: options.font, color: options.color });
      this.y -= leading;
    }
  }

  drawFooters(number: string, labels: Labels): void {
    this.pages.forEach((page, index) => {
      const footer = `${number} · ${labels.page(index + 1, this.pages.length)}`;
      const text = winAnsi(footer, this.regular);
      const width = this.regular.widthOfTextAtSize(text, 8);
      page.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: PAGE_WIDTH - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: RULE });
      page.drawText(text, { x: PAGE_WIDTH - MARGIN - width, y: MARGIN, size: 8, font: this.regular, color: MUTED });
    });
  }
}

function drawHeader(canvas: Canvas, invoice: InvoiceDetail, issuer: InvoiceIssuer, labels: Labels, title: string): void {
  const top = canvas.y;
  // Issuer, top left.
  let left = top;
  for (const line of canvas.wrap(issuer.name, 260, canvas.bold, 13)) {
    canvas.text(line, MARGIN, { y: left, size: 13, font: canvas.bold, color: BLUE });
    left -= 16;
  }
  const issuerLines = [...issuer.address];
  if (issuer.gstNumber) issuerLines.push(`${labels.gstNumber}${colon(invoice.lang)}${issuer.gstNumber}`);
  if (issuer.qstNumber) issuerLines.push(`${labels.qstNumber}${colon(invoice.lang)}${issuer.qstNumber}`);
  // The left column stops where the right one (title, facts) may start.
  for (const line of issuerLines.flatMap((value) => canvas.wrap(value, 250, canvas.regular, 9))) {
    canvas.text(line, MARGIN, { y: left, size: 9, color: MUTED });
    left -= 12;
  }

  // Title, number, dates, top right.
  const right = PAGE_WIDTH - MARGIN;
  canvas.textRight(title, right, { y: top - 4, size: 20, font: canvas.bold });
  let rightY = top - 26;
  const facts: [string, string][] = [
    [labels.number, invoice.number],
    [labels.issuedOn, formatBillingDate(invoice.issuedAt, invoice.lang)],
  ];
  if (invoice.kind === 'credit-note' && invoice.originalInvoiceNumber) facts.push([labels.originalInvoice, invoice.originalInvoiceNumber]);
  if (invoice.kind === 'invoice' && invoice.payableUntil && invoice.status === 'issued') {
    facts.push([labels.payableUntil, formatBillingDate(invoice.payableUntil, invoice.lang)]);
  }
  if (invoice.method) facts.push([labels.method, labels.methods[invoice.method]]);
  for (const [label, value] of facts) {
    canvas.textRight(`${label}${colon(invoice.lang)}${value}`, right, { y: rightY, size: 10 });
    rightY -= 14;
  }

  // Status stamp.
  const stamp = invoice.status === 'paid' ? { text: labels.paid, color: PAID_GREEN } : invoice.status === 'canceled' ? { text: labels.canceled, color: CANCELED_RED } : null;
  if (stamp) {
    const size = 16;
    const width = canvas.bold.widthOfTextAtSize(winAnsi(stamp.text, canvas.bold), size) + 16;
    const y = rightY - 24;
    canvas.page.drawRectangle({ x: right - width, y: y - 6, width, height: size + 12, borderColor: stamp.color, borderWidth: 2, opacity: 0 });
    canvas.textRight(stamp.text, right - 8, { y, size, font: canvas.bold, color: stamp.color });
    rightY = y - 16;
  }

  canvas.y = Math.min(left, rightY) - 16;
  canvas.rule();
  canvas.y -= 20;
}

function drawBillTo(canvas: Canvas, invoice: InvoiceDetail, labels: Labels): void {
  const { billTo } = invoice;
  const kind = billTo.kind === 'organization' ? labels.organization : labels.individual;
  canvas.text(`${labels.billTo} (${kind})`, MARGIN, { font: canvas.bold, color: BLUE });
  canvas.y -= 15;
  const address = billTo.address;
  const lines = [billTo.name];
  if (billTo.kind === 'organization' && billTo.attention) lines.push(`${labels.attention}${colon(invoice.lang)}${billTo.attention}`);
  lines.push(address.line1);
  if (address.line2) lines.push(address.line2);
  lines.push(`${address.city} (${address.province ?? 'QC'})  ${address.postalCode}`);
  lines.push(invoice.payerEmail);
  for (const line of lines) canvas.paragraph(line, { leading: 13 });
  canvas.y -= 14;
}

function drawLines(canvas: Canvas, invoice: InvoiceDetail, labels: Labels): void {
  const header = () => {
    canvas.text(labels.description, COLUMNS.description, { font: canvas.bold, size: 9 });
    canvas.textRight(labels.quantity, COLUMNS.quantityRight, { font: canvas.bold, size: 9 });
    canvas.textRight(labels.unitPrice, COLUMNS.unitRight, { font: canvas.bold, size: 9 });
    canvas.textRight(labels.amount, COLUMNS.amountRight, { font: canvas.bold, size: 9 });
    canvas.rule(canvas.y - 5, INK);
    canvas.y -= 18;
  };
  canvas.ensure(40);
  header();
  canvas.onNewPage = header;
  for (const line of invoice.lines) {
    const description = canvas.wrap(line.description, DESCRIPTION_WIDTH);
    const height = description.length * 13 + 6;
    canvas.ensure(height);
    canvas.textRight(String(line.quantity), COLUMNS.quantityRight);
    canvas.textRight(money(line.unitPriceCents, invoice.lang), COLUMNS.unitRight);
    canvas.textRight(money(line.amountCents, invoice.lang), COLUMNS.amountRight);
    for (const part of description) {
      canvas.text(part, COLUMNS.description);
      canvas.y -= 13;
    }
    canvas.y -= 6;
  }
  canvas.onNewPage = null;
  canvas.rule(canvas.y + 8);
  canvas.y -= 10;
}

function drawTotals(canvas: Canvas, invoice: InvoiceDetail, issuer: InvoiceIssuer, labels: Labels): void {
  const sep = colon(invoice.lang).trimEnd();
  const rows: { label: string; cents: number; strong?: boolean }[] = [
    { label: labels.subtotal, cents: invoice.subtotalCents },
    { label: issuer.gstNumber ? `${labels.gst} (${labels.gstNumber} ${issuer.gstNumber})` : labels.gst, cents: invoice.gstCents },
    { label: issuer.qstNumber ? `${labels.qst} (${labels.qstNumber} ${issuer.qstNumber})` : labels.qst, cents: invoice.qstCents },
    { label: labels.total, cents: invoice.totalCents, strong: true },
  ];
  if (invoice.kind === 'invoice') {
    rows.push({ label: labels.paymentsReceived, cents: invoice.paidCents });
    if (invoice.creditedCents !== 0) rows.push({ label: labels.credited, cents: invoice.creditedCents });
    rows.push({ label: labels.balanceDue, cents: invoice.balanceCents, strong: true });
  }
  canvas.ensure(rows.length * 16 + 8);
  for (const row of rows) {
    const font = row.strong ? canvas.bold : canvas.regular;
    canvas.textRight(`${row.label}${sep}`, COLUMNS.unitRight, { font });
    canvas.textRight(money(row.cents, invoice.lang), COLUMNS.amountRight, { font });
    canvas.y -= 16;
  }
  canvas.y -= 10;
}

function drawPayments(canvas: Canvas, invoice: InvoiceDetail, labels: Labels): void {
  const received = invoice.payments.filter((payment: PaymentView) => RECEIVED_STATES.has(payment.state));
  if (received.length === 0) return;
  canvas.ensure(34);
  canvas.text(labels.payments, MARGIN, { font: canvas.bold, color: BLUE });
  canvas.y -= 15;
  for (const payment of received) {
    canvas.ensure(14);
    const when = formatBillingDate(payment.confirmedAt ?? payment.createdAt, invoice.lang);
    const label = [labels.methods[payment.method], payment.label].filter(Boolean).join(' ');
    canvas.text(`${when} · ${label}`, MARGIN, { size: 9 });
    canvas.textRight(money(payment.amountCents, invoice.lang), COLUMNS.amountRight, { size: 9 });
    canvas.y -= 13;
  }
  canvas.y -= 10;
}

/** Manual 001: for cheque and deposit, who to pay, the invoice number to write, where to send it. */
function drawInstructions(canvas: Canvas, invoice: InvoiceDetail, issuer: InvoiceIssuer, labels: Labels): void {
  if (invoice.kind !== 'invoice' || invoice.status !== 'issued' || invoice.balanceCents <= 0) return;
  const sep = colon(invoice.lang);
  const blocks: { title: string; lines: string[] }[] = [];
  if (invoice.method === 'cheque') {
    blocks.push({
      title: labels.chequeTitle,
      lines: [
        `${labels.chequePayTo}${sep}${issuer.chequePayableTo}`,
        labels.chequeNumber(invoice.number),
        `${labels.chequeMailTo}${sep}${[issuer.name, ...issuer.address].join(', ')}`,
      ],
    });
  } else if (invoice.method === 'deposit') {
    blocks.push({ title: labels.depositTitle, lines: [issuer.depositInstructions, labels.depositReference(invoice.number)] });
  } else {
    blocks.push({ title: labels.method, lines: [labels.onlineNote] });
  }
  for (const block of blocks) {
    canvas.ensure(50);
    canvas.text(block.title, MARGIN, { font: canvas.bold, color: BLUE });
    canvas.y -= 15;
    for (const line of block.lines) canvas.paragraph(line, { leading: 13 });
    canvas.y -= 8;
  }
}

function money(cents: number, lang: Lang): string {
  return Money.ofCents(cents).format(lang);
}

/** French puts a no-break space before a colon. */
function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

const NARROW_SPACES = /[\u2009\u202f\u2007]/g;
const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * What Helvetica (WinAnsi) can draw: narrow and thin spaces become no-break spaces, typographic
 * dashes get a plain hyphen, letters with an accent it lacks lose the accent, anything else becomes `?`.
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
    // Only a letter loses its accent (Ŵ → W); a symbol would change meaning (≠ is not =).
    const letter = /^\p{L}$/u.test(char) && base !== '' && [...base].every((part) => known.has(part.codePointAt(0) as number));
    result += letter ? base : '?';
  }
  return result;
}
