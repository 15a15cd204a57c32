import { AggregateRoot, Money, Rate } from '@guichet/shared/kernel';
import { InvalidInvoice, InvoiceNotPayable, NothingDue, Overpayment } from '../shared/billing.errors';
import type { BillToInfo, InvoiceReference, PayerInfo, PaymentMethodName, TaxRates } from '../shared/billing-types';
import { InvoiceCanceled, InvoiceIssued, InvoicePaid } from './invoice.events';
import { formatInvoiceNumber } from './invoice-number';

export type InvoiceKind = 'invoice' | 'credit-note';
/** Forward only: `issued → paid | canceled`, `paid → canceled` (refunded and credited in full). */
export type InvoiceStatus = 'issued' | 'paid' | 'canceled';

export interface InvoiceLineRequest {
  readonly productCode: string;
  readonly description: { readonly fr: string; readonly en: string };
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly rates: TaxRates;
}

export interface InvoiceLineSnapshot {
  readonly productCode: string;
  readonly descriptionFr: string;
  readonly descriptionEn: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly amountCents: number;
  readonly gstMilliPercent: number;
  readonly qstMilliPercent: number;
  readonly gstCents: number;
  readonly qstCents: number;
}

export interface InvoiceSnapshot {
  readonly id: string;
  readonly version: number;
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly reference: InvoiceReference;
  readonly payer: PayerInfo;
  readonly billTo: BillToInfo;
  readonly method: PaymentMethodName | null;
  readonly payableUntil: Date | null;
  readonly issuedAt: Date;
  readonly issuedBy: string | null;
  readonly originalInvoiceId: string | null;
  /** Why a credit note was issued. */
  readonly reason: string | null;
  readonly lines: readonly InvoiceLineSnapshot[];
  readonly subtotalCents: number;
  readonly gstCents: number;
  readonly qstCents: number;
  readonly totalCents: number;
  /** Payments applied to this invoice (confirmed, not held). */
  readonly paidCents: number;
  /** Of those, refunded. */
  readonly refundedCents: number;
  /** Credit notes issued against this invoice. */
  readonly creditedCents: number;
  readonly paidAt: Date | null;
  readonly canceledAt: Date | null;
}

export interface IssueInvoiceParams {
  readonly id: string;
  readonly sequence: number;
  readonly year: number;
  readonly reference: InvoiceReference;
  readonly payer: PayerInfo;
  readonly billTo: BillToInfo;
  readonly lines: readonly InvoiceLineRequest[];
  readonly method: PaymentMethodName | null;
  readonly payableUntil: Date | null;
  readonly issuedBy: string | null;
  readonly now: Date;
}

export interface IssueCreditNoteParams {
  readonly id: string;
  readonly sequence: number;
  readonly year: number;
  readonly amountCents: number;
  readonly reason: string;
  readonly issuedBy: string | null;
  readonly now: Date;
}

const MAX_QUANTITY = 100_000;
const MAX_UNIT_PRICE_CENTS = 100_000_000;

/**
 * An invoice or a credit note, pretix-ledger style: never deleted, its number given at issue and
 * never reused, amounts in integer cents. Taxes are computed per line (half-up), from the product
 * rates taken at issue. Balance = total − credited − (paid − refunded).
 */
export class Invoice extends AggregateRoot<string> {
  private constructor(
    private state: Mutable<InvoiceSnapshot>,
    version = 0,
  ) {
    super(state.id, version);
  }

  static issue(params: IssueInvoiceParams): Invoice {
    if (params.lines.length === 0) throw new InvalidInvoice('no-line');
    const lines = params.lines.map(computeLine);
    const totals = sumLines(lines);
    const invoice = new Invoice({
      id: params.id,
      version: 0,
      number: formatInvoiceNumber('invoice', params.year, params.sequence),
      kind: 'invoice',
      status: 'issued',
      reference: { ...params.reference },
      payer: { ...params.payer, email: params.payer.email.trim().toLowerCase() },
      billTo: params.billTo,
      method: params.method,
      payableUntil: params.payableUntil,
      issuedAt: params.now,
      issuedBy: params.issuedBy,
      originalInvoiceId: null,
      reason: null,
      lines,
      ...totals,
      paidCents: 0,
      refundedCents: 0,
      creditedCents: 0,
      paidAt: null,
      canceledAt: null,
    });
    invoice.recordIssued();
    if (invoice.state.totalCents === 0) {
      // Nothing to pay (a free seat): paid at once, so the requester goes on.
      invoice.state.status = 'paid';
      invoice.state.paidAt = params.now;
      invoice.record(new InvoicePaid(invoice.id, invoice.state.number, invoice.state.reference, 0, params.now));
    }
    return invoice;
  }

  /**
   * A credit note of `amountCents` referring to this invoice; its subtotal, GST and QST are the
   * original's split in proportion (no cent lost). The caller applies it with `applyCredit` (or not,
   * for the refund of a payment that was never applied).
   */
  creditNote(params: IssueCreditNoteParams): Invoice {
    if (this.state.kind !== 'invoice') throw new RangeError('A credit note refers to an invoice');
    if (!Number.isSafeInteger(params.amountCents) || params.amountCents <= 0 || params.amountCents > this.state.totalCents) {
      throw new RangeError(`Credit note amount ${params.amountCents} out of range`);
    }
    const s = this.state;
    const [subtotal, gst, qst] = Money.ofCents(params.amountCents).allocate([s.subtotalCents, s.gstCents, s.qstCents]);
    const line: InvoiceLineSnapshot = {
      productCode: 'credit-note',
      descriptionFr: `Note de crédit — facture ${s.number}`,
      descriptionEn: `Credit note — invoice ${s.number}`,
      quantity: 1,
      unitPriceCents: subtotal.cents,
      amountCents: subtotal.cents,
      gstMilliPercent: 0,
      qstMilliPercent: 0,
      gstCents: gst.cents,
      qstCents: qst.cents,
    };
    const note = new Invoice({
      id: params.id,
      version: 0,
      number: formatInvoiceNumber('credit-note', params.year, params.sequence),
      kind: 'credit-note',
      status: 'issued',
      reference: { ...s.reference },
      payer: { ...s.payer },
      billTo: s.billTo,
      method: s.method,
      payableUntil: null,
      issuedAt: params.now,
      issuedBy: params.issuedBy,
      originalInvoiceId: s.id,
      reason: params.reason,
      lines: [line],
      subtotalCents: subtotal.cents,
      gstCents: gst.cents,
      qstCents: qst.cents,
      totalCents: params.amountCents,
      paidCents: 0,
      refundedCents: 0,
      creditedCents: 0,
      paidAt: null,
      canceledAt: null,
    });
    note.recordIssued();
    return note;
  }

  static restore(snapshot: InvoiceSnapshot): Invoice {
    return new Invoice({ ...snapshot, lines: [...snapshot.lines] }, snapshot.version);
  }

  get number(): string {
    return this.state.number;
  }
  get kind(): InvoiceKind {
    return this.state.kind;
  }
  get status(): InvoiceStatus {
    return this.state.status;
  }
  get reference(): InvoiceReference {
    return this.state.reference;
  }
  get payer(): PayerInfo {
    return this.state.payer;
  }
  get method(): PaymentMethodName | null {
    return this.state.method;
  }
  get totalCents(): number {
    return this.state.totalCents;
  }
  get payableUntil(): Date | null {
    return this.state.payableUntil;
  }

  /** What is still owed. Always 0 for a credit note. */
  get balanceCents(): number {
    if (this.state.kind === 'credit-note') return 0;
    const s = this.state;
    return s.totalCents - s.creditedCents - (s.paidCents - s.refundedCents);
  }

  /** Payments applied and not refunded. */
  get netPaidCents(): number {
    return this.state.paidCents - this.state.refundedCents;
  }

  /** The payer's portal account, or a finance clerk, may see it. */
  isVisibleTo(actor: { accountId: string; finance: boolean }): boolean {
    return actor.finance || (this.state.payer.accountId !== null && this.state.payer.accountId === actor.accountId);
  }

  isExpiredAt(at: Date): boolean {
    return this.state.payableUntil !== null && at.getTime() > this.state.payableUntil.getTime();
  }

  /** Throws unless money may be paid on it now: `INVOICE_NOT_PAYABLE`, `NOTHING_DUE`. */
  assertPayable(at: Date): void {
    if (this.state.kind === 'credit-note') throw new InvoiceNotPayable('credit-note');
    if (this.state.status === 'canceled') throw new InvoiceNotPayable('canceled');
    if (this.balanceCents <= 0) throw new NothingDue();
    if (this.isExpiredAt(at)) throw new InvoiceNotPayable('expired');
  }

  /** Whether a confirmed payment of `amountCents` (confirmed at `at`) may be applied; otherwise it is held for staff. */
  canApply(amountCents: number, at: Date): boolean {
    return (
      this.state.kind === 'invoice' &&
      this.state.status === 'issued' &&
      !this.isExpiredAt(at) &&
      amountCents > 0 &&
      amountCents <= this.balanceCents
    );
  }

  /** A confirmed payment: the balance goes down; at zero the invoice is paid. */
  applyPayment(amountCents: number, now: Date): void {
    if (this.state.kind !== 'invoice' || this.state.status !== 'issued') throw new NothingDue();
    if (amountCents > this.balanceCents) throw new Overpayment(this.balanceCents);
    this.state.paidCents += amountCents;
    if (this.balanceCents === 0) {
      this.state.status = 'paid';
      this.state.paidAt = now;
      this.record(new InvoicePaid(this.id, this.state.number, this.state.reference, this.state.totalCents, now));
    }
  }

  /** Part of an applied payment went back to the payer (always with a credit note: `applyCredit`). */
  applyRefund(amountCents: number): void {
    if (amountCents <= 0 || this.state.refundedCents + amountCents > this.state.paidCents) {
      throw new RangeError('Refund exceeds the payments applied to the invoice');
    }
    this.state.refundedCents += amountCents;
  }

  /** A credit note against this invoice; credited in full, the invoice is canceled. */
  applyCredit(amountCents: number, now: Date): void {
    if (this.state.kind !== 'invoice') throw new RangeError('Only an invoice is credited');
    if (amountCents <= 0 || this.state.creditedCents + amountCents > this.state.totalCents) {
      throw new RangeError('Credit exceeds the invoice total');
    }
    this.state.creditedCents += amountCents;
    if (this.state.creditedCents === this.state.totalCents && this.state.status !== 'canceled') {
      this.state.status = 'canceled';
      this.state.canceledAt = now;
      this.record(new InvoiceCanceled(this.id, this.state.number, this.state.reference, now));
    }
  }

  toSnapshot(): InvoiceSnapshot {
    return { ...this.state, version: this.version, lines: [...this.state.lines] };
  }

  private recordIssued(): void {
    const s = this.state;
    this.record(new InvoiceIssued(s.id, s.number, s.kind, s.reference, s.totalCents, s.method, s.originalInvoiceId, s.issuedAt));
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Amount = quantity × unit price; each tax on the line's amount, rounded half-up to the cent. */
export function computeLine(line: InvoiceLineRequest): InvoiceLineSnapshot {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) throw new InvalidInvoice('quantity');
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0 || line.unitPriceCents > MAX_UNIT_PRICE_CENTS) {
    throw new InvalidInvoice('price');
  }
  const fr = line.description.fr.trim();
  const en = line.description.en.trim();
  if (fr === '' || en === '' || fr.length > 500 || en.length > 500) throw new InvalidInvoice('description');
  const amount = Money.ofCents(line.unitPriceCents).multiply(line.quantity);
  const gst = amount.applyRate(Rate.ofRatio(line.rates.gstMilliPercent, 100_000), 'half-up');
  const qst = amount.applyRate(Rate.ofRatio(line.rates.qstMilliPercent, 100_000), 'half-up');
  return {
    productCode: line.productCode,
    descriptionFr: fr,
    descriptionEn: en,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    amountCents: amount.cents,
    gstMilliPercent: line.rates.gstMilliPercent,
    qstMilliPercent: line.rates.qstMilliPercent,
    gstCents: gst.cents,
    qstCents: qst.cents,
  };
}

function sumLines(lines: readonly InvoiceLineSnapshot[]): Pick<InvoiceSnapshot, 'subtotalCents' | 'gstCents' | 'qstCents' | 'totalCents'> {
  const subtotal = Money.sum(lines.map((l) => Money.ofCents(l.amountCents)));
  const gst = Money.sum(lines.map((l) => Money.ofCents(l.gstCents)));
  const qst = Money.sum(lines.map((l) => Money.ofCents(l.qstCents)));
  return { subtotalCents: subtotal.cents, gstCents: gst.cents, qstCents: qst.cents, totalCents: subtotal.add(gst).add(qst).cents };
}
