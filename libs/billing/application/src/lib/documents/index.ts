import { MailFailedPayment, MailIssuedInvoice, MailPaidInvoice } from './billing-mail.handlers';
import { GetInvoicePdfHandler } from './get-invoice-pdf.handler';

export * from './billing-issuer';
export * from './billing-formats';
export * from './billing-mails';
export * from './get-invoice-pdf.handler';
export * from './billing-mail.handlers';

/** Query handlers of the documents: api and worker (the worker's mail attachments use `GetInvoicePdf`). */
export const BILLING_DOCUMENT_QUERY_HANDLERS = [GetInvoicePdfHandler] as const;

/** The worker's consumers that mail the payer (harmless in the api, which runs no consumer). */
export const BILLING_MAIL_EVENT_HANDLERS = [MailIssuedInvoice, MailPaidInvoice, MailFailedPayment] as const;

/** Everything above: providers of a module that imports `BillingDocumentsModule` (issuer, renderer, links). */
export const BILLING_DOCUMENT_HANDLERS = [...BILLING_DOCUMENT_QUERY_HANDLERS, ...BILLING_MAIL_EVENT_HANDLERS] as const;
