import {
  ExportInvoicesCsv,
  ExportPaymentsCsv,
  FindInvoiceByReference,
  GetInvoice,
  GetPayment,
  GetReconciliation,
  ListHeldPayments,
  ListMyInvoices,
  SearchInvoices,
  type InvoiceDetail,
  type InvoiceSummary,
  type PaymentView,
  type Reconciliation,
} from '@guichet/billing/contracts';
import { InvoiceNotFound, PaymentNotFound } from '@guichet/billing/domain';
import { DomainError, isDomainError, isUuid, LocalDate } from '@guichet/shared/kernel';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BillingReadModel } from '../ports/billing-ports';
import { csvAmount, toCsv } from '../shared/csv';

export const MAX_PAGE_SIZE = 100;

export function clampPaging(page: number | undefined, pageSize: number | undefined): { page: number; pageSize: number } {
  const safePage = Number.isInteger(page) && (page as number) >= 1 ? (page as number) : 1;
  const safeSize = Number.isInteger(pageSize) ? Math.min(Math.max(pageSize as number, 1), MAX_PAGE_SIZE) : 20;
  return { page: safePage, pageSize: safeSize };
}

export class InvalidBillingDate extends DomainError {
  static readonly code = 'BILLING.INVALID_DATE';
  readonly code = InvalidBillingDate.code;
  readonly kind = 'invalid';

  constructor(field: string, reason: 'format' | 'range' = 'format') {
    super(
      reason === 'format'
        ? { fr: 'La date doit être au format AAAA-MM-JJ.', en: 'The date must be in YYYY-MM-DD format.' }
        : { fr: 'La date de fin doit suivre la date de début.', en: 'The end date must come after the start date.' },
      { field, reason },
    );
  }
}

function parseDate(raw: string | undefined, field: string): string {
  try {
    return LocalDate.parse(String(raw)).toString();
  } catch (error) {
    if (isDomainError(error)) throw new InvalidBillingDate(field);
    throw error;
  }
}

@QueryHandler(ListMyInvoices)
export class ListMyInvoicesHandler implements IQueryHandler<ListMyInvoices> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: ListMyInvoices): Promise<readonly InvoiceSummary[]> {
    return isUuid(query.accountId) ? this.readModel.listForPayer(query.accountId.toLowerCase()) : [];
  }
}

@QueryHandler(GetInvoice)
export class GetInvoiceHandler implements IQueryHandler<GetInvoice> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: GetInvoice): Promise<InvoiceDetail> {
    const detail = isUuid(query.invoiceId) ? await this.readModel.detail(query.invoiceId.toLowerCase()) : null;
    const visible = detail !== null && (query.actor.finance || (detail.payerAccountId !== null && detail.payerAccountId === query.actor.accountId));
    if (!visible) throw new InvoiceNotFound();
    return query.actor.finance ? detail : { ...detail, history: [] };
  }
}

@QueryHandler(FindInvoiceByReference)
export class FindInvoiceByReferenceHandler implements IQueryHandler<FindInvoiceByReference> {
  constructor(private readonly readModel: BillingReadModel) {}

  execute(query: FindInvoiceByReference): Promise<InvoiceSummary | null> {
    return this.readModel.findByReference(query.reference);
  }
}

@QueryHandler(GetPayment)
export class GetPaymentHandler implements IQueryHandler<GetPayment> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: GetPayment): Promise<PaymentView> {
    const found = isUuid(query.paymentId) ? await this.readModel.payment(query.paymentId.toLowerCase()) : null;
    const visible = found !== null && (query.actor.finance || (found.payerAccountId !== null && found.payerAccountId === query.actor.accountId));
    if (!visible) throw new PaymentNotFound();
    return found.view;
  }
}

@QueryHandler(SearchInvoices)
export class SearchInvoicesHandler implements IQueryHandler<SearchInvoices> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: SearchInvoices): Promise<{ items: readonly InvoiceSummary[]; total: number }> {
    const f = query.filters ?? {};
    const payer = f.payer?.trim();
    return this.readModel.search({
      ...f,
      from: f.from ? parseDate(f.from, 'from') : undefined,
      to: f.to ? parseDate(f.to, 'to') : undefined,
      payer: payer === '' ? undefined : payer,
      ...clampPaging(f.page, f.pageSize),
    });
  }
}

@QueryHandler(ListHeldPayments)
export class ListHeldPaymentsHandler implements IQueryHandler<ListHeldPayments> {
  constructor(private readonly readModel: BillingReadModel) {}

  execute(_query?: ListHeldPayments): Promise<readonly (PaymentView & { invoiceNumber: string })[]> {
    return this.readModel.heldPayments();
  }
}

@QueryHandler(GetReconciliation)
export class GetReconciliationHandler implements IQueryHandler<GetReconciliation> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: GetReconciliation): Promise<Reconciliation> {
    return this.readModel.reconciliation(parseDate(query.date, 'date'));
  }
}

const KIND_FR = { invoice: 'Facture', 'credit-note': 'Note de crédit' } as const;
const STATUS_FR = { issued: 'Émise', paid: 'Payée', canceled: 'Annulée' } as const;
const METHOD_FR = { card: 'Carte', paypal: 'PayPal', cheque: 'Chèque', deposit: 'Dépôt direct' } as const;
const STATE_FR = {
  pending: 'En attente',
  'requires-action': 'Action requise',
  confirmed: 'Confirmé',
  failed: 'Échoué',
  canceled: 'Annulé',
  refunded: 'Remboursé',
  'partially-refunded': 'Remboursé en partie',
} as const;

function range(from: string, to: string): { from: string; to: string } {
  const start = parseDate(from, 'from');
  const end = parseDate(to, 'to');
  if (end < start) throw new InvalidBillingDate('to', 'range');
  return { from: start, to: end };
}

@QueryHandler(ExportInvoicesCsv)
export class ExportInvoicesCsvHandler implements IQueryHandler<ExportInvoicesCsv> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: ExportInvoicesCsv): Promise<string> {
    const { from, to } = range(query.from, query.to);
    const rows = await this.readModel.invoiceRows(from, to);
    return toCsv(
      ['Numéro', 'Type', 'Statut', 'Date', 'Service', 'Référence', 'Facturé à', 'Courriel', 'Mode de paiement', 'Sous-total', 'TPS', 'TVQ', 'Total', 'Solde', 'Facture d’origine'],
      rows.map((r) => [
        r.number,
        KIND_FR[r.kind],
        STATUS_FR[r.status],
        r.issuedAt,
        r.service,
        r.referenceId,
        r.billToName,
        r.payerEmail,
        r.method === null ? '' : METHOD_FR[r.method],
        csvAmount(r.subtotalCents),
        csvAmount(r.gstCents),
        csvAmount(r.qstCents),
        csvAmount(r.totalCents),
        csvAmount(r.balanceCents),
        r.originalInvoiceNumber,
      ]),
    );
  }
}

@QueryHandler(ExportPaymentsCsv)
export class ExportPaymentsCsvHandler implements IQueryHandler<ExportPaymentsCsv> {
  constructor(private readonly readModel: BillingReadModel) {}

  async execute(query: ExportPaymentsCsv): Promise<string> {
    const { from, to } = range(query.from, query.to);
    const rows = await this.readModel.paymentRows(from, to);
    return toCsv(
      ['Paiement', 'Facture', 'Service', 'Mode de paiement', 'État', 'Montant', 'Remboursé', 'Créé le', 'Confirmé le', 'Détail'],
      rows.map((r) => [
        r.paymentId,
        r.invoiceNumber,
        r.service,
        METHOD_FR[r.method],
        STATE_FR[r.state],
        csvAmount(r.amountCents),
        csvAmount(r.refundedCents),
        r.createdAt,
        r.confirmedAt,
        r.label,
      ]),
    );
  }
}
