import { IssueInvoice, type BillingActor, type BillingReference, type BillTo, type PaymentMethod } from '@guichet/billing/contracts';
import { FixedClock, uuidv7 } from '@guichet/shared/kernel';
import { CancelInvoiceHandler } from '../lib/cancel-invoice/cancel-invoice.handler';
import {
  CancelPendingPaymentHandler,
  CapturePaypalPaymentHandler,
  OpenCardCheckoutHandler,
  PayByCardHandler,
  StartPaypalPaymentHandler,
} from '../lib/card-payments/card-payment.handlers';
import { RecordManualPaymentHandler, RefundPaymentHandler, SetProductTaxesHandler } from '../lib/finance/finance.handlers';
import { ApplyGatewayEventHandler } from '../lib/gateway-events/apply-gateway-event.handler';
import { InvoiceIssuing } from '../lib/issue-invoice/invoice-issuing';
import { IssueInvoiceHandler, IssueManualInvoiceHandler } from '../lib/issue-invoice/issue-invoice.handlers';
import { PublicBillingUrls } from '../lib/ports/billing-ports';
import { BillingLedger } from '../lib/shared/billing-ledger';
import {
  ExportInvoicesCsvHandler,
  ExportPaymentsCsvHandler,
  FindInvoiceByReferenceHandler,
  GetInvoiceHandler,
  GetPaymentHandler,
  GetReconciliationHandler,
  ListHeldPaymentsHandler,
  ListMyInvoicesHandler,
  SearchInvoicesHandler,
} from '../lib/queries/billing-queries.handlers';
import {
  FakePayerDirectory,
  FakePaymentGateway,
  FakeUnitOfWork,
  InMemoryInvoiceRepository,
  InMemoryPaymentRepository,
  InMemoryProcessedEvents,
  InMemoryProductTaxRates,
  InMemoryRefundRepository,
  RecordingHistory,
  RecordingOutbox,
  SequentialInvoiceNumbers,
  SnapshotBillingReadModel,
} from './fakes';

export const PUBLIC_URL = 'https://guichet.test';
export const BILL_TO: BillTo = {
  kind: 'organization',
  name: 'Club de plongée du Saguenay',
  attention: 'Trésorerie',
  address: { line1: '100 rue Racine Est', city: 'Chicoutimi', province: 'QC', postalCode: 'G7H 1R9' },
};
export const FINANCE: BillingActor = { accountId: '0192e4a0-7d3c-7b2e-9f00-00000000f1a0', finance: true };

/** Every handler wired to in-memory fakes sharing one clock (2026-03-02 09:00 in Montréal). */
export function harness() {
  const clock = new FixedClock('2026-03-02T14:00:00.000Z');
  const outbox = new RecordingOutbox();
  const invoices = new InMemoryInvoiceRepository(outbox);
  const payments = new InMemoryPaymentRepository(outbox);
  const refunds = new InMemoryRefundRepository(outbox);
  const numbers = new SequentialInvoiceNumbers();
  const taxRates = new InMemoryProductTaxRates();
  const history = new RecordingHistory();
  const processed = new InMemoryProcessedEvents();
  const payers = new FakePayerDirectory();
  const unitOfWork = new FakeUnitOfWork();
  const gateway = new FakePaymentGateway();
  const urls = new PublicBillingUrls(PUBLIC_URL);
  const readModel = new SnapshotBillingReadModel(invoices, payments, refunds, history);
  const issuing = new InvoiceIssuing(invoices, numbers, taxRates, history, unitOfWork, clock);
  const ledger = new BillingLedger(invoices, payments, refunds, numbers, history, unitOfWork, gateway, clock);
  const online = [invoices, payments, history, unitOfWork, gateway, urls, clock, ledger] as const;
  const payerId = uuidv7();
  const payer: BillingActor = { accountId: payerId, finance: false };

  const h = {
    clock,
    outbox,
    invoices,
    payments,
    refunds,
    taxRates,
    history,
    processed,
    payers,
    unitOfWork,
    gateway,
    readModel,
    payerId,
    payer,
    issueInvoice: new IssueInvoiceHandler(issuing),
    issueManual: new IssueManualInvoiceHandler(issuing, payers),
    cancelInvoice: new CancelInvoiceHandler(invoices, payments, history, unitOfWork, clock, ledger),
    openCheckout: new OpenCardCheckoutHandler(...online),
    payByCard: new PayByCardHandler(...online),
    startPaypal: new StartPaypalPaymentHandler(...online),
    capturePaypal: new CapturePaypalPaymentHandler(...online),
    cancelPayment: new CancelPendingPaymentHandler(...online),
    applyEvent: new ApplyGatewayEventHandler(payments, refunds, history, processed, unitOfWork, gateway, clock, ledger),
    recordPayment: new RecordManualPaymentHandler(invoices, payments, history, unitOfWork, clock),
    refundPayment: new RefundPaymentHandler(ledger),
    setTaxes: new SetProductTaxesHandler(taxRates, clock),
    listMine: new ListMyInvoicesHandler(readModel),
    getInvoice: new GetInvoiceHandler(readModel),
    findByReference: new FindInvoiceByReferenceHandler(readModel),
    getPayment: new GetPaymentHandler(readModel),
    search: new SearchInvoicesHandler(readModel),
    held: new ListHeldPaymentsHandler(readModel),
    reconciliation: new GetReconciliationHandler(readModel),
    exportInvoices: new ExportInvoicesCsvHandler(readModel),
    exportPayments: new ExportPaymentsCsvHandler(readModel),

    /** An invoice of one line for the harness's payer. */
    async invoice(
      unitPriceCents = 2000,
      options: { method?: PaymentMethod | null; payableUntil?: Date | null; reference?: BillingReference; productCode?: string } = {},
    ) {
      const reference = options.reference ?? { service: 'seats', id: uuidv7() };
      const issued = await h.issueInvoice.execute(
        new IssueInvoice(
          reference,
          { accountId: payerId, email: 'Parent@Exemple.qc.ca', lang: 'fr' },
          BILL_TO,
          [{ productCode: options.productCode ?? 'seats.seat', description: { fr: 'Place de cours', en: 'Course seat' }, quantity: 1, unitPriceCents }],
          options.method ?? 'card',
          options.payableUntil ?? null,
          null,
        ),
      );
      return { ...issued, reference };
    },
  };
  return h;
}

export type Harness = ReturnType<typeof harness>;

/** The error code of a rejection, to compare codes in specs. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a rejection');
}
