import {
  GetInvoice,
  SYSTEM_ACTOR,
  type InvoiceDetail,
  type InvoiceIssuedV1,
  type InvoicePaidV1,
  type PaymentFailedV1,
} from '@guichet/billing/contracts';
import { IntegrationEventHandler, MailOutbox, type HandlesIntegrationEvent } from '@guichet/shared/application';
import type { IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { QueryBus } from '@nestjs/cqrs';
import { BillingIssuer, BillingLinkSettings } from './billing-issuer';
import { invoiceIssuedMail, invoicePaidMail, paymentFailedMail } from './billing-mails';

/*
 * The worker's mails to the payer. One consumer per event (a consumer name is a queue and an inbox
 * key, so it must be unique and stable). Each reads the invoice as it is now through `GetInvoice`
 * (payer e-mail, language, balance) and asks `MailOutbox` for the mail with the PDF attached (resolved
 * when the mail is sent) under an idempotency key, so a redelivered event mails once.
 */

/** Consumer names of Billing's mail handlers: keep them stable once deployed. */
export const BILLING_MAIL_CONSUMERS = {
  invoiceIssued: 'billing-mail.invoice-issued',
  invoicePaid: 'billing-mail.invoice-paid',
  paymentFailed: 'billing-mail.payment-failed',
} as const;

/** Payment failures the payer did not cause to be told about: they canceled it themselves. */
const SILENT_FAILURES = new Set(['canceled']);

function readInvoice(queries: QueryBus, invoiceId: string): Promise<InvoiceDetail> {
  return queries.execute(new GetInvoice(SYSTEM_ACTOR, invoiceId));
}

/** `billing.invoice-issued.v1` → template `billing.invoice-issued`, or `billing.credit-note-issued` for a credit note. */
@IntegrationEventHandler('billing.invoice-issued.v1', { consumer: BILLING_MAIL_CONSUMERS.invoiceIssued })
export class MailIssuedInvoice implements HandlesIntegrationEvent<InvoiceIssuedV1> {
  constructor(
    private readonly queries: QueryBus,
    private readonly mail: MailOutbox,
    private readonly issuer: BillingIssuer,
    private readonly links: BillingLinkSettings,
  ) {}

  async handle(event: IntegrationEventEnvelope<InvoiceIssuedV1>): Promise<void> {
    const invoice = await readInvoice(this.queries, event.payload.invoiceId);
    await this.mail.send(invoiceIssuedMail(invoice, this.issuer, this.links.publicUrl));
  }
}

/** `billing.invoice-paid.v1` → template `billing.invoice-paid` (the receipt). */
@IntegrationEventHandler('billing.invoice-paid.v1', { consumer: BILLING_MAIL_CONSUMERS.invoicePaid })
export class MailPaidInvoice implements HandlesIntegrationEvent<InvoicePaidV1> {
  constructor(
    private readonly queries: QueryBus,
    private readonly mail: MailOutbox,
    private readonly links: BillingLinkSettings,
  ) {}

  async handle(event: IntegrationEventEnvelope<InvoicePaidV1>): Promise<void> {
    const invoice = await readInvoice(this.queries, event.payload.invoiceId);
    await this.mail.send(invoicePaidMail(invoice, event.payload.paidAt, this.links.publicUrl));
  }
}

/**
 * `billing.payment-failed.v1` → template `billing.payment-failed`, with the link to try again. Not
 * sent when the payer canceled, nor when the invoice no longer has a balance (another attempt
 * succeeded first: events may arrive out of order).
 */
@IntegrationEventHandler('billing.payment-failed.v1', { consumer: BILLING_MAIL_CONSUMERS.paymentFailed })
export class MailFailedPayment implements HandlesIntegrationEvent<PaymentFailedV1> {
  constructor(
    private readonly queries: QueryBus,
    private readonly mail: MailOutbox,
    private readonly links: BillingLinkSettings,
  ) {}

  async handle(event: IntegrationEventEnvelope<PaymentFailedV1>): Promise<void> {
    if (SILENT_FAILURES.has(event.payload.failureCode)) return;
    const invoice = await readInvoice(this.queries, event.payload.invoiceId);
    if (invoice.status !== 'issued' || invoice.balanceCents <= 0) return;
    await this.mail.send(paymentFailedMail(invoice, event.payload.paymentId, event.payload.failureCode, this.links.publicUrl));
  }
}
