import { GatewayUnavailable, InvalidGatewaySignature, type GatewayEvent, type HostedCardPageRequest } from '@guichet/billing/application';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HmacGatewayCallbackVerifier } from './hmac-callback-verifier';
import { HttpPaymentGateway } from './http-payment-gateway';

/** What this spec uses of `apps/payment-sandbox/src/sandbox-server.ts`. */
interface SandboxServerModule {
  startSandbox(options: {
    port: number;
    secretKey: string;
    publishableKey: string;
    webhookUrl: string;
    webhookSecret: string;
    settleDelayMs: number;
    logLevel: string;
  }): Promise<{ url: string; publicUrl: string; close(): Promise<void> }>;
}

/**
 * The provider is an outside party, not a dependency of Billing: loaded by path at run time, so the
 * project graph gets no library-to-app edge, and run in this process like any other test server.
 */
function loadSandbox(): SandboxServerModule {
  const file = path.join(__dirname, '../../../../../../apps/payment-sandbox/src/sandbox-server');
  return require(file) as SandboxServerModule;
}

const RETURN = 'http://localhost:3000/factures/inv-1/paiements/pay-1';

/** Our side of the webhooks: verifies each delivery as the api will, answers 400 to a bad one. */
async function startReceiver(verifier: HmacGatewayCallbackVerifier) {
  const events: GatewayEvent[] = [];
  let rejected = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        events.push(verifier.verify(Buffer.concat(chunks), req.headers['sandbox-signature'] as string | undefined, new Date()));
        res.writeHead(204).end();
      } catch (err) {
        rejected++;
        res.writeHead(err instanceof InvalidGatewaySignature ? 400 : 500).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/billing/webhooks/sandbox`,
    events,
    rejected: () => rejected,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function eventually<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HttpPaymentGateway against the sandbox provider', () => {
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const publishableKey = 'pk_test_int';
  let sandbox: Awaited<ReturnType<SandboxServerModule['startSandbox']>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gateway: HttpPaymentGateway;
  let keys = 0;
  const key = () => `int-${process.pid}-${++keys}`;

  beforeAll(async () => {
    receiver = await startReceiver(new HmacGatewayCallbackVerifier(webhookSecret));
    sandbox = await loadSandbox().startSandbox({ port: 0, secretKey, publishableKey, webhookUrl: receiver.url, webhookSecret, settleDelayMs: 50, logLevel: 'silent' });
    gateway = new HttpPaymentGateway({ baseUrl: sandbox.url, publicUrl: sandbox.publicUrl, secretKey, publishableKey, retryDelayMs: 20 });
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  const page: HostedCardPageRequest = {
    amountCents: 1234,
    lang: 'fr',
    reference: 'pay-1',
    returnUrl: 'http://localhost:3000/factures/inv-1/carte',
    cancelUrl: 'http://localhost:3000/factures/inv-1?annule=1',
  };

  /** The payer on the hosted page: opens it, types the card, and comes back with a token. */
  async function tokenFor(number: string): Promise<string> {
    const url = new URL(gateway.hostedCardPageUrl(page));
    const html = await (await fetch(url)).text();
    expect(html).toContain('<label for="card-number">Numéro de carte</label>');
    const form = new URLSearchParams(url.searchParams);
    for (const [name, value] of Object.entries({ number, exp: '12/39', cvc: '123', name: 'Jeanne Tremblay', action: 'pay' })) form.set(name, value);
    const res = await fetch(new URL('/hosted/card', url), { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(page.returnUrl);
    return back.searchParams.get('token') ?? '';
  }

  const charge = (token: string, idempotencyKey = key(), reference = 'pay-1') =>
    gateway.createCharge({ token, amountCents: 1234, reference, returnUrl: RETURN, description: 'Facture F-2026-000001' }, idempotencyKey);

  it('4242: the charge is processing, then a signed charge.succeeded reaches us and passes verification', async () => {
    const rejectedBefore = receiver.rejected();
    const created = await charge(await tokenFor('4242 4242 4242 4242'));
    expect(created).toMatchObject({ status: 'processing', amountCents: 1234, reference: 'pay-1', brand: 'visa', last4: '4242', nextActionUrl: null });
    const event = await eventually(() => receiver.events.find((e) => e.objectId === created.id));
    expect(event).toMatchObject({ type: 'charge.succeeded', reference: 'pay-1', amountCents: 1234, failureCode: null });
    expect(event.id).toMatch(/^evt_/);
    expect(await gateway.getCharge(created.id)).toMatchObject({ status: 'succeeded' });
    // None of the deliveries made while this test ran failed verification (the receiver counts for the whole file).
    expect(receiver.rejected() - rejectedBefore).toBe(0);
  });

  it('fifty concurrent charges with one idempotency key make one charge', async () => {
    const token = await tokenFor('4242424242424242');
    const idempotencyKey = key();
    const charges = await Promise.all(Array.from({ length: 50 }, () => charge(token, idempotencyKey, 'pay-50')));
    const ids = new Set(charges.map((c) => c.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    await eventually(() => receiver.events.find((e) => e.objectId === id));
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.events.filter((e) => e.reference === 'pay-50')).toHaveLength(1);
    // The token is spent: another key cannot charge it again.
    expect(await charge(token, key(), 'pay-50')).toMatchObject({ id: '', status: 'failed', failureCode: 'token_used' });
  });

  it('0002: declined, with card_declined in the callback', async () => {
    const created = await charge(await tokenFor('4000000000000002'), key(), 'pay-declined');
    expect(created.status).toBe('processing');
    const event = await eventually(() => receiver.events.find((e) => e.objectId === created.id));
    expect(event).toMatchObject({ type: 'charge.failed', failureCode: 'card_declined', reference: 'pay-declined' });
    expect(await gateway.getCharge(created.id)).toMatchObject({ status: 'failed', failureCode: 'card_declined' });
  });

  it('0119: the network error surfaces as GatewayUnavailable after the retries', async () => {
    await expect(charge(await tokenFor('4000 0000 0000 0119'))).rejects.toThrow(GatewayUnavailable);
  });

  it('3184: requires a second step; approving it on the challenge page settles the charge', async () => {
    const created = await charge(await tokenFor('4000002760003184'), key(), 'pay-3ds');
    expect(created.status).toBe('requires_action');
    expect(created.nextActionUrl).toBe(`${sandbox.publicUrl}/hosted/challenge/${created.id}`);
    const challenge = await (await fetch(created.nextActionUrl ?? '')).text();
    expect(challenge).toContain('Approuver');
    const answer = await fetch(created.nextActionUrl ?? '', { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${RETURN}?payment_reference=pay-3ds`);
    expect(await eventually(() => receiver.events.find((e) => e.objectId === created.id))).toMatchObject({ type: 'charge.succeeded', reference: 'pay-3ds' });
  });

  it('PayPal: create, approve on the checkout page, capture', async () => {
    const order = await gateway.createPaypalOrder(
      { amountCents: 2500, reference: 'pay-pp', returnUrl: 'http://localhost:3000/factures/inv-1/paypal?paymentId=pay-pp', cancelUrl: 'http://localhost:3000/factures/inv-1/paypal?paymentId=pay-pp&annule=1', lang: 'fr' },
      key(),
    );
    expect(order).toMatchObject({ status: 'CREATED', amountCents: 2500, payerLabel: null });
    expect((await gateway.capturePaypalOrder(order.id, key())).status).toBe('CREATED');

    const checkout = await (await fetch(order.approveUrl ?? '')).text();
    expect(checkout).toContain('PayPal (bac à sable)');
    const action = /<form method="post" action="([^"]+)"><input type="hidden" name="action" value="approve">/.exec(checkout)?.[1];
    expect(action).toBeDefined();
    const approved = await fetch(new URL(action ?? '', order.approveUrl ?? ''), { method: 'POST', body: new URLSearchParams({ action: 'approve' }), redirect: 'manual' });
    expect(approved.status).toBe(303);
    expect(new URL(approved.headers.get('location') ?? '').searchParams.get('token')).toBe(order.id);
    expect(new URL(approved.headers.get('location') ?? '').searchParams.get('paymentId')).toBe('pay-pp');

    const captureKey = key();
    const captured = await gateway.capturePaypalOrder(order.id, captureKey);
    expect(captured).toMatchObject({ id: order.id, status: 'COMPLETED', payerLabel: 'p***@exemple.test' });
    expect(await gateway.capturePaypalOrder(order.id, captureKey)).toEqual(captured);
    await eventually(() => receiver.events.find((e) => e.objectId === order.id && e.type === 'paypal.capture.completed'));
    expect(receiver.events.filter((e) => e.objectId === order.id).map((e) => e.type).sort()).toEqual(['paypal.capture.completed', 'paypal.order.approved']);
  });

  it('refunds part of a charge, then refuses to refund more than is left', async () => {
    const created = await charge(await tokenFor('5555 5555 5555 4444'), key(), 'pay-refund');
    await eventually(() => receiver.events.find((e) => e.objectId === created.id));
    const refund = await gateway.refund({ paymentId: created.id, amountCents: 1000, reference: 'refund-1' }, key());
    expect(refund).toMatchObject({ status: 'succeeded', amountCents: 1000 });
    expect(await eventually(() => receiver.events.find((e) => e.objectId === refund.id))).toMatchObject({ type: 'refund.succeeded', reference: 'refund-1', amountCents: 1000 });
    expect(await gateway.refund({ paymentId: created.id, amountCents: 235, reference: 'refund-2' }, key())).toMatchObject({
      status: 'failed',
      failureCode: 'amount_exceeds_refundable',
    });
    expect(await gateway.refund({ paymentId: created.id, amountCents: 234, reference: 'refund-3' }, key())).toMatchObject({ status: 'succeeded' });
  });
});
