import type { InvoiceKind } from './invoice.aggregate';

/** Each kind has its own gapless series per year: `F-2026-000123` for invoices, `NC-2026-000004` for credit notes. */
export type NumberSeries = 'invoice' | 'credit-note';

export const SERIES_PREFIX: Readonly<Record<NumberSeries, string>> = Object.freeze({ invoice: 'F', 'credit-note': 'NC' });

export function seriesOf(kind: InvoiceKind): NumberSeries {
  return kind;
}

/** `F-2026-000123`: prefix, year, sequence on at least six digits. */
export function formatInvoiceNumber(series: NumberSeries, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invoice sequence must be ≥ 1, got ${sequence}`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Invalid invoice year ${year}`);
  return `${SERIES_PREFIX[series]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Port: the next number of a series for a year, gapless. Must run inside the unit of work that saves
 * the invoice: a rolled-back issue gives its number back.
 */
export abstract class InvoiceNumberSequence {
  abstract next(series: NumberSeries, year: number): Promise<number>;
}
