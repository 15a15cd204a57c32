import {
  CancelPendingPayment,
  CapturePaypalPayment,
  GetPayment,
  OpenCardCheckout,
  PayByCard,
  RecordManualPayment,
  StartPaypalPayment,
} from '@guichet/billing/contracts';
import { codeOf, FINANCE, harness } from '../../testing/harness';

describe('Card and PayPal payments', () => {
  it('opens the hosted card page for the balance, coming back to the portal', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(2000);
    const { url } = await h.openCheckout.execute(new OpenCardCheckout(h.payer, invoiceId, 'en'));
    const params = new URL(url).searchParams;
    expect(params.get('amount')).toBe('2000');
    expect(params.get('lang')).toBe('en');
    expect(params.get('return_url')).toBe(`https://guichet.test/factures/${invoiceId}/carte`);
    expect(params.get('cancel_url')).toBe(`https://guichet.test/factures/${invoiceId}?annule=1`);
  });

  it('refuses a card payment below 5 $, on an invoice with nothing due, or on another payer’s invoice', async () => {
    const h = harness();
    const small = await h.invoice(499);
    expect(await codeOf(h.openCheckout.execute(new OpenCardCheckout(h.payer, small.invoiceId, 'fr')))).toBe('BILLING.CARD_MINIMUM');
    expect(await codeOf(h.payByCard.execute(new PayByCard(h.payer, small.invoiceId, 'tok_1', 'k1')))).toBe('BILLING.CARD_MINIMUM');
    const paid = await h.invoice(1000, { method: 'cheque' });
    await h.recordPayment.execute(new RecordManualPayment(FINANCE.accountId, paid.invoiceId, 'cheque', 1000, '2026-03-01', '55'));
    expect(await codeOf(h.payByCard.execute(new PayByCard(h.payer, paid.invoiceId, 'tok_2', 'k2')))).toBe('BILLING.NOTHING_DUE');
    const other = { accountId: '0192e4a0-7d3c-7b2e-9f00-00000000beef', finance: false };
    const invoice = await h.invoice(2000);
    expect(await codeOf(h.payByCard.execute(new PayByCard(other, invoice.invoiceId, 'tok_3', 'k3')))).toBe('BILLING.INVOICE_NOT_FOUND');
    expect(h.gateway.charges).toHaveLength(0);
  });

  it('charges once per idempotency key and keeps only a card label', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(2000);
    const first = await h.payByCard.execute(new PayByCard(h.payer, invoiceId, 'tok_abc', 'key-1'));
    const again = await h.payByCard.execute(new PayByCard(h.payer, invoiceId, 'tok_abc', 'key-1'));
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ state: 'pending', label: 'visa •••• 4242', amountCents: 2000 });
    expect(h.gateway.charges).toHaveLength(1);
    expect(h.gateway.charges[0].request).toMatchObject({ reference: first.id, returnUrl: `https://guichet.test/factures/${invoiceId}/paiements/${first.id}` });
    expect(JSON.stringify([...h.payments.rows.values()])).not.toContain('tok_abc');
    expect(await codeOf(h.payByCard.execute(new PayByCard(h.payer, invoiceId, 'tok_def', 'key-2')))).toBe('BILLING.PAYMENT_IN_PROGRESS');
    const otherInvoice = await h.invoice(3000);
    expect(await codeOf(h.payByCard.execute(new PayByCard(h.payer, otherInvoice.invoiceId, 'tok_x', 'key-1')))).toBe('BILLING.IDEMPOTENCY_KEY_REUSED');
  });

  it('pays the invoice when the provider approves at once, and records a decline or a network error as failed', async () => {
    const h = harness();
    h.gateway.chargeStatus = 'succeeded';
    const a = await h.invoice(2000);
    const ok = await h.payByCard.execute(new PayByCard(h.payer, a.invoiceId, 'tok_1', 'k-ok'));
    expect(ok.state).toBe('confirmed');
    expect(h.invoices.stored(a.invoiceId).status).toBe('paid');
    expect(h.outbox.named('billing.invoice-paid.v1').map((e) => e.payload)).toEqual([expect.objectContaining({ invoiceId: a.invoiceId, reference: a.reference })]);

    h.gateway.chargeStatus = 'failed';
    const b = await h.invoice(2000);
    const declined = await h.payByCard.execute(new PayByCard(h.payer, b.invoiceId, 'tok_2', 'k-declined'));
    expect(declined).toMatchObject({ state: 'failed', failureCode: 'card_declined' });

    h.gateway.chargeStatus = 'network';
    const network = await h.payByCard.execute(new PayByCard(h.payer, b.invoiceId, 'tok_3', 'k-network'));
    expect(network).toMatchObject({ state: 'failed', failureCode: 'network_error' });
    expect(h.outbox.named('billing.payment-failed.v1').map((e) => (e.payload as { failureCode: string }).failureCode)).toEqual(['card_declined', 'network_error']);
    expect(h.invoices.stored(b.invoiceId).status).toBe('issued');
  });

  it('sends the payer to the second step when the provider asks for one', async () => {
    const h = harness();
    h.gateway.chargeStatus = 'requires_action';
    const { invoiceId } = await h.invoice(2000);
    const view = await h.payByCard.execute(new PayByCard(h.payer, invoiceId, 'tok_1', 'k'));
    expect(view).toMatchObject({ state: 'requires-action', nextActionUrl: 'https://sandbox.test/hosted/challenge/1' });
    expect(await codeOf(h.cancelPayment.execute(new CancelPendingPayment(h.payer, view.id)))).toBe('BILLING.INVALID_PAYMENT_STATE');
    expect(await h.getPayment.execute(new GetPayment(h.payer, view.id))).toEqual(view);
    expect(await codeOf(h.getPayment.execute(new GetPayment({ accountId: FINANCE.accountId, finance: false }, view.id)))).toBe('BILLING.PAYMENT_NOT_FOUND');
  });

  it('pays by PayPal: approve address, capture once, cancel a voided order', async () => {
    const h = harness();
    const { invoiceId } = await h.invoice(400);
    const started = await h.startPaypal.execute(new StartPaypalPayment(h.payer, invoiceId, 'pp-1', 'fr'));
    expect(started.approveUrl).toMatch(/^https:\/\/sandbox\.test\/paypal\/checkout\/PP-/);
    expect(await h.startPaypal.execute(new StartPaypalPayment(h.payer, invoiceId, 'pp-1', 'fr'))).toEqual(started);
    const captured = await h.capturePaypal.execute(new CapturePaypalPayment(h.payer, started.paymentId));
    expect(captured).toMatchObject({ state: 'confirmed', label: 'p***@exemple.test' });
    await h.capturePaypal.execute(new CapturePaypalPayment(h.payer, started.paymentId));
    expect(h.gateway.captures).toHaveLength(1);
    expect(h.invoices.stored(invoiceId).status).toBe('paid');

    const other = await h.invoice(1000);
    const second = await h.startPaypal.execute(new StartPaypalPayment(h.payer, other.invoiceId, 'pp-2', 'en'));
    const canceled = await h.cancelPayment.execute(new CancelPendingPayment(h.payer, second.paymentId));
    expect(canceled).toMatchObject({ state: 'canceled', failureCode: 'canceled' });
    expect((await h.cancelPayment.execute(new CancelPendingPayment(h.payer, second.paymentId))).state).toBe('canceled');
  });
});
