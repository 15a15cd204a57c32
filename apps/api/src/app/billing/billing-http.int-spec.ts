import { createHmac } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
// The sandbox processor is its own app; the test runs it in-process, as the harness runs its binary.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startSandbox, type RunningSandbox } from '../../../../payment-sandbox/src/sandbox-server';
import { freePort, startHttpApi, type HttpApi, type HttpSession } from '../testing/http-api';

/*
 * Billing through the real HTTP api, the real PostgreSQL and the sandbox processor running beside it
 * (webhooks delivered over HTTP to the api): what a payer, a finance clerk and the processor do.
 */

const WEBHOOK_SECRET = 'whsec_int_' + 'x'.repeat(24);
const SECRET_KEY = 'sk_int_' + 'y'.repeat(24);

describe('Billing over HTTP (real database, sandbox processor, signed callbacks)', () => {
  let api: HttpApi;
  let sandbox: RunningSandbox;
  let baseUrl: string;
  let origin: string;
  let db: DataSource;
  let parent: HttpSession;
  let owner: HttpSession;
  let finance: HttpSession;

  const get = (s: HttpSession, path: string) => request(baseUrl).get(path).set('Cookie', s.cookie);
  const post = (s: HttpSession, path: string, body: object = {}) =>
    request(baseUrl).post(path).set('Cookie', s.cookie).set('X-XSRF-TOKEN', s.xsrf).set('Origin', origin).send(body);

  async function issueInvoice(payerEmail: string, unitPriceCents: number, method: 'card' | 'cheque' | 'paypal' = 'card'): Promise<{ invoiceId: string; number: string }> {
    const res = await post(finance, '/api/billing/finance/invoices', {
      payerEmail,
      lang: 'fr',
      billTo: { kind: 'individual', name: 'Alex Parent', address: { line1: '12 rue des Érables', city: 'Laval', postalCode: 'h7n 1a1' } },
      lines: [{ description: 'Cartes de formation', quantity: 1, unitPriceCents }],
      method,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** What the browser does on the processor's hosted page: types the card there, gets a token back. */
  async function tokenFor(checkoutUrl: string, cardNumber: string): Promise<string> {
    const page = new URL(checkoutUrl);
    const form = new URLSearchParams(page.search);
    const body = new URLSearchParams({
      pk: form.get('pk') ?? '',
      amount: form.get('amount') ?? '',
      currency: form.get('currency') ?? 'CAD',
      lang: form.get('lang') ?? 'fr',
      reference: form.get('reference') ?? '',
      return_url: form.get('return_url') ?? '',
      cancel_url: form.get('cancel_url') ?? '',
      number: cardNumber,
      exp: '12/30',
      cvc: '123',
      name: 'Alex Parent',
      action: 'pay',
    });
    const res = await fetch(`${page.origin}/hosted/card`, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    const token = new URL(res.headers.get('location') ?? '').searchParams.get('token');
    expect(token).toMatch(/^tok_/);
    return token as string;
  }

  async function paymentOf(s: HttpSession, paymentId: string, until: (state: string) => boolean): Promise<{ state: string; [key: string]: unknown }> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await get(s, `/api/billing/payments/${paymentId}`);
      expect(res.status).toBe(200);
      if (until(res.body.state) || Date.now() > deadline) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function signed(body: string, secret = WEBHOOK_SECRET, at = Math.floor(Date.now() / 1000)): string {
    return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
  }

  const callback = (body: string, signature: string | null) => {
    const req = request(baseUrl).post('/api/billing/webhooks/sandbox').set('Content-Type', 'application/json');
    return (signature === null ? req : req.set('Sandbox-Signature', signature)).send(body);
  };

  /** The browser on a sandbox page: posts one of its forms, returns where it is sent next. */
  async function submitSandboxForm(url: string, fields: Record<string, string>): Promise<URL> {
    const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location') ?? '');
  }

  /** The processor's webhook events of `type` whose object matches `match` (one test's charges or refunds, not the others'). */
  function sandboxEvents(type: string, match: (object: { id?: string; reference?: string; description?: string; payment?: string }) => boolean) {
    return sandbox.events.filter((e) => e.type === type && match(e.data.object as { id?: string; reference?: string; description?: string; payment?: string }));
  }

  async function outboxCount(eventName: string, invoiceId: string): Promise<number> {
    const rows: { count: string }[] = await db.query(`SELECT count(*) FROM messaging.outbox WHERE event_name = $1 AND payload->>'invoiceId' = $2`, [eventName, invoiceId]);
    return Number(rows[0].count);
  }

  async function cardPayment(invoiceId: string, cardNumber: string): Promise<{ id: string; state: string; nextActionUrl: string | null; failureCode: string | null }> {
    const checkout = await post(parent, `/api/billing/invoices/${invoiceId}/card-checkout`, { lang: 'fr' });
    expect(checkout.status).toBe(200);
    const token = await tokenFor(checkout.body.url, cardNumber);
    const res = await post(parent, `/api/billing/invoices/${invoiceId}/card-payments`, { token, idempotencyKey: `key-${invoiceId}-${cardNumber.slice(-4)}` });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    sandbox = await startSandbox({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: `${baseUrl}/api/billing/webhooks/sandbox`,
      settleDelayMs: 50,
      logLevel: 'silent',
    });
    api = await startHttpApi(port, {
      PAYMENT_PROVIDER_URL: sandbox.url,
      PAYMENT_PROVIDER_PUBLIC_URL: sandbox.publicUrl,
      PAYMENT_SECRET_KEY: SECRET_KEY,
      PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    origin = api.origin;
    db = api.db;
    parent = await api.signIn('parent@exemple.test', 'portal');
    owner = await api.signIn('proprietaire@exemple.test', 'portal');
    finance = await api.signIn('finances@exemple.test', 'back-office');
  });

  afterAll(async () => {
    await sandbox?.webhooksIdle();
    await api?.close();
    await sandbox?.close();
  });

  it('shows an invoice to its payer only: another payer gets 404 on the invoice, its PDF and its payment routes', async () => {
    const { invoiceId, number } = await issueInvoice('parent@exemple.test', 1234);
    expect(number).toMatch(/^F-\d{4}-\d{6}$/);
    const mine = await get(parent, '/api/billing/invoices');
    expect(mine.body.map((i: { id: string }) => i.id)).toContain(invoiceId);
    const theirs = await get(owner, '/api/billing/invoices');
    expect(theirs.body.map((i: { id: string }) => i.id)).not.toContain(invoiceId);
    for (const path of [`/api/billing/invoices/${invoiceId}`, `/api/billing/invoices/${invoiceId}/pdf`]) {
      const res = await get(owner, path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await post(owner, `/api/billing/invoices/${invoiceId}/card-checkout`, { lang: 'fr' })).status).toBe(404);
    const pdf = await get(parent, `/api/billing/invoices/${invoiceId}/pdf`).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${number}.pdf`);
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('issues one invoice for a « Nouvelle facture » sent twice with its form key', async () => {
    const body = {
      payerEmail: 'parent@exemple.test',
      lang: 'en',
      billTo: { kind: 'organization', name: 'École des Érables', attention: 'Direction', address: { line1: '3 rue B', city: 'Laval', postalCode: 'H7N 1A1' } },
      lines: [{ description: 'Cartes', quantity: 2, unitPriceCents: 200 }],
      method: 'deposit',
      idempotencyKey: `form-${Date.now().toString(36)}`,
    };
    const [a, b] = await Promise.all([post(finance, '/api/billing/finance/invoices', body), post(finance, '/api/billing/finance/invoices', body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    const invoice = (await get(parent, `/api/billing/invoices/${a.body.invoiceId}`)).body;
    expect(invoice).toMatchObject({ lang: 'en', totalCents: 400, method: 'deposit', billTo: { kind: 'organization', attention: 'Direction' } });
  });

  it('refuses a card payment below 5 $ with the manual\'s reason, before any charge', async () => {
    const { invoiceId } = await issueInvoice('parent@exemple.test', 400);
    const res = await post(parent, `/api/billing/invoices/${invoiceId}/card-checkout`, { lang: 'fr' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('BILLING.CARD_MINIMUM');
    expect(res.body.detail).toContain('5');
  });

  it('charges once for fifty concurrent attempts with one idempotency key, and the signed callback pays the invoice', async () => {
    const { invoiceId, number } = await issueInvoice('parent@exemple.test', 2500);
    const checkout = await post(parent, `/api/billing/invoices/${invoiceId}/card-checkout`, { lang: 'fr' });
    expect(checkout.status).toBe(200);
    expect(checkout.body.url.startsWith(sandbox.publicUrl)).toBe(true);
    const token = await tokenFor(checkout.body.url, '4242424242424242');

    const attempts = await Promise.all(
      Array.from({ length: 50 }, () => post(parent, `/api/billing/invoices/${invoiceId}/card-payments`, { token, idempotencyKey: `key-${invoiceId}` })),
    );
    expect(attempts.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    const ids = new Set(attempts.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const [paymentId] = [...ids];

    const payment = await paymentOf(parent, paymentId, (state) => state === 'confirmed');
    expect(payment.state).toBe('confirmed');
    expect(payment.label).toMatch(/4242$/);
    await sandbox.webhooksIdle();
    // Every charge made for this invoice (the processor's description names it), whatever its reference.
    expect(sandboxEvents('charge.succeeded', (charge) => charge.description === `Facture ${number}`)).toHaveLength(1);
    const invoice = await get(parent, `/api/billing/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'paid', balanceCents: 0, paidCents: 2500 });
    const rows: { count: string }[] = await db.query(`SELECT count(*) FROM billing.payments WHERE invoice_id = $1`, [invoiceId]);
    expect(Number(rows[0].count)).toBe(1);
    const paid: { count: string }[] = await db.query(
      `SELECT count(*) FROM messaging.outbox WHERE event_name = 'billing.invoice-paid.v1' AND payload->>'invoiceId' = $1`,
      [invoiceId],
    );
    expect(Number(paid[0].count)).toBe(1);
  });

  it('answers 400 to a forged, stale or unsigned callback and changes nothing; a replayed or late one changes nothing either', async () => {
    const { invoiceId } = await issueInvoice('parent@exemple.test', 1500);
    const checkout = await post(parent, `/api/billing/invoices/${invoiceId}/card-checkout`, { lang: 'fr' });
    const token = await tokenFor(checkout.body.url, '4242424242424242');
    const started = await post(parent, `/api/billing/invoices/${invoiceId}/card-payments`, { token, idempotencyKey: `key-${invoiceId}` });
    const confirmed = await paymentOf(parent, started.body.id, (state) => state === 'confirmed');
    expect(confirmed.state).toBe('confirmed');
    await sandbox.webhooksIdle();
    const genuine = sandbox.events.find((e) => e.type === 'charge.succeeded' && (e.data.object as { reference?: string }).reference === started.body.id);
    expect(genuine).toBeDefined();
    const failedLater = JSON.stringify({
      id: 'evt_forged_0001',
      type: 'charge.failed',
      created: Math.floor(Date.now() / 1000),
      data: { object: { ...(genuine?.data.object as object), status: 'failed', failure_code: 'card_declined' } },
    });

    const snapshot = async () => (await get(parent, `/api/billing/invoices/${invoiceId}`)).body;
    const before = await snapshot();
    expect((await callback(failedLater, signed(failedLater, 'whsec_wrong_' + 'z'.repeat(20)))).status).toBe(400);
    expect((await callback(failedLater, signed(failedLater, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 400))).status).toBe(400);
    expect((await callback(failedLater, null)).status).toBe(400);
    expect((await callback(failedLater.replace('card_declined', 'xcard_declined'), signed(failedLater))).status).toBe(400);
    // The genuine callback three more times, and a failure arriving after the success: state moves once.
    const replay = JSON.stringify(genuine);
    for (let i = 0; i < 3; i++) expect((await callback(replay, signed(replay))).status).toBe(204);
    expect((await callback(failedLater, signed(failedLater))).status).toBe(204);
    const after = await snapshot();
    expect(after.status).toBe('paid');
    expect(after.payments).toEqual(before.payments);
    const events: { count: string }[] = await db.query(
      `SELECT count(*) FROM messaging.outbox WHERE event_name = 'billing.invoice-paid.v1' AND payload->>'invoiceId' = $1`,
      [invoiceId],
    );
    expect(Number(events[0].count)).toBe(1);
  });

  it('records a cheque at the finance desk: the invoice is paid and the day\'s reconciliation and exports show it', async () => {
    const { invoiceId, number } = await issueInvoice('parent@exemple.test', 1800, 'cheque');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' }).format(new Date());
    const over = await post(finance, `/api/billing/finance/invoices/${invoiceId}/payments`, { method: 'cheque', amountCents: 1900, receivedOn: today, reference: '000123' });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('BILLING.OVERPAYMENT');
    const recorded = await post(finance, `/api/billing/finance/invoices/${invoiceId}/payments`, { method: 'cheque', amountCents: 1800, receivedOn: today, reference: '000123' });
    expect(recorded.status).toBe(201);
    expect(recorded.body.state).toBe('confirmed');
    const invoice = (await get(finance, `/api/billing/finance/invoices/${invoiceId}`)).body;
    expect(invoice.status).toBe('paid');
    expect(invoice.history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['issued', 'payment-recorded', 'paid']));
    // The day's cheques list this payment, and their total is the sum of what they list (other tests' payments included).
    const day = (await get(finance, `/api/billing/finance/reconciliation?date=${today}`)).body;
    const cheques: { totalCents: number; payments: { paymentId: string; invoiceId: string; amountCents: number }[] } = day.byMethod.find((m: { key: string }) => m.key === 'cheque');
    expect(cheques.payments.filter((p) => p.invoiceId === invoiceId)).toEqual([expect.objectContaining({ paymentId: recorded.body.id, amountCents: 1800 })]);
    expect(cheques.totalCents).toBe(cheques.payments.reduce((sum, p) => sum + p.amountCents, 0));
    const csv = await get(finance, `/api/billing/finance/exports/invoices.csv?from=${today}&to=${today}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain(number);
    const backwards = await get(finance, `/api/billing/finance/exports/payments.csv?from=${today}&to=2000-01-01`);
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ code: 'BILLING.INVALID_DATE', details: { field: 'to', reason: 'range' } });
    // Not for payers, even their own invoice.
    expect((await get(parent, `/api/billing/finance/invoices/${invoiceId}`)).status).toBe(403);
  });

  it('follows each test card: declined, network error, and a second step approved on the processor\'s page', async () => {
    const declined = await issueInvoice('parent@exemple.test', 1000);
    const refused = await cardPayment(declined.invoiceId, '4000000000000002');
    const failed = await paymentOf(parent, refused.id, (state) => state === 'failed');
    expect(failed).toMatchObject({ state: 'failed', failureCode: 'card_declined' });
    expect((await get(parent, `/api/billing/invoices/${declined.invoiceId}`)).body.status).toBe('issued');
    expect(await outboxCount('billing.payment-failed.v1', declined.invoiceId)).toBe(1);

    const unreachable = await issueInvoice('parent@exemple.test', 1000);
    const network = await cardPayment(unreachable.invoiceId, '4000000000000119');
    expect(network).toMatchObject({ state: 'failed', failureCode: 'network_error' });

    const secured = await issueInvoice('parent@exemple.test', 1000);
    const challenged = await cardPayment(secured.invoiceId, '4000002760003184');
    expect(challenged.state).toBe('requires-action');
    expect(challenged.nextActionUrl?.startsWith(sandbox.publicUrl)).toBe(true);
    const back = await submitSandboxForm(challenged.nextActionUrl as string, { decision: 'approve' });
    expect(back.pathname).toBe(`/factures/${secured.invoiceId}/paiements/${challenged.id}`);
    expect((await paymentOf(parent, challenged.id, (state) => state === 'confirmed')).state).toBe('confirmed');
    expect((await get(parent, `/api/billing/invoices/${secured.invoiceId}`)).body.status).toBe('paid');
  });

  it('pays with PayPal (approve, then capture), and a payer who cancels on PayPal leaves the invoice unpaid', async () => {
    const { invoiceId } = await issueInvoice('parent@exemple.test', 3000, 'paypal');
    const canceled = await post(parent, `/api/billing/invoices/${invoiceId}/paypal-payments`, { idempotencyKey: `pp-cancel-${invoiceId}`, lang: 'fr' });
    expect(canceled.status).toBe(201);
    const cancelUrl = await submitSandboxForm(canceled.body.approveUrl, { action: 'cancel' });
    expect(cancelUrl.searchParams.get('annule')).toBe('1');
    expect((await post(parent, `/api/billing/payments/${canceled.body.paymentId}/cancel`)).body.state).toBe('canceled');

    const started = await post(parent, `/api/billing/invoices/${invoiceId}/paypal-payments`, { idempotencyKey: `pp-ok-${invoiceId}`, lang: 'fr' });
    expect((await post(owner, `/api/billing/payments/${started.body.paymentId}/paypal-capture`)).status).toBe(404);
    const returned = await submitSandboxForm(started.body.approveUrl, { action: 'approve' });
    expect(returned.pathname).toBe(`/factures/${invoiceId}/paypal`);
    const captured = await post(parent, `/api/billing/payments/${started.body.paymentId}/paypal-capture`);
    expect(captured.status).toBe(200);
    const again = await post(parent, `/api/billing/payments/${started.body.paymentId}/paypal-capture`);
    expect(again.body.id).toBe(captured.body.id);
    expect((await paymentOf(parent, started.body.paymentId, (state) => state === 'confirmed')).state).toBe('confirmed');
    const invoice = (await get(parent, `/api/billing/invoices/${invoiceId}`)).body;
    expect(invoice).toMatchObject({ status: 'paid', balanceCents: 0 });
    expect(await outboxCount('billing.invoice-paid.v1', invoiceId)).toBe(1);
  });

  it('refunds part of a card payment to the card at the finance desk, with a credit note and billing.refund-issued.v1', async () => {
    const { invoiceId, number } = await issueInvoice('parent@exemple.test', 2000);
    const started = await cardPayment(invoiceId, '4242424242424242');
    await paymentOf(parent, started.id, (state) => state === 'confirmed');
    const body = { amountCents: 500, reason: 'Une carte en trop', idempotencyKey: `refund-${invoiceId}` };
    const [first, second] = await Promise.all([
      post(finance, `/api/billing/finance/payments/${started.id}/refunds`, body),
      post(finance, `/api/billing/finance/payments/${started.id}/refunds`, body),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.creditNoteNumber).toMatch(/^NC-\d{4}-\d{6}$/);
    // The double click waits for the first request's outcome: both answers carry the credit note.
    expect(second.body.creditNoteNumber).toBe(first.body.creditNoteNumber);
    const tooMuch = await post(finance, `/api/billing/finance/payments/${started.id}/refunds`, { ...body, amountCents: 1600, idempotencyKey: `refund2-${invoiceId}` });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('BILLING.REFUND_EXCEEDS_PAYMENT');
    await sandbox.webhooksIdle();
    const charges = sandboxEvents('charge.succeeded', (charge) => charge.description === `Facture ${number}`).map((e) => (e.data.object as { id: string }).id);
    expect(charges).toHaveLength(1);
    expect(sandboxEvents('refund.succeeded', (refund) => refund.payment === charges[0])).toHaveLength(1);
    const invoice = (await get(finance, `/api/billing/finance/invoices/${invoiceId}`)).body;
    expect(invoice.creditNotes.map((c: { number: string; originalInvoiceNumber: string }) => [c.number, c.originalInvoiceNumber])).toEqual([[first.body.creditNoteNumber, number]]);
    expect(invoice.payments[0]).toMatchObject({ state: 'partially-refunded', refundedCents: 500 });
    const refunded: { count: string }[] = await db.query(`SELECT count(*) FROM messaging.outbox WHERE event_name = 'billing.refund-issued.v1' AND payload->>'invoiceId' = $1`, [invoiceId]);
    expect(Number(refunded[0].count)).toBe(1);
    // The payer sees the credit note among their invoices.
    expect((await get(parent, '/api/billing/invoices')).body.map((i: { number: string }) => i.number)).toContain(first.body.creditNoteNumber);
  });
});
