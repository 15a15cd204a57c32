import { CancelInvoice, IssueInvoice, type BillTo, type InvoiceIssuedV1, type InvoicePaidV1 } from '@guichet/billing/contracts';
import {
  CARD_PRODUCT_CODE,
  CARD_REQUESTS_SERVICE,
  MarkCardRequestInvoiced,
  MarkCardRequestPaid,
  type CardRequestCanceledV1,
  type CardRequestSubmittedV1,
} from '@guichet/card-requests/contracts';
import { IntegrationEventHandler, type HandlesIntegrationEvent } from '@guichet/shared/application';
import { isDomainError, type IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { CommandBus } from '@nestjs/cqrs';
import { activityNameOf, CardRequestsContext } from '../shared/card-request-context';

/** Consumer names: queues and inbox keys, keep them stable once deployed. */
export const CARD_REQUESTS_CONSUMERS = {
  issueInvoice: 'card-requests.issue-invoice',
  markInvoiced: 'card-requests.mark-invoiced',
  markPaid: 'card-requests.mark-paid',
  cancelInvoice: 'card-requests.cancel-invoice',
} as const;

/**
 * Own `card-request-submitted.v1` → Billing's `IssueInvoice` (idempotent by reference at Billing, so a
 * redelivery or a restart mid-flow never bills twice), then the request is marked invoiced with the answer.
 */
@IntegrationEventHandler('card-requests.card-request-submitted.v1', { consumer: CARD_REQUESTS_CONSUMERS.issueInvoice })
export class IssueInvoiceOnSubmission implements HandlesIntegrationEvent<CardRequestSubmittedV1> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: IntegrationEventEnvelope<CardRequestSubmittedV1>): Promise<void> {
    const request = await this.ctx.requests.get(event.payload.requestId);
    const s = request.toSnapshot();
    const payment = s.payment;
    if (payment === null) return;
    if (s.status === 'canceled' && s.invoice === null) return;
    const ref = await this.ctx.referenceData.load();
    const address = { line1: s.session.delivery.address, city: s.session.delivery.city, province: 'QC', postalCode: s.session.delivery.postalCode };
    const billTo: BillTo =
      payment.billTo === 'organization'
        ? { kind: 'organization', name: s.session.organizationName, attention: s.session.delivery.attention, address }
        : { kind: 'individual', name: `${s.trainer.firstName} ${s.trainer.lastName}`, address };
    const activity = { fr: activityNameOf(ref, s.session.activityCode, 'fr'), en: activityNameOf(ref, s.session.activityCode, 'en') };
    const result = await this.commands.execute(
      new IssueInvoice(
        { service: CARD_REQUESTS_SERVICE, id: s.id },
        { accountId: s.trainer.accountId, email: s.session.delivery.email, lang: payment.lang },
        billTo,
        [
          {
            productCode: CARD_PRODUCT_CODE,
            description: {
              fr: `Cartes de formation — ${activity.fr} (demande ${s.number}, session du ${s.session.sessionEndDate})`,
              en: `Training cards — ${activity.en} (request ${s.number}, session ending ${s.session.sessionEndDate})`,
            },
            quantity: s.participants.length,
            unitPriceCents: payment.unitPriceCents,
          },
        ],
        payment.method,
        null,
        null,
      ),
    );
    await this.commands.execute(new MarkCardRequestInvoiced(s.id, result.invoiceId, result.number));
  }
}

/** Billing's `invoice-issued.v1` for one of our requests → `invoiced`; for a request canceled meanwhile → `CancelInvoice`. */
@IntegrationEventHandler('billing.invoice-issued.v1', { consumer: CARD_REQUESTS_CONSUMERS.markInvoiced })
export class MarkInvoicedOnInvoiceIssued implements HandlesIntegrationEvent<InvoiceIssuedV1> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: IntegrationEventEnvelope<InvoiceIssuedV1>): Promise<void> {
    const p = event.payload;
    if (p.reference?.service !== CARD_REQUESTS_SERVICE || p.kind !== 'invoice') return;
    const request = await this.ctx.requests.findById(p.reference.id);
    if (request === null) return;
    await this.commands.execute(new MarkCardRequestInvoiced(request.id, p.invoiceId, p.number));
    if (request.status === 'canceled') {
      await this.commands.execute(new CancelInvoice(p.reference, request.toSnapshot().canceledReason ?? 'Demande annulée', true, null));
    }
  }
}

/** Billing's `invoice-paid.v1` for one of our requests → `paid`. */
@IntegrationEventHandler('billing.invoice-paid.v1', { consumer: CARD_REQUESTS_CONSUMERS.markPaid })
export class MarkPaidOnInvoicePaid implements HandlesIntegrationEvent<InvoicePaidV1> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: IntegrationEventEnvelope<InvoicePaidV1>): Promise<void> {
    const p = event.payload;
    if (p.reference?.service !== CARD_REQUESTS_SERVICE) return;
    const request = await this.ctx.requests.findById(p.reference.id);
    if (request === null) return;
    if (request.invoice === null) await this.commands.execute(new MarkCardRequestInvoiced(request.id, p.invoiceId, p.number));
    await this.commands.execute(new MarkCardRequestPaid(request.id, p.invoiceId));
  }
}

/** Own `card-request-canceled.v1` with an invoice → Billing's `CancelInvoice` (idempotent; the api tried already). */
@IntegrationEventHandler('card-requests.card-request-canceled.v1', { consumer: CARD_REQUESTS_CONSUMERS.cancelInvoice })
export class CancelInvoiceOnCancellation implements HandlesIntegrationEvent<CardRequestCanceledV1> {
  constructor(
    private readonly ctx: CardRequestsContext,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: IntegrationEventEnvelope<CardRequestCanceledV1>): Promise<void> {
    const request = await this.ctx.requests.findById(event.payload.requestId);
    if (request === null || request.invoice === null) return;
    try {
      await this.commands.execute(
        new CancelInvoice({ service: CARD_REQUESTS_SERVICE, id: request.id }, request.toSnapshot().canceledReason ?? 'Demande annulée', true, event.payload.actorId),
      );
    } catch (error) {
      if (isDomainError(error) && error.kind === 'not-found') return;
      throw error;
    }
  }
}
