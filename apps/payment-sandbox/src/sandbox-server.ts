import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCard } from './lib/cards';
import { SANDBOX_DEFAULTS, type SandboxOptions } from './lib/config';
import { IdempotencyStore, requestFingerprint, type ApiResponse } from './lib/idempotency';
import { isHttpUrl, langOf, Ledger, withParam, type Lang } from './lib/ledger';
import { createLogger } from './lib/logger';
import { cardPage, challengePage, contentSecurityPolicy, messagePage, paypalCheckoutPage, REQUEST_ERRORS, STYLESHEET, type CardPageParams } from './lib/pages';
import { WebhookDispatcher, type WebhookEvent } from './lib/webhooks';

export type { SandboxOptions } from './lib/config';
export { sandboxOptionsFromEnv, SANDBOX_DEFAULTS } from './lib/config';
export type { WebhookEvent } from './lib/webhooks';

export interface RunningSandbox {
  /** Where it listens, e.g. `http://127.0.0.1:41234` (server-to-server). */
  readonly url: string;
  /** What browsers are sent to (hosted pages, `next_action_url`, `approve_url`). */
  readonly publicUrl: string;
  /** Every webhook event emitted so far, oldest first. */
  readonly events: readonly WebhookEvent[];
  /** Resolves when no webhook delivery is under way or waiting for a retry. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string, formTargets: readonly string[] = []): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(formTargets),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}

/** Same length digests, so the comparison takes the same time whatever the caller sent. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Starts the sandbox provider in this process: the hosted card page, the second-step challenge, the
 * PayPal checkout, the server API (`/v1/…`) and the webhooks, all in memory. The standalone app
 * (`main.ts`) and the integration tests both run it through here.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? SANDBOX_DEFAULTS.host;
  const secretKey = options.secretKey ?? SANDBOX_DEFAULTS.secretKey;
  const publishableKey = options.publishableKey ?? SANDBOX_DEFAULTS.publishableKey;
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? createLogger(options.logLevel ?? 'info', options.logFormat);
  const timers = new Set<NodeJS.Timeout>();
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';

  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? SANDBOX_DEFAULTS.webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs,
    now,
    log,
  });
  const ledger = new Ledger({
    get publicUrl() {
      return publicUrl;
    },
    now,
    emit: (type, object) => void webhooks.emit(type, object),
    schedule: (fn, delayMs) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, delayMs);
      timers.add(timer);
    },
    settleDelayMs: options.settleDelayMs ?? SANDBOX_DEFAULTS.settleDelayMs,
    log,
  });
  const idempotency = new IdempotencyStore();

  /** The hosted page's parameters (query string of the GET, hidden fields of the POST), checked. */
  function cardPageParams(fields: URLSearchParams): { params: CardPageParams } | { error: string; lang: Lang } {
    const lang = langOf(fields.get('lang'));
    const errors = REQUEST_ERRORS[lang];
    const pk = fields.get('pk') ?? '';
    if (!sameSecret(pk, publishableKey)) return { error: errors.pk, lang };
    const amountText = fields.get('amount') ?? '';
    const amount = Number(amountText);
    if (!/^\d{1,12}$/.test(amountText) || amount < 1) return { error: errors.amount, lang };
    const currency = (fields.get('currency') ?? 'CAD').toUpperCase();
    if (currency !== 'CAD') return { error: errors.currency, lang };
    const returnUrl = fields.get('return_url');
    if (!isHttpUrl(returnUrl)) return { error: errors.return_url, lang };
    const cancelUrl = fields.get('cancel_url');
    if (!isHttpUrl(cancelUrl)) return { error: errors.cancel_url, lang };
    const reference = (fields.get('reference') ?? '').slice(0, 200);
    return { params: { pk, amount, currency, lang, reference, returnUrl, cancelUrl } };
  }

  async function hostedCard(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET') {
      const checked = cardPageParams(url.searchParams);
      if ('error' in checked) return sendHtml(res, 400, messagePage(checked.lang, 'bad-request', checked.error));
      return sendHtml(res, 200, cardPage(checked.params), [checked.params.returnUrl, checked.params.cancelUrl]);
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const checked = cardPageParams(form);
    if ('error' in checked) return sendHtml(res, 400, messagePage(checked.lang, 'bad-request', checked.error));
    const { params } = checked;
    if (form.get('action') === 'cancel') return redirect(res, params.cancelUrl);
    const input = { number: form.get('number') ?? '', exp: form.get('exp') ?? '', cvc: form.get('cvc') ?? '' };
    const result = checkCard(input, now());
    if ('errors' in result) {
      const values = { number: input.number, exp: input.exp, name: form.get('name') ?? '' };
      // 200, as form pages do: the browser shows the page again with its errors, without a console error.
      return sendHtml(res, 200, cardPage(params, { values, errors: result.errors }), [params.returnUrl, params.cancelUrl]);
    }
    const token = ledger.createToken(result.card, params);
    return redirect(res, withParam(params.returnUrl, 'token', token));
  }

  async function challenge(req: IncomingMessage, res: ServerResponse, chargeId: string): Promise<void> {
    const charge = ledger.findCharge(chargeId);
    if (!charge || charge.next_action_url === null) return sendHtml(res, 404, messagePage(charge?.lang ?? 'fr', 'not-found'));
    if (req.method === 'GET') return sendHtml(res, 200, challengePage(charge), [charge.return_url]);
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const decision = form.get('decision');
    if (decision !== 'approve' && decision !== 'refuse') return sendHtml(res, 400, challengePage(charge), [charge.return_url]);
    ledger.completeChallenge(charge.id, decision === 'approve');
    return redirect(res, withParam(charge.return_url, 'payment_reference', charge.reference));
  }

  async function paypalCheckout(req: IncomingMessage, res: ServerResponse, orderId: string): Promise<void> {
    const order = ledger.findPaypalOrder(orderId);
    if (!order) return sendHtml(res, 404, messagePage('fr', 'not-found'));
    const targets = [order.return_url, order.cancel_url];
    if (req.method === 'GET') return sendHtml(res, 200, paypalCheckoutPage(order), targets);
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const action = form.get('action');
    if (action === 'approve') {
      const approved = ledger.approvePaypalOrder(order.id);
      if (approved?.status === 'APPROVED' || approved?.status === 'COMPLETED') return redirect(res, withParam(order.return_url, 'token', order.id));
    } else if (action === 'cancel') {
      if (ledger.voidPaypalOrder(order.id)?.status === 'VOIDED') return redirect(res, withParam(order.cancel_url, 'token', order.id));
    }
    return sendHtml(res, 409, paypalCheckoutPage(order), targets);
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const auth = req.headers.authorization ?? '';
    if (!sameSecret(auth, `Bearer ${secretKey}`)) {
      return sendJson(res, 401, { error: 'unauthorized', message: 'Authorization: Bearer <secret key> is required.' }, { 'www-authenticate': 'Bearer' });
    }
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET') {
      const [, collection, id, extra] = segments;
      if (collection === 'charges' && id && segments.length === 3) return reply(res, ledger.getCharge(id));
      if (collection === 'refunds' && id && segments.length === 3) return reply(res, ledger.getRefund(id));
      if (collection === 'paypal' && id === 'orders' && extra && segments.length === 4) return reply(res, ledger.getPaypalOrder(extra));
      return sendJson(res, 404, { error: 'not_found', message: 'No such endpoint.' });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });

    let action: ((body: unknown) => ApiResponse) | null = null;
    if (path === '/v1/charges') action = (body) => ledger.createCharge(body);
    else if (path === '/v1/paypal/orders') action = (body) => ledger.createPaypalOrder(body);
    else if (path === '/v1/refunds') action = (body) => ledger.createRefund(body);
    else if (segments.length === 5 && segments[1] === 'paypal' && segments[2] === 'orders' && segments[4] === 'capture') {
      const orderId = segments[3];
      action = () => ledger.capturePaypalOrder(orderId);
    }
    if (!action) return sendJson(res, 404, { error: 'not_found', message: 'No such endpoint.' });

    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
      return sendJson(res, 400, { error: 'idempotency_key_required', message: 'POST requests need an Idempotency-Key header.' });
    }
    const raw = (await readBody(req)).toString('utf8');
    let body: unknown = {};
    try {
      if (raw.trim() !== '') body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: 'invalid_json', message: 'The body is not JSON.' });
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return sendJson(res, 400, { error: 'invalid_request', message: 'The body must be a JSON object.' });
    }
    const run = action;
    const result = await idempotency.run(key, requestFingerprint('POST', path, body), () => run(body));
    return reply(res, result, result.replayed ? { 'idempotent-replayed': 'true' } : {});
  }

  function reply(res: ServerResponse, response: ApiResponse, headers: Record<string, string> = {}): void {
    sendJson(res, response.status, response.body, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      res.end();
      return;
    }
    if (path === '/assets/sandbox.css' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
      res.end(STYLESHEET);
      return;
    }
    if (path.startsWith('/v1/')) return api(req, res, path);
    if (method !== 'GET' && method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
    if (path === '/hosted/card') return hostedCard(req, res, url);
    const challengeMatch = /^\/hosted\/challenge\/([^/]+)$/.exec(path);
    if (challengeMatch) return challenge(req, res, decodeURIComponent(challengeMatch[1]));
    const checkoutMatch = /^\/paypal\/checkout\/([^/]+)$/.exec(path);
    if (checkoutMatch) return paypalCheckout(req, res, decodeURIComponent(checkoutMatch[1]));
    return sendJson(res, 404, { error: 'not_found', message: 'No such page.' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) {
        if (!res.headersSent) sendJson(res, 413, { error: 'body_too_large' });
        return;
      }
      // The path only: a query string could carry what the payer typed.
      log.error({ err: err instanceof Error ? err.message : String(err), method: req.method, path: (req.url ?? '').split('?')[0] }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  if (!publicUrl) publicUrl = url;
  log.info({ url, publicUrl, webhookUrl: options.webhookUrl ?? null }, 'payment sandbox listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    publicUrl,
    events: webhooks.sent,
    webhooksIdle: () => webhooks.idle(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        webhooks.close();
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
