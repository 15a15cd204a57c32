import { ApplyGatewayEvent, CancelInvoice, ListHeldPayments, PayByCard, RefundPayment } from '@guichet/billing/contracts';
import { FINANCE, harness, type Harness } from '../../testing/harness';

async function pendingCard(h: Harness, unitPriceCents = 2000, payableUntil: Date | null = null) {
  const invoice = await h.invoice(unitPriceCents, { payableUntil });
  const view = await h.payByCard.execute(new PayByCard(h.payer, invoice.invoiceId, 'tok_1', `k-${invoice.invoiceId}`));
  const chargeId = h.payments.stored(view.id).providerId as string;
  return { ...invoice, paymentId: view.id, chargeId };
}

const event = (id: string, type: string, objectId: string, reference: string | null, at: Date, failureCode: string | null = null) =>
  new ApplyGatewayEvent(id, type, objectId, reference, failureCode, at);

describe('ApplyGatewayEvent', () => {
  it('applies an event once, whatever the number of deliveries', async () => {
    const h = harness();
    const { invoiceId, paymentId, chargeId } = await pendingCard(h);
    const succeeded = event('evt_1', 'charge.succeeded', chargeId, paymentId, h.clock.now());
    const answers = [await h.applyEvent.execute(succeeded), await h.applyEvent.execute(succeeded), await h.applyEvent.execute(succeeded)];
    expect(answers.map((a) => a.applied)).toEqual([true, false, false]);
    expect(h.payments.stored(paymentId).state).toBe('confirmed');
    expect(h.invoices.stored(invoiceId).status).toBe('paid');
    expect(h.outbox.named('billing.invoice-paid.v1')).toHaveLength(1);
    expect(h.history.actions(invoiceId).filter((a) => a === 'payment-confirmed')).toHaveLength(1);
  });

  it('never moves a payment backwards when events arrive out of order', async () => {
    const h = harness();
    const { paymentId, chargeId } = await pendingCard(h);
    await h.applyEvent.execute(event('evt_ok', 'charge.succeeded', chargeId, paymentId, h.clock.now()));
    const failed = await h.applyEvent.execute(event('evt_failed', 'charge.failed', chargeId, paymentId, h.clock.now(), 'card_declined'));
    expect(failed.applied).toBe(false);
    expect(h.payments.stored(paymentId)).toMatchObject({ state: 'confirmed', failureCode: null });
    expect(h.outbox.named('billing.payment-failed.v1')).toHaveLength(0);

    await h.refundPayment.execute(new RefundPayment(FINANCE.accountId, paymentId, 2000, 'Erreur', 'r-1'));
    expect(h.payments.stored(paymentId).state).toBe('refunded');
    // The provider's own refund callback, and a stale success: nothing moves.
    const refundId = h.gateway.refunds[0].request.reference;
    expect((await h.applyEvent.execute(event('evt_r', 'refund.succeeded', 're_x', refundId, h.clock.now()))).applied).toBe(false);
    expect((await h.applyEvent.execute(event('evt_late', 'charge.succeeded', chargeId, paymentId, h.clock.now()))).applied).toBe(false);
    expect(h.payments.stored(paymentId)).toMatchObject({ state: 'refunded', refundedCents: 2000 });
    expect(h.outbox.named('billing.refund-issued.v1')).toHaveLength(1);
  });

  it('refunds in full a capture that arrives for a payment already given up, without paying the invoice', async () => {
    const h = harness();
    const { invoiceId, paymentId, chargeId } = await pendingCard(h, 2000);
    await h.applyEvent.execute(event('evt_gone', 'charge.failed', chargeId, paymentId, h.clock.now(), 'network_error'));
    const late = event('evt_late_capture', 'charge.succeeded', chargeId, paymentId, h.clock.now());
    expect((await h.applyEvent.execute(late)).applied).toBe(true);
    expect(h.gateway.refunds.map((r) => [r.request.paymentId, r.request.amountCents])).toEqual([[chargeId, 2000]]);
    expect(h.payments.stored(paymentId).state).toBe('failed');
    expect(h.invoices.stored(invoiceId).status).toBe('issued');
    expect(h.outbox.named('billing.invoice-paid.v1')).toHaveLength(0);
    expect(h.history.actions(invoiceId)).toContain('late-capture-refunded');
    // Delivered again: the provider's idempotent refund answers the same, nothing else changes.
    expect((await h.applyEvent.execute(late)).applied).toBe(false);
    expect(new Set(h.gateway.refunds.map((r) => r.key)).size).toBe(1);
    expect(h.history.actions(invoiceId).filter((a) => a === 'late-capture-refunded')).toHaveLength(1);
  });

  it('records a decline with its code for the requester', async () => {
    const h = harness();
    const { paymentId, chargeId, reference } = await pendingCard(h);
    await h.applyEvent.execute(event('evt_f', 'charge.failed', chargeId, null, h.clock.now(), 'authentication_failed'));
    expect(h.payments.stored(paymentId)).toMatchObject({ state: 'failed', failureCode: 'authentication_failed' });
    expect(h.outbox.named('billing.payment-failed.v1').map((e) => e.payload)).toEqual([
      expect.objectContaining({ paymentId, reference, method: 'card', failureCode: 'authentication_failed' }),
    ]);
  });

  it('holds a confirmation that arrives after the invoice was canceled, and refunds it with a credit note', async () => {
    const h = harness();
    const { invoiceId, paymentId, chargeId, reference } = await pendingCard(h);
    const { creditNoteId } = await h.cancelInvoice.execute(new CancelInvoice(reference, 'Commande expirée', false, null));
    expect(h.invoices.stored(creditNoteId as string)).toMatchObject({ kind: 'credit-note', number: 'NC-2026-000001', totalCents: 2000 });
    expect(h.invoices.stored(invoiceId).status).toBe('canceled');

    await h.applyEvent.execute(event('evt_late', 'charge.succeeded', chargeId, paymentId, h.clock.now()));
    expect(h.invoices.stored(invoiceId)).toMatchObject({ status: 'canceled', paidCents: 0 });
    expect(h.payments.stored(paymentId)).toMatchObject({ state: 'refunded', refundedCents: 2000, heldForStaff: false });
    expect(h.gateway.refunds.map((r) => r.request)).toEqual([expect.objectContaining({ paymentId: chargeId, amountCents: 2000 })]);
    expect([...h.refunds.rows.values()]).toEqual([expect.objectContaining({ state: 'succeeded', creditNoteNumber: 'NC-2026-000002' })]);
    expect(h.history.actions(invoiceId)).toEqual(expect.arrayContaining(['held-for-staff', 'refunded']));
    expect(h.outbox.named('billing.invoice-paid.v1')).toHaveLength(0);
    expect(await h.held.execute(new ListHeldPayments())).toEqual([]);
  });

  it('holds a confirmation after the payment deadline for staff when the refund cannot be made', async () => {
    const h = harness();
    const until = new Date(h.clock.now().getTime() + 60_000);
    const { invoiceId, paymentId, chargeId } = await pendingCard(h, 2500, until);
    h.gateway.refundOutcome = 'network';
    await h.applyEvent.execute(event('evt_late', 'charge.succeeded', chargeId, paymentId, new Date(until.getTime() + 1000)));
    expect(h.invoices.stored(invoiceId)).toMatchObject({ status: 'issued', paidCents: 0 });
    expect(h.payments.stored(paymentId)).toMatchObject({ state: 'confirmed', heldForStaff: true, refundingCents: 0 });
    const held = await h.held.execute(new ListHeldPayments());
    expect(held).toEqual([expect.objectContaining({ id: paymentId, invoiceNumber: h.invoices.stored(invoiceId).number })]);

    // Staff refund it later, once the provider answers again.
    h.gateway.refundOutcome = 'succeeded';
    const refund = await h.refundPayment.execute(new RefundPayment(FINANCE.accountId, paymentId, 2500, 'Paiement tardif', 'staff-1'));
    expect(refund.state).toBe('succeeded');
    expect(await h.held.execute(new ListHeldPayments())).toEqual([]);
  });
});
