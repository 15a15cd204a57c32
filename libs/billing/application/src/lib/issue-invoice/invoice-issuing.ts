import type { BillingReference, BillTo, InvoiceLineInput, Payer, PaymentMethod } from '@guichet/billing/contracts';
import { InvalidInvoice, Invoice, InvoiceAlreadyIssued, InvoiceNumberSequence, InvoiceRepository, ZERO_TAX_RATES } from '@guichet/billing/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock, Email, isDomainError, uuidv7 } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';
import { InvoiceHistory, ProductTaxRates } from '../ports/billing-ports';
import { billingYear, SYSTEM } from '../shared/billing-ledger';

export interface InvoiceRequest {
  readonly reference: BillingReference;
  readonly payer: Payer;
  readonly billTo: BillTo;
  readonly lines: readonly InvoiceLineInput[];
  readonly method: PaymentMethod | null;
  readonly payableUntil: Date | null;
  readonly issuedBy: string | null;
}

/**
 * Issuing, shared by `IssueInvoice` and `IssueManualInvoice`: idempotent by reference, gapless numbers.
 * A provider of the module (in `BILLING_HANDLERS`).
 */
@Injectable()
export class InvoiceIssuing {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly numbers: InvoiceNumberSequence,
    private readonly taxRates: ProductTaxRates,
    private readonly history: InvoiceHistory,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async issue(request: InvoiceRequest): Promise<{ invoiceId: string; number: string }> {
    const existing = await this.invoices.findByReference(request.reference);
    if (existing !== null) return { invoiceId: existing.id, number: existing.number };
    validate(request);
    const rates = await this.taxRates.ratesFor([...new Set(request.lines.map((line) => line.productCode))]);
    try {
      return await this.unitOfWork.run(async () => {
        const now = this.clock.now();
        const year = billingYear(now);
        // Inside the transaction: a rollback gives the number back, so the series has no gap.
        const sequence = await this.numbers.next('invoice', year);
        const invoice = Invoice.issue({
          id: uuidv7(),
          sequence,
          year,
          reference: request.reference,
          payer: { accountId: request.payer.accountId, email: Email.parse(request.payer.email).value, lang: request.payer.lang },
          billTo: request.billTo,
          lines: request.lines.map((line) => ({ ...line, rates: rates.get(line.productCode) ?? ZERO_TAX_RATES })),
          method: request.method,
          payableUntil: request.payableUntil,
          issuedBy: request.issuedBy,
          now,
        });
        await this.invoices.save(invoice);
        await this.history.append(invoice.id, {
          at: now,
          action: 'issued',
          actor: request.issuedBy ?? SYSTEM,
          amountCents: invoice.totalCents,
          details: invoice.number,
        });
        return { invoiceId: invoice.id, number: invoice.number };
      });
    } catch (error) {
      if (!(error instanceof InvoiceAlreadyIssued)) throw error;
      // Another request issued it first (and our number went back with the rollback).
      const winner = await this.invoices.findByReference(request.reference);
      if (winner === null) throw error;
      return { invoiceId: winner.id, number: winner.number };
    }
  }
}

function validate(request: InvoiceRequest): void {
  if (request.lines.length === 0) throw new InvalidInvoice('no-line');
  if (!request.billTo || typeof request.billTo.name !== 'string' || request.billTo.name.trim() === '') throw new InvalidInvoice('bill-to');
  try {
    Email.parse(request.payer.email);
  } catch (error) {
    if (isDomainError(error)) throw new InvalidInvoice('payer');
    throw error;
  }
  if (request.reference.id.trim() === '') throw new InvalidInvoice('payer');
}
