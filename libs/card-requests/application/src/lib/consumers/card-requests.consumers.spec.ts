import { InvoiceIssuedV1, InvoicePaidV1 } from '@guichet/billing/contracts';
import {
  CancelCardRequest,
  CardRequestCanceledV1,
  CardRequestSubmittedV1,
  GetCardRequest,
  SubmitCardRequest,
} from '@guichet/card-requests/contracts';
import { CLERK, TRAINER, asTrainer, harness, type Harness } from '../../testing/harness';

const at = { occurredAt: new Date('2026-03-02T15:00:00Z') };
const INVOICE_ID = '0192e4a0-7d3c-7b2e-9f00-00000000beef';

function submittedEvent(h: Harness, id: string) {
  const s = h.requests.stored(id);
  const p = s.payment;
  if (p === null) throw new Error('not submitted');
  return CardRequestSubmittedV1.create(
    {
      requestId: id,
      number: s.number,
      trainerAccountId: s.trainer.accountId,
      participantCount: s.participants.length,
      unitPriceCents: p.unitPriceCents,
      totalCents: p.totalCents,
      method: p.method,
      billTo: p.billTo,
      lang: p.lang,
    },
    at,
  );
}

const issued = (id: string, overrides: Partial<InvoiceIssuedV1> = {}) =>
  InvoiceIssuedV1.create(
    { invoiceId: INVOICE_ID, number: 'F-2026-000077', kind: 'invoice', reference: { service: 'card-requests', id }, totalCents: 600, method: 'cheque', originalInvoiceId: null, ...overrides },
    at,
  );

const paid = (id: string, service: InvoicePaidV1['reference']['service'] = 'card-requests') =>
  InvoicePaidV1.create({ invoiceId: INVOICE_ID, number: 'F-2026-000077', reference: { service, id }, totalCents: 600, paidAt: at.occurredAt.toISOString() }, at);

describe('Card requests consumers', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe('card-request-submitted → IssueInvoice', () => {
    it('bills the organization with the kept unit price × participants, then marks the request invoiced', async () => {
      const id = await h.advance('submitted', 2);
      h.referenceData.setPrice(999);
      await h.onSubmitted.handle(submittedEvent(h, id));
      expect(h.billing.issued).toHaveLength(1);
      const cmd = h.billing.issued[0];
      expect(cmd.reference).toEqual({ service: 'card-requests', id });
      expect(cmd.payer).toEqual({ accountId: TRAINER.accountId, email: 'livraison@club.test', lang: 'fr' });
      expect(cmd.billTo).toEqual({
        kind: 'organization',
        name: 'Club de plongée du Saguenay',
        attention: 'Trésorerie',
        address: { line1: '100 rue Racine Est', city: 'Chicoutimi', province: 'QC', postalCode: 'G7H 1R9' },
      });
      expect(cmd.lines).toEqual([expect.objectContaining({ productCode: 'card-requests.card', quantity: 2, unitPriceCents: 300 })]);
      expect(cmd.method).toBe('cheque');
      const detail = await h.get.execute(new GetCardRequest(asTrainer(TRAINER), id));
      expect(detail).toMatchObject({ status: 'invoiced', invoice: { number: 'F-2026-000001' } });
    });

    it('bills the trainer by name for « Individu »', async () => {
      const { id } = await h.draft(2);
      await h.submit.execute(new SubmitCardRequest(asTrainer(TRAINER), id, 'card', 'individual', 'en'));
      await h.onSubmitted.handle(submittedEvent(h, id));
      expect(h.billing.issued[0].billTo).toMatchObject({ kind: 'individual', name: 'Claude Éthier' });
      expect(h.billing.issued[0].payer.lang).toBe('en');
    });

    it('is idempotent on redelivery: the request is invoiced once', async () => {
      const id = await h.advance('submitted');
      await h.onSubmitted.handle(submittedEvent(h, id));
      await h.onSubmitted.handle(submittedEvent(h, id));
      expect(h.requests.stored(id).status).toBe('invoiced');
      expect(h.history.of(id).filter((r) => r.action === 'invoiced')).toHaveLength(1);
    });

    it('does not bill a request canceled before its invoice', async () => {
      const id = await h.advance('submitted');
      const event = submittedEvent(h, id);
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Annulée par le formateur'));
      await h.onSubmitted.handle(event);
      expect(h.billing.issued).toHaveLength(0);
      expect(h.requests.stored(id).status).toBe('canceled');
    });
  });

  describe('billing.invoice-issued.v1', () => {
    it('marks the request invoiced once when delivered twice', async () => {
      const id = await h.advance('submitted');
      await h.onInvoiceIssued.handle(issued(id));
      await h.onInvoiceIssued.handle(issued(id));
      expect(h.requests.stored(id)).toMatchObject({ status: 'invoiced', invoice: { id: INVOICE_ID, number: 'F-2026-000077' } });
      expect(h.history.of(id).filter((r) => r.action === 'invoiced')).toHaveLength(1);
    });

    it('ignores another service’s invoice and credit notes', async () => {
      const id = await h.advance('submitted');
      await h.onInvoiceIssued.handle(issued(id, { reference: { service: 'seats', id } }));
      await h.onInvoiceIssued.handle(issued(id, { kind: 'credit-note', originalInvoiceId: INVOICE_ID }));
      expect(h.requests.stored(id).status).toBe('submitted');
      expect(h.requests.stored(id).invoice).toBeNull();
    });

    it('ignores an unknown request', async () => {
      await expect(h.onInvoiceIssued.handle(issued('0192e4a0-7d3c-7b2e-9f00-000000000404'))).resolves.toBeUndefined();
    });

    it('keeps the invoice of a request canceled meanwhile and asks Billing to cancel it', async () => {
      const id = await h.advance('submitted');
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Session reportée'));
      await h.onInvoiceIssued.handle(issued(id));
      expect(h.requests.stored(id)).toMatchObject({ status: 'canceled', invoice: { id: INVOICE_ID } });
      expect(h.billing.canceled).toHaveLength(1);
      expect(h.billing.canceled[0]).toMatchObject({ reference: { service: 'card-requests', id }, reason: 'Session reportée', refundPayments: true });
    });
  });

  describe('billing.invoice-paid.v1', () => {
    it('marks the request paid once when delivered twice', async () => {
      const id = await h.advance('invoiced');
      await h.onInvoicePaid.handle(paid(id));
      await h.onInvoicePaid.handle(paid(id));
      expect(h.requests.stored(id).status).toBe('paid');
      expect(h.history.of(id).filter((r) => r.action === 'paid')).toHaveLength(1);
    });

    it('ignores a payment for another service', async () => {
      const id = await h.advance('invoiced');
      await h.onInvoicePaid.handle(paid(id, 'seats'));
      expect(h.requests.stored(id).status).toBe('invoiced');
    });

    it('handles a payment that arrives before the invoice-issued event', async () => {
      const id = await h.advance('submitted');
      await h.onInvoicePaid.handle(paid(id));
      expect(h.requests.stored(id)).toMatchObject({ status: 'paid', invoice: { id: INVOICE_ID, number: 'F-2026-000077' } });
      await h.onInvoiceIssued.handle(issued(id));
      expect(h.requests.stored(id).status).toBe('paid');
    });

    it('does not move a canceled request', async () => {
      const id = await h.advance('invoiced');
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Annulée'));
      await h.onInvoicePaid.handle(paid(id));
      expect(h.requests.stored(id).status).toBe('canceled');
    });
  });

  describe('card-request-canceled → CancelInvoice', () => {
    it('cancels the invoice at Billing when there is one, nothing otherwise', async () => {
      const invoiced = await h.advance('invoiced');
      await h.cancel.execute(new CancelCardRequest(CLERK, invoiced, 'Doublon'));
      const before = h.billing.canceled.length;
      await h.onCanceled.handle(CardRequestCanceledV1.create({ requestId: invoiced, number: 'x', invoiceId: INVOICE_ID, actorId: CLERK.accountId }, at));
      expect(h.billing.canceled).toHaveLength(before + 1);
      expect(h.billing.canceled.at(-1)).toMatchObject({ reason: 'Doublon', refundPayments: true, actorId: CLERK.accountId });
      const draft = await h.draft(0);
      await h.cancel.execute(new CancelCardRequest(CLERK, draft.id, 'Abandon'));
      await h.onCanceled.handle(CardRequestCanceledV1.create({ requestId: draft.id, number: draft.number, invoiceId: null, actorId: CLERK.accountId }, at));
      expect(h.billing.canceled).toHaveLength(before + 1);
    });
  });
});
