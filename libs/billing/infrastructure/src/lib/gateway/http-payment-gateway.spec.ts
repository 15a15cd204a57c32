import { GatewayUnavailable } from '@guichet/billing/application';
import { GatewayRequestRejected, HttpPaymentGateway } from './http-payment-gateway';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Answer = { status: number; body?: unknown; raw?: string } | Error;

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(...answers: Answer[]) {
  const calls: Call[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (!answer) throw new Error('no answer scripted');
    if (answer instanceof Error) throw answer;
    return new Response(answer.raw ?? JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchFn, calls };
}

const CHARGE = {
  id: 'ch_1',
  object: 'charge',
  status: 'processing',
  amount: 1234,
  currency: 'CAD',
  reference: 'pay-1',
  brand: 'visa',
  last4: '4242',
  next_action_url: null,
  failure_code: null,
};

const ORDER = { id: 'PP-1', status: 'CREATED', amount: 2500, reference: 'pay-2', approve_url: 'http://psp.test/paypal/checkout/PP-1', payer_label: null };

function gateway(fetchFn: typeof fetch, retries?: number) {
  return new HttpPaymentGateway({
    baseUrl: 'http://psp.internal:4400/',
    publicUrl: 'https://psp.example.test/',
    secretKey: 'sk_spec_0123456789',
    publishableKey: 'pk_spec',
    fetch: fetchFn,
    retries,
    retryDelayMs: 1,
  });
}

const chargeRequest = { token: 'tok_1', amountCents: 1234, reference: 'pay-1', returnUrl: 'https://guichet.test/factures/i/paiements/pay-1', description: 'F-2026-000001' };

describe('HttpPaymentGateway', () => {
  it('builds the hosted card page address with the publishable key', () => {
    const url = new URL(
      gateway(scriptedFetch({ status: 200 }).fetchFn).hostedCardPageUrl({
        amountCents: 500,
        lang: 'en',
        reference: 'pay-9',
        returnUrl: 'https://guichet.test/factures/i/carte',
        cancelUrl: 'https://guichet.test/factures/i?annule=1',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://psp.example.test/hosted/card');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      pk: 'pk_spec',
      amount: '500',
      currency: 'CAD',
      lang: 'en',
      reference: 'pay-9',
      return_url: 'https://guichet.test/factures/i/carte',
      cancel_url: 'https://guichet.test/factures/i?annule=1',
    });
  });

  it('creates a charge with the secret key and the idempotency key, in snake_case, and maps the answer', async () => {
    const { fetchFn, calls } = scriptedFetch({ status: 200, body: CHARGE });
    const charge = await gateway(fetchFn).createCharge(chargeRequest, 'idem-1');
    expect(charge).toEqual({ id: 'ch_1', status: 'processing', amountCents: 1234, reference: 'pay-1', brand: 'visa', last4: '4242', nextActionUrl: null, failureCode: null });
    expect(calls).toEqual([
      {
        url: 'http://psp.internal:4400/v1/charges',
        method: 'POST',
        headers: expect.objectContaining({ authorization: 'Bearer sk_spec_0123456789', 'idempotency-key': 'idem-1', 'content-type': 'application/json' }),
        body: { token: 'tok_1', amount: 1234, currency: 'CAD', reference: 'pay-1', return_url: chargeRequest.returnUrl, description: 'F-2026-000001' },
      },
    ]);
  });

  it('tries a network error and a 5xx again with the same idempotency key', async () => {
    const { fetchFn, calls } = scriptedFetch(new TypeError('fetch failed'), { status: 503 }, { status: 200, body: { ...CHARGE, status: 'requires_action', next_action_url: 'https://psp/ch' } });
    const charge = await gateway(fetchFn).createCharge(chargeRequest, 'idem-2');
    expect(charge).toMatchObject({ status: 'requires_action', nextActionUrl: 'https://psp/ch' });
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['idem-2', 'idem-2', 'idem-2']);
  });

  it('throws GatewayUnavailable after the last attempt', async () => {
    const { fetchFn, calls } = scriptedFetch({ status: 502, body: { error: 'upstream_unavailable' } });
    await expect(gateway(fetchFn).createCharge(chargeRequest, 'idem-3')).rejects.toThrow(GatewayUnavailable);
    expect(calls).toHaveLength(3);
    const five = scriptedFetch(new TypeError('ECONNREFUSED'));
    await expect(gateway(five.fetchFn, 5).getCharge('ch_1')).rejects.toThrow(/5 attempts/);
    expect(five.calls).toHaveLength(5);
  });

  it('gives up on a provider that does not answer in time', async () => {
    const hanging = ((_input: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch;
    const slow = new HttpPaymentGateway({ baseUrl: 'http://psp', publicUrl: 'http://psp', secretKey: 's', publishableKey: 'p', fetch: hanging, retries: 2, timeoutMs: 20, retryDelayMs: 1 });
    await expect(slow.getCharge('ch_1')).rejects.toThrow(GatewayUnavailable);
  });

  it('treats a 2xx that is not the protocol as unavailable (nothing is known)', async () => {
    await expect(gateway(scriptedFetch({ status: 200, raw: '<html>' }).fetchFn).getCharge('ch_1')).rejects.toThrow(GatewayUnavailable);
    await expect(gateway(scriptedFetch({ status: 200, body: { ...CHARGE, status: 'weird' } }).fetchFn).getCharge('ch_1')).rejects.toThrow(GatewayUnavailable);
  });

  it('turns a refused token into a failed charge, without retrying', async () => {
    const { fetchFn, calls } = scriptedFetch({ status: 400, body: { error: 'token_used', message: 'used' } });
    expect(await gateway(fetchFn).createCharge(chargeRequest, 'idem-4')).toMatchObject({ id: '', status: 'failed', failureCode: 'token_used', amountCents: 1234 });
    expect(calls).toHaveLength(1);
  });

  it('throws GatewayRequestRejected for our own mistakes (bad key, unknown charge, key reused)', async () => {
    const bad = gateway(scriptedFetch({ status: 401, body: { error: 'unauthorized', message: 'no' } }).fetchFn);
    await expect(bad.getCharge('ch_1')).rejects.toThrow(GatewayRequestRejected);
    const conflict = gateway(scriptedFetch({ status: 409, body: { error: 'idempotency_key_reused' } }).fetchFn);
    await expect(conflict.createCharge(chargeRequest, 'idem-5')).rejects.toMatchObject({ status: 409, code: 'idempotency_key_reused' });
  });

  it('creates and captures PayPal orders; an unapproved order comes back with its status', async () => {
    const { fetchFn, calls } = scriptedFetch(
      { status: 200, body: ORDER },
      { status: 422, body: { error: 'order_not_approved', order: { ...ORDER, status: 'VOIDED' } } },
      { status: 200, body: { ...ORDER, status: 'COMPLETED', payer_label: 'p***@exemple.test' } },
    );
    const gw = gateway(fetchFn);
    const order = await gw.createPaypalOrder({ amountCents: 2500, reference: 'pay-2', returnUrl: 'https://g/r', cancelUrl: 'https://g/c', lang: 'fr' }, 'pp-1');
    expect(order).toEqual({ id: 'PP-1', status: 'CREATED', amountCents: 2500, reference: 'pay-2', approveUrl: ORDER.approve_url, payerLabel: null });
    expect(calls[0].body).toEqual({ amount: 2500, currency: 'CAD', reference: 'pay-2', return_url: 'https://g/r', cancel_url: 'https://g/c', lang: 'fr' });
    expect((await gw.capturePaypalOrder('PP-1', 'cap-1')).status).toBe('VOIDED');
    expect(await gw.capturePaypalOrder('PP-1', 'cap-2')).toMatchObject({ status: 'COMPLETED', payerLabel: 'p***@exemple.test' });
    expect(calls[1]).toMatchObject({ url: 'http://psp.internal:4400/v1/paypal/orders/PP-1/capture', method: 'POST', headers: expect.objectContaining({ 'idempotency-key': 'cap-1' }) });
  });

  it('refunds, and reports a refused refund as failed with the reason', async () => {
    const { fetchFn, calls } = scriptedFetch(
      { status: 200, body: { id: 're_1', object: 'refund', status: 'succeeded', amount: 500, payment: 'ch_1', reference: 'ref-1' } },
      { status: 400, body: { error: 'amount_exceeds_refundable', refundable: 734 } },
    );
    const gw = gateway(fetchFn);
    expect(await gw.refund({ paymentId: 'ch_1', amountCents: 500, reference: 'ref-1' }, 'r-1')).toEqual({ id: 're_1', status: 'succeeded', amountCents: 500, failureCode: null });
    expect(calls[0].body).toEqual({ payment: 'ch_1', amount: 500, reference: 'ref-1' });
    expect(await gw.refund({ paymentId: 'ch_1', amountCents: 5000, reference: 'ref-2' }, 'r-2')).toEqual({
      id: '',
      status: 'failed',
      amountCents: 5000,
      failureCode: 'amount_exceeds_refundable',
    });
  });
});
