import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxLogger } from './lib/logger';
import { startSandbox, type RunningSandbox } from './sandbox-server';

const SECRET = 'sk_test_spec';
const PK = 'pk_test_spec';
const WEBHOOK_SECRET = 'whsec_spec';
const RETURN_URL = 'http://localhost:3000/factures/inv-1/carte?from=portal';
const CANCEL_URL = 'http://localhost:3000/factures/inv-1?annule=1';

interface Received {
  readonly body: string;
  readonly signature: string;
}

/** A webhook endpoint that answers `failFirst` times 500, then 204. */
async function startReceiver(failFirst = 0): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures < failFirst) {
        failures++;
        res.writeHead(500).end();
        return;
      }
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['sandbox-signature']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function memoryLogger(lines: string[]): SandboxLogger {
  const write = (obj: object, msg: string) => void lines.push(`${msg} ${JSON.stringify(obj)}`);
  return { info: write, warn: write, error: write };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('payment sandbox over HTTP', () => {
  let sandbox: RunningSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const logs: string[] = [];
  let keys = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({
      port: 0,
      secretKey: SECRET,
      publishableKey: PK,
      webhookUrl: receiver.url,
      webhookSecret: WEBHOOK_SECRET,
      settleDelayMs: 20,
      webhookRetryDelaysMs: [10, 10],
      logger: memoryLogger(logs),
    });
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  const api = (method: 'GET' | 'POST', path: string, body?: object, key: string | null = `key-${++keys}`, secret = SECRET) =>
    fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
        ...(method === 'POST' && key !== null ? { 'idempotency-key': key } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  const cardPageQuery = (amount = 1234, lang = 'fr') =>
    new URLSearchParams({ pk: PK, amount: String(amount), currency: 'CAD', lang, reference: 'pay-1', return_url: RETURN_URL, cancel_url: CANCEL_URL });

  /** Submits the hosted form as a browser would; answers the redirect's location or the page. */
  async function submitCard(card: { number: string; exp?: string; cvc?: string; name?: string }, action = 'pay') {
    const form = cardPageQuery();
    form.set('number', card.number);
    form.set('exp', card.exp ?? '12/39');
    form.set('cvc', card.cvc ?? '123');
    form.set('name', card.name ?? 'Jeanne Tremblay');
    form.set('action', action);
    return fetch(`${sandbox.url}/hosted/card`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
  }

  async function tokenFor(number: string): Promise<string> {
    const res = await submitCard({ number });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '');
    return location.searchParams.get('token') ?? '';
  }

  const charge = (token: string, key?: string) =>
    api('POST', '/v1/charges', { token, amount: 1234, currency: 'CAD', reference: 'pay-1', return_url: RETURN_URL, description: 'Facture F-2026-000001' }, key);

  it('answers its health check', async () => {
    const res = await fetch(`${sandbox.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the hosted card page in French with a strict CSP, and refuses a wrong publishable key', async () => {
    const res = await fetch(`${sandbox.url}/hosted/card?${cardPageQuery()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://localhost:3000; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Payer 12,34 $');

    const css = await fetch(`${sandbox.url}/assets/sandbox.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain(':focus-visible');

    const bad = cardPageQuery();
    bad.set('pk', 'pk_wrong');
    expect((await fetch(`${sandbox.url}/hosted/card?${bad}`)).status).toBe(400);
    const badReturn = cardPageQuery();
    badReturn.set('return_url', 'javascript:alert(1)');
    expect((await fetch(`${sandbox.url}/hosted/card?${badReturn}`)).status).toBe(400);
  });

  it('re-renders the form with the errors, sends a valid card back as a token, and « Annuler » to the cancel address', async () => {
    const invalid = await submitCard({ number: '4242 4242 4242 4241', exp: '01/20', cvc: '1' });
    expect(invalid.status).toBe(200);
    const html = await invalid.text();
    expect(html).toContain('aria-describedby="card-number-error" aria-invalid="true"');
    expect(html).toContain('id="card-exp-error"');
    expect(html).toContain('id="card-cvc-error"');

    const valid = await submitCard({ number: '4242 4242 4242 4242' });
    expect(valid.status).toBe(303);
    const location = new URL(valid.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/factures/inv-1/carte');
    expect(location.searchParams.get('from')).toBe('portal');
    expect(location.searchParams.get('token')).toMatch(/^tok_[A-Za-z0-9]{24}$/);

    const canceled = await submitCard({ number: '' }, 'cancel');
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get('location')).toBe(CANCEL_URL);
  });

  it('refuses the server API without the secret key, and POSTs without an idempotency key', async () => {
    expect((await api('GET', '/v1/charges/ch_x', undefined, null, 'sk_wrong')).status).toBe(401);
    const res = await api('POST', '/v1/charges', { token: 'tok_x' }, null);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'idempotency_key_required' });
  });

  it('4242: processing, then a signed charge.succeeded webhook', async () => {
    const res = await charge(await tokenFor('4242424242424242'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'processing', amount: 1234, reference: 'pay-1', brand: 'visa', last4: '4242', next_action_url: null, failure_code: null });
    expect(body.id).toMatch(/^ch_/);

    await until(() => receiver.received.some((r) => r.body.includes(body.id)));
    const delivery = receiver.received.find((r) => r.body.includes(body.id));
    const event = JSON.parse(delivery?.body ?? '{}');
    expect(event).toMatchObject({ type: 'charge.succeeded', data: { object: { id: body.id, status: 'succeeded', reference: 'pay-1' } } });
    expect(event.id).toMatch(/^evt_/);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery?.signature ?? '') ?? [];
    expect(v1).toBe(createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${delivery?.body}`).digest('hex'));
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(5);
    expect(await (await api('GET', `/v1/charges/${body.id}`)).json()).toMatchObject({ status: 'succeeded' });
  });

  it('0002: processing, then charge.failed with card_declined', async () => {
    const body = await (await charge(await tokenFor('4000 0000 0000 0002'))).json();
    expect(body.status).toBe('processing');
    await until(() => receiver.received.some((r) => r.body.includes(body.id)));
    const event = JSON.parse(receiver.received.find((r) => r.body.includes(body.id))?.body ?? '{}');
    expect(event).toMatchObject({ type: 'charge.failed', data: { object: { status: 'failed', failure_code: 'card_declined' } } });
  });

  it('0119: 502 every time, no charge made, the token still usable', async () => {
    const token = await tokenFor('4000000000000119');
    const key = 'net-error-key';
    expect((await charge(token, key)).status).toBe(502);
    expect((await charge(token, key)).status).toBe(502);
    expect((await charge(token)).status).toBe(502);
  });

  it('3184: requires_action, then the challenge page approves or refuses and sends the payer back', async () => {
    for (const [decision, type, failure] of [
      ['approve', 'charge.succeeded', null],
      ['refuse', 'charge.failed', 'authentication_failed'],
    ] as const) {
      const body = await (await charge(await tokenFor('4000002760003184'))).json();
      expect(body.status).toBe('requires_action');
      expect(body.next_action_url).toBe(`${sandbox.publicUrl}/hosted/challenge/${body.id}`);
      const page = await (await fetch(body.next_action_url)).text();
      expect(page).toContain('>Approuver</button>');
      expect(page).toContain('>Refuser</button>');

      const answer = await fetch(body.next_action_url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `decision=${decision}`,
        redirect: 'manual',
      });
      expect(answer.status).toBe(303);
      expect(new URL(answer.headers.get('location') ?? '').searchParams.get('payment_reference')).toBe('pay-1');
      await until(() => receiver.received.some((r) => r.body.includes(body.id)));
      const event = JSON.parse(receiver.received.find((r) => r.body.includes(body.id))?.body ?? '{}');
      expect(event).toMatchObject({ type, data: { object: { failure_code: failure } } });
    }
  });

  it('makes one charge per idempotency key, answers 409 to the key with another body, and uses a token once', async () => {
    const token = await tokenFor('5555555555554444');
    const answers = await Promise.all(Array.from({ length: 20 }, () => charge(token, 'same-key')));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ brand: 'mastercard', last4: '4444' });

    const other = await api('POST', '/v1/charges', { token, amount: 999, currency: 'CAD', reference: 'pay-1', return_url: RETURN_URL }, 'same-key');
    expect(other.status).toBe(409);
    const reused = await charge(token, 'another-key');
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'token_used' });
  });

  it('runs a PayPal order: checkout page, approve, capture (idempotent), or cancel', async () => {
    const create = (reference: string) =>
      api('POST', '/v1/paypal/orders', { amount: 2500, currency: 'CAD', reference, return_url: RETURN_URL, cancel_url: CANCEL_URL, lang: 'fr' });
    const order = await (await create('pay-pp')).json();
    expect(order).toMatchObject({ status: 'CREATED', amount: 2500, reference: 'pay-pp', payer_label: null, approve_url: `${sandbox.publicUrl}/paypal/checkout/${order.id}` });
    expect(order.id).toMatch(/^PP-[A-Z0-9]{17}$/);

    const early = await api('POST', `/v1/paypal/orders/${order.id}/capture`, {});
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: 'order_not_approved' });

    const page = await (await fetch(order.approve_url)).text();
    expect(page).toContain('PayPal (bac à sable)');
    expect(page).toContain('>Approuver le paiement</button>');
    const approved = await fetch(order.approve_url, { method: 'POST', body: new URLSearchParams({ action: 'approve' }), redirect: 'manual' });
    expect(approved.status).toBe(303);
    expect(new URL(approved.headers.get('location') ?? '').searchParams.get('token')).toBe(order.id);

    const captures = await Promise.all([1, 2].map(() => api('POST', `/v1/paypal/orders/${order.id}/capture`, {}, 'capture-key')));
    for (const res of captures) expect(await res.json()).toMatchObject({ status: 'COMPLETED', payer_label: 'p***@exemple.test' });
    await until(() => receiver.received.filter((r) => r.body.includes(order.id)).length >= 2);
    const types = receiver.received.filter((r) => r.body.includes(order.id)).map((r) => JSON.parse(r.body).type);
    expect(types.sort()).toEqual(['paypal.capture.completed', 'paypal.order.approved']);

    const toCancel = await (await create('pay-pp-2')).json();
    const canceled = await fetch(toCancel.approve_url, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }), redirect: 'manual' });
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get('location')).toBe(`${CANCEL_URL}&token=${toCancel.id}`);
    expect(await (await api('GET', `/v1/paypal/orders/${toCancel.id}`)).json()).toMatchObject({ status: 'VOIDED' });
  });

  it('refunds up to what is left, and refuses more', async () => {
    const body = await (await charge(await tokenFor('4242424242424242'))).json();
    const refund = (amount: number) => api('POST', '/v1/refunds', { payment: body.id, amount, reference: `re-${amount}` });
    expect((await refund(100)).status).toBe(400); // still processing
    await until(() => receiver.received.some((r) => r.body.includes(body.id)));
    const first = await refund(1000);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'succeeded', amount: 1000, payment: body.id });
    const over = await refund(235);
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ error: 'amount_exceeds_refundable', refundable: 234 });
    expect((await refund(234)).status).toBe(200);
  });

  it('never logs a card number', () => {
    const log = logs.join('\n');
    expect(log).toContain('4242');
    for (const number of ['4242424242424242', '4000000000000002', '4000000000000119', '4000002760003184', '5555555555554444']) {
      expect(log).not.toContain(number);
    }
    expect(log).not.toMatch(/\d{13,19}/);
  });
});

describe('webhook retries', () => {
  it('tries again after a non-2xx answer with a fresh signature, and gives up after the last delay', async () => {
    const receiver = await startReceiver(2);
    const logs: string[] = [];
    const sandbox = await startSandbox({ port: 0, webhookUrl: receiver.url, settleDelayMs: 0, webhookRetryDelaysMs: [5, 5], logger: memoryLogger(logs) });
    const dead = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:9/nowhere', webhookRetryDelaysMs: [5, 5], logger: memoryLogger(logs) });
    try {
      for (const s of [sandbox, dead]) {
        const orderRes = await fetch(`${s.url}/v1/paypal/orders`, {
          method: 'POST',
          headers: { authorization: 'Bearer sk_sandbox_guichet_dev', 'idempotency-key': 'k', 'content-type': 'application/json' },
          body: JSON.stringify({ amount: 500, reference: 'r', return_url: RETURN_URL, cancel_url: CANCEL_URL }),
        });
        const order = await orderRes.json();
        await fetch(`${s.url}/paypal/checkout/${order.id}`, { method: 'POST', body: new URLSearchParams({ action: 'approve' }), redirect: 'manual' });
        await s.webhooksIdle();
      }
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: 'paypal.order.approved' });
      expect(logs.filter((l) => l.startsWith('webhook not accepted'))).toHaveLength(4);
      expect(logs.filter((l) => l.startsWith('webhook dropped'))).toHaveLength(1);
    } finally {
      await sandbox.close();
      await dead.close();
      await receiver.close();
    }
  });
});
