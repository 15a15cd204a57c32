export { PdfLibInvoiceRenderer, winAnsi } from './pdf-lib-invoice-renderer';
export { BILLING_MAIL_TEMPLATES, CreditNoteIssuedMail, InvoiceIssuedMail, InvoicePaidMail, PaymentFailedMail } from './billing-mail.templates';
export { InvoicePdfAttachment } from './invoice-pdf.attachment';
export { BillingDocumentsModule, billingIssuerFrom } from './billing-documents.module';
