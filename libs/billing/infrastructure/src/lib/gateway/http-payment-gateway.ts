import {
  GatewayUnavailable,
  PaymentGateway,
  type CreateChargeRequest,
  type CreatePaypalOrderRequest,
  type GatewayCharge,
  type GatewayChargeStatus,
  type GatewayPaypalOrder,
  type GatewayPaypalStatus,
  type GatewayRefund,
  type HostedCardPageRequest,
  type RefundRequest,
} from '@guichet/billing/application';

export interface HttpPaymentGatewayOptions {
  /** Server-to-server address of the provider's API. */
  readonly baseUrl: string;
  /** The provider's address as browsers reach it (hosted card page). */
  readonly publicUrl: string;
  readonly secretKey: string;
  readonly publishableKey: string;
  readonly fetch?: typeof fetch;
  /** Attempts per call, the first included (3). */
  readonly retries?: number;
  /** Per attempt (10 s). */
  readonly timeoutMs?: number;
  /** First wait between attempts, doubled each time (100 ms). */
  readonly retryDelayMs?: number;
}

/**
 * The provider answered 4xx to something it should have accepted (bad secret key, unknown charge, an
 * idempotency key reused with another request, a malformed request): a bug or a misconfiguration on our
 * side, not a refusal of the payment.
 */
export class GatewayRequestRejected extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Payment provider rejected the request (${status} ${code}): ${message}`);
    this.name = 'GatewayRequestRejected';
  }
}

/** Refusals that are the payment's outcome (a `failed` status), not our mistake. */
const CHARGE_REFUSALS = new Set(['token_invalid', 'token_used']);
const REFUND_REFUSALS = new Set(['amount_exceeds_refundable', 'payment_not_refundable']);
const CHARGE_STATUSES: readonly GatewayChargeStatus[] = ['processing', 'requires_action', 'succeeded', 'failed'];
const PAYPAL_STATUSES: readonly GatewayPaypalStatus[] = ['CREATED', 'APPROVED', 'COMPLETED', 'VOIDED'];

type Json = Record<string, unknown>;

interface ProviderAnswer {
  readonly status: number;
  readonly body: Json;
}

/** A 2xx body that is not what the protocol says: nothing is known about the outcome. */
class MalformedAnswer extends Error {}

/**
 * `PaymentGateway` over the sandbox provider's HTTP API (`Authorization: Bearer <secret key>`, JSON,
 * `Idempotency-Key` on every POST). A network error, a timeout or a 5xx is tried again with the same
 * idempotency key, so the provider makes at most one charge; after the last attempt the call throws
 * `GatewayUnavailable`.
 */
export class HttpPaymentGateway extends PaymentGateway {
  private readonly baseUrl: string;
  private readonly publicUrl: string;
  private readonly fetch: typeof fetch;
  private readonly attempts: number;
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: HttpPaymentGatewayOptions) {
    super();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.attempts = Math.max(1, options.retries ?? 3);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  hostedCardPageUrl(request: HostedCardPageRequest): string {
    const query = new URLSearchParams({
      pk: this.options.publishableKey,
      amount: String(request.amountCents),
      currency: 'CAD',
      lang: request.lang,
      reference: request.reference,
      return_url: request.returnUrl,
      cancel_url: request.cancelUrl,
    });
    return `${this.publicUrl}/hosted/card?${query.toString()}`;
  }

  async createCharge(request: CreateChargeRequest, idempotencyKey: string): Promise<GatewayCharge> {
    const answer = await this.call('POST', '/v1/charges', idempotencyKey, {
      token: request.token,
      amount: request.amountCents,
      currency: 'CAD',
      reference: request.reference,
      return_url: request.returnUrl,
      description: request.description,
    });
    if (answer.status === 400 && CHARGE_REFUSALS.has(String(answer.body['error']))) {
      // No charge exists at the provider: the attempt failed with the provider's reason.
      return {
        id: '',
        status: 'failed',
        amountCents: request.amountCents,
        reference: request.reference,
        brand: null,
        last4: null,
        nextActionUrl: null,
        failureCode: String(answer.body['error']),
      };
    }
    return this.expectOk(answer, toCharge);
  }

  async getCharge(chargeId: string): Promise<GatewayCharge> {
    return this.expectOk(await this.call('GET', `/v1/charges/${encodeURIComponent(chargeId)}`), toCharge);
  }

  async createPaypalOrder(request: CreatePaypalOrderRequest, idempotencyKey: string): Promise<GatewayPaypalOrder> {
    const answer = await this.call('POST', '/v1/paypal/orders', idempotencyKey, {
      amount: request.amountCents,
      currency: 'CAD',
      reference: request.reference,
      return_url: request.returnUrl,
      cancel_url: request.cancelUrl,
      lang: request.lang,
    });
    return this.expectOk(answer, toPaypalOrder);
  }

  /** An order the payer has not approved (or voided) is not captured: it comes back with its status. */
  async capturePaypalOrder(orderId: string, idempotencyKey: string): Promise<GatewayPaypalOrder> {
    const path = `/v1/paypal/orders/${encodeURIComponent(orderId)}`;
    const answer = await this.call('POST', `${path}/capture`, idempotencyKey, {});
    if (answer.status === 422 && answer.body['error'] === 'order_not_approved') {
      const order = answer.body['order'];
      if (order && typeof order === 'object') return this.parse(order as Json, toPaypalOrder);
      return this.expectOk(await this.call('GET', path), toPaypalOrder);
    }
    return this.expectOk(answer, toPaypalOrder);
  }

  async refund(request: RefundRequest, idempotencyKey: string): Promise<GatewayRefund> {
    const answer = await this.call('POST', '/v1/refunds', idempotencyKey, {
      payment: request.paymentId,
      amount: request.amountCents,
      reference: request.reference,
    });
    if (answer.status === 400 && REFUND_REFUSALS.has(String(answer.body['error']))) {
      return { id: '', status: 'failed', amountCents: request.amountCents, failureCode: String(answer.body['error']) };
    }
    return this.expectOk(answer, toRefund);
  }

  private expectOk<T>(answer: ProviderAnswer, map: (body: Json) => T): T {
    if (answer.status >= 200 && answer.status < 300) return this.parse(answer.body, map);
    const code = typeof answer.body['error'] === 'string' ? answer.body['error'] : 'unknown';
    const message = typeof answer.body['message'] === 'string' ? answer.body['message'] : '';
    throw new GatewayRequestRejected(answer.status, code, message);
  }

  private parse<T>(body: Json, map: (body: Json) => T): T {
    try {
      return map(body);
    } catch (err) {
      throw new GatewayUnavailable(`Payment provider answered an unexpected body: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One request, tried again with the same key on a network error, a timeout or a 5xx. */
  private async call(method: 'GET' | 'POST', path: string, idempotencyKey?: string, body?: Json): Promise<ProviderAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.secretKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, this.retryDelayMs * 2 ** (attempt - 2)));
      try {
        const res = await this.fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs) });
        const text = await res.text();
        if (res.status >= 500) {
          lastProblem = `HTTP ${res.status}`;
          continue;
        }
        return { status: res.status, body: parseBody(text) };
      } catch (err) {
        if (err instanceof MalformedAnswer) {
          lastProblem = err.message;
          continue;
        }
        lastProblem = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    throw new GatewayUnavailable(`Payment provider unavailable (${method} ${path}, ${this.attempts} attempts): ${lastProblem}`);
  }
}

function parseBody(text: string): Json {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new MalformedAnswer('the answer is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new MalformedAnswer('the answer is not a JSON object');
  return parsed as Json;
}

function str(body: Json, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new Error(`${name} is not a string`);
  return value;
}

function optionalStr(body: Json, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`${name} is not a string`);
  return value;
}

function cents(body: Json, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`${name} is not an integer`);
  return value;
}

function oneOf<T extends string>(body: Json, name: string, allowed: readonly T[]): T {
  const value = str(body, name);
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} "${value}" is unknown`);
  return value as T;
}

function toCharge(body: Json): GatewayCharge {
  return {
    id: str(body, 'id'),
    status: oneOf(body, 'status', CHARGE_STATUSES),
    amountCents: cents(body, 'amount'),
    reference: str(body, 'reference'),
    brand: optionalStr(body, 'brand'),
    last4: optionalStr(body, 'last4'),
    nextActionUrl: optionalStr(body, 'next_action_url'),
    failureCode: optionalStr(body, 'failure_code'),
  };
}

function toPaypalOrder(body: Json): GatewayPaypalOrder {
  return {
    id: str(body, 'id'),
    status: oneOf(body, 'status', PAYPAL_STATUSES),
    amountCents: cents(body, 'amount'),
    reference: str(body, 'reference'),
    approveUrl: optionalStr(body, 'approve_url'),
    payerLabel: optionalStr(body, 'payer_label'),
  };
}

function toRefund(body: Json): GatewayRefund {
  return {
    id: str(body, 'id'),
    status: oneOf(body, 'status', ['pending', 'succeeded', 'failed'] as const),
    amountCents: cents(body, 'amount'),
    failureCode: optionalStr(body, 'failure_code'),
  };
}
