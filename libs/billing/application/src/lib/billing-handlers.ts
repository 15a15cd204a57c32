import { CancelInvoiceHandler } from './cancel-invoice/cancel-invoice.handler';
import {
  CancelPendingPaymentHandler,
  CapturePaypalPaymentHandler,
  OpenCardCheckoutHandler,
  PayByCardHandler,
  StartPaypalPaymentHandler,
} from './card-payments/card-payment.handlers';
import { RecordManualPaymentHandler, RefundPaymentHandler, SetProductTaxesHandler } from './finance/finance.handlers';
import { ApplyGatewayEventHandler } from './gateway-events/apply-gateway-event.handler';
import { InvoiceIssuing } from './issue-invoice/invoice-issuing';
import { IssueInvoiceHandler, IssueManualInvoiceHandler } from './issue-invoice/issue-invoice.handlers';
import { BillingLedger } from './shared/billing-ledger';
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
} from './queries/billing-queries.handlers';

/**
 * Every command and query handler of Billing except `GetInvoicePdf` (documents), and the
 * services they share (`InvoiceIssuing`, `BillingLedger`): the providers of the module.
 */
export const BILLING_HANDLERS = [
  InvoiceIssuing,
  BillingLedger,
  IssueInvoiceHandler,
  IssueManualInvoiceHandler,
  CancelInvoiceHandler,
  OpenCardCheckoutHandler,
  PayByCardHandler,
  StartPaypalPaymentHandler,
  CapturePaypalPaymentHandler,
  CancelPendingPaymentHandler,
  ApplyGatewayEventHandler,
  RecordManualPaymentHandler,
  RefundPaymentHandler,
  SetProductTaxesHandler,
  ListMyInvoicesHandler,
  GetInvoiceHandler,
  FindInvoiceByReferenceHandler,
  GetPaymentHandler,
  SearchInvoicesHandler,
  ListHeldPaymentsHandler,
  GetReconciliationHandler,
  ExportInvoicesCsvHandler,
  ExportPaymentsCsvHandler,
] as const;
