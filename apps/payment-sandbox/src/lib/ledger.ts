import type { CardBehaviour, CheckedCard } from './cards';
import type { ApiResponse } from './idempotency';
import { newId, newPaypalOrderId } from './ids';
import type { SandboxLogger } from './logger';

export type Lang = 'fr' | 'en';

export interface TokenContext {
  readonly amount: number;
  readonly currency: string;
  readonly lang: Lang;
  readonly reference: string;
}

interface StoredToken {
  readonly id: string;
  readonly brand: string;
  readonly last4: string;
  readonly behaviour: CardBehaviour;
  readonly lang: Lang;
  used: boolean;
}

export type ChargeStatus = 'processing' | 'requires_action' | 'succeeded' | 'failed';

export interface Charge {
  readonly id: string;
  readonly object: 'charge';
  status: ChargeStatus;
  readonly amount: number;
  readonly currency: string;
  readonly reference: string;
  readonly description: string;
  readonly brand: string;
  readonly last4: string;
  readonly return_url: string;
  readonly next_action_url: string | null;
  failure_code: string | null;
  amount_refunded: number;
  readonly lang: Lang;
  readonly created: number;
}

export type PaypalStatus = 'CREATED' | 'APPROVED' | 'COMPLETED' | 'VOIDED';

export interface PaypalOrder {
  readonly id: string;
  readonly object: 'paypal_order';
  status: PaypalStatus;
  readonly amount: number;
  readonly currency: string;
  readonly reference: string;
  readonly return_url: string;
  readonly cancel_url: string;
  readonly approve_url: string;
  payer_label: string | null;
  amount_refunded: number;
  readonly lang: Lang;
  readonly created: number;
}

export interface Refund {
  readonly id: string;
  readonly object: 'refund';
  readonly status: 'succeeded';
  readonly amount: number;
  readonly currency: string;
  readonly payment: string;
  readonly reference: string;
  readonly created: number;
}

export interface LedgerDeps {
  readonly publicUrl: string;
  readonly now: () => Date;
  /** Sends a webhook with the object as it is now (the API's view of it). */
  readonly emit: (type: string, object: object) => void;
  /** Runs `fn` later (the settling of a processing charge). */
  readonly schedule: (fn: () => void, delayMs: number) => void;
  readonly settleDelayMs: number;
  readonly log: SandboxLogger;
}

/** The payer's PayPal address in the sandbox, and how the API shows it. */
const SANDBOX_PAYER_LABEL = 'p***@exemple.test';

const invalid = (param: string, message: string): ApiResponse => ({ status: 400, body: { error: 'invalid_request', param, message } });
const notFound = (what: string): ApiResponse => ({ status: 404, body: { error: 'not_found', message: `No such ${what}.` } });

type Fields = Record<string, unknown>;
type Check<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

function amountOf(body: Fields): Check<number> {
  const amount = body['amount'];
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    return { ok: false, response: invalid('amount', 'amount must be a positive integer number of cents') };
  }
  return { ok: true, value: amount };
}

function currencyOf(body: Fields): Check<string> {
  const currency = body['currency'] ?? 'CAD';
  if (currency !== 'CAD') return { ok: false, response: invalid('currency', "currency must be 'CAD'") };
  return { ok: true, value: currency };
}

function stringOf(body: Fields, name: string, { required = false, max = 500 } = {}): Check<string> {
  const value = body[name] ?? '';
  if (typeof value !== 'string' || value.length > max || (required && value.trim() === '')) {
    return { ok: false, response: invalid(name, `${name} must be a string${required ? ' (required)' : ''} of at most ${max} characters`) };
  }
  return { ok: true, value };
}

/** An absolute http(s) URL: where the sandbox may send the payer's browser. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function urlOf(body: Fields, name: string): Check<string> {
  const value = body[name];
  if (!isHttpUrl(value)) return { ok: false, response: invalid(name, `${name} must be an absolute http(s) URL`) };
  return { ok: true, value };
}

export const langOf = (value: unknown): Lang => (value === 'en' ? 'en' : 'fr');

/** `url` with `name=value` added to its query string (which it may already have). */
export function withParam(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
}

/**
 * The sandbox's books, in memory: tokens, charges, PayPal orders and refunds, and the rules of the
 * protocol (test-card behaviours, single-use tokens, capture only once approved, refunds up to what is left).
 * Server API methods take the parsed JSON body and answer `{status, body}`.
 */
export class Ledger {
  private readonly tokens = new Map<string, StoredToken>();
  private readonly charges = new Map<string, Charge>();
  private readonly orders = new Map<string, PaypalOrder>();
  private readonly refunds = new Map<string, Refund>();

  constructor(private readonly deps: LedgerDeps) {}

  private publish(type: string, object: Charge | PaypalOrder | Refund): void {
    this.deps.emit(type, object.object === 'charge' ? publicCharge(object) : object.object === 'paypal_order' ? publicOrder(object) : { ...object });
  }

  private unixNow(): number {
    return Math.floor(this.deps.now().getTime() / 1000);
  }

  /** The hosted page's card becomes a single-use token; only brand, last4 and behaviour are kept. */
  createToken(card: CheckedCard, context: TokenContext): string {
    const id = newId('tok');
    this.tokens.set(id, { id, brand: card.brand, last4: card.last4, behaviour: card.behaviour, lang: context.lang, used: false });
    this.deps.log.info({ token: id, brand: card.brand, last4: card.last4, amount: context.amount, reference: context.reference }, 'card tokenized');
    return id;
  }

  createCharge(raw: unknown): ApiResponse {
    const body = (raw ?? {}) as Fields;
    const token = stringOf(body, 'token', { required: true });
    if (!token.ok) return token.response;
    const amount = amountOf(body);
    if (!amount.ok) return amount.response;
    const currency = currencyOf(body);
    if (!currency.ok) return currency.response;
    const reference = stringOf(body, 'reference', { required: true });
    if (!reference.ok) return reference.response;
    const returnUrl = urlOf(body, 'return_url');
    if (!returnUrl.ok) return returnUrl.response;
    const description = stringOf(body, 'description');
    if (!description.ok) return description.response;

    const stored = this.tokens.get(token.value);
    if (!stored) return { status: 400, body: { error: 'token_invalid', message: 'No such token.' } };
    if (stored.used) return { status: 400, body: { error: 'token_used', message: 'This token was already used for a charge.' } };
    if (stored.behaviour === 'network-error') {
      // The test card of a network failure: nothing is created and the token stays usable.
      this.deps.log.warn({ brand: stored.brand, last4: stored.last4, reference: reference.value }, 'charge answered 502 (test card of a network error)');
      return { status: 502, body: { error: 'upstream_unavailable', message: 'The card network could not be reached.' } };
    }
    stored.used = true;

    const id = newId('ch');
    const challenge = stored.behaviour === 'challenge';
    const charge: Charge = {
      id,
      object: 'charge',
      status: challenge ? 'requires_action' : 'processing',
      amount: amount.value,
      currency: currency.value,
      reference: reference.value,
      description: description.value,
      brand: stored.brand,
      last4: stored.last4,
      return_url: returnUrl.value,
      next_action_url: challenge ? `${this.deps.publicUrl}/hosted/challenge/${id}` : null,
      failure_code: null,
      amount_refunded: 0,
      lang: stored.lang,
      created: this.unixNow(),
    };
    this.charges.set(id, charge);
    this.deps.log.info({ charge: id, status: charge.status, brand: charge.brand, last4: charge.last4, amount: charge.amount, reference: charge.reference }, 'charge created');
    if (!challenge) {
      const outcome = stored.behaviour === 'decline' ? 'card_declined' : null;
      this.deps.schedule(() => this.settle(charge, outcome), this.deps.settleDelayMs);
    }
    return { status: 200, body: publicCharge(charge) };
  }

  private settle(charge: Charge, failureCode: string | null): void {
    if (charge.status !== 'processing' && charge.status !== 'requires_action') return;
    charge.status = failureCode ? 'failed' : 'succeeded';
    charge.failure_code = failureCode;
    this.deps.log.info({ charge: charge.id, status: charge.status, failureCode, last4: charge.last4 }, 'charge settled');
    this.publish(failureCode ? 'charge.failed' : 'charge.succeeded', charge);
  }

  getCharge(id: string): ApiResponse {
    const charge = this.charges.get(id);
    return charge ? { status: 200, body: publicCharge(charge) } : notFound('charge');
  }

  /** The charge behind a challenge page, when it exists. */
  findCharge(id: string): Charge | undefined {
    return this.charges.get(id);
  }

  /** The second step's answer. Once decided, a charge keeps its outcome (a second answer changes nothing). */
  completeChallenge(id: string, approved: boolean): Charge | undefined {
    const charge = this.charges.get(id);
    if (charge?.status === 'requires_action') this.settle(charge, approved ? null : 'authentication_failed');
    return charge;
  }

  createPaypalOrder(raw: unknown): ApiResponse {
    const body = (raw ?? {}) as Fields;
    const amount = amountOf(body);
    if (!amount.ok) return amount.response;
    const currency = currencyOf(body);
    if (!currency.ok) return currency.response;
    const reference = stringOf(body, 'reference', { required: true });
    if (!reference.ok) return reference.response;
    const returnUrl = urlOf(body, 'return_url');
    if (!returnUrl.ok) return returnUrl.response;
    const cancelUrl = urlOf(body, 'cancel_url');
    if (!cancelUrl.ok) return cancelUrl.response;

    const id = newPaypalOrderId();
    const order: PaypalOrder = {
      id,
      object: 'paypal_order',
      status: 'CREATED',
      amount: amount.value,
      currency: currency.value,
      reference: reference.value,
      return_url: returnUrl.value,
      cancel_url: cancelUrl.value,
      approve_url: `${this.deps.publicUrl}/paypal/checkout/${id}`,
      payer_label: null,
      amount_refunded: 0,
      lang: langOf(body['lang']),
      created: this.unixNow(),
    };
    this.orders.set(id, order);
    this.deps.log.info({ order: id, amount: order.amount, reference: order.reference }, 'paypal order created');
    return { status: 200, body: publicOrder(order) };
  }

  getPaypalOrder(id: string): ApiResponse {
    const order = this.orders.get(id);
    return order ? { status: 200, body: publicOrder(order) } : notFound('order');
  }

  findPaypalOrder(id: string): PaypalOrder | undefined {
    return this.orders.get(id);
  }

  /** The payer approves on the checkout page. Approving again is harmless; a voided or captured order stays so. */
  approvePaypalOrder(id: string): PaypalOrder | undefined {
    const order = this.orders.get(id);
    if (order?.status === 'CREATED') {
      order.status = 'APPROVED';
      order.payer_label = SANDBOX_PAYER_LABEL;
      this.deps.log.info({ order: id }, 'paypal order approved');
      this.publish('paypal.order.approved', order);
    }
    return order;
  }

  /** The payer cancels on the checkout page: a created or approved order is voided. */
  voidPaypalOrder(id: string): PaypalOrder | undefined {
    const order = this.orders.get(id);
    if (order?.status === 'CREATED' || order?.status === 'APPROVED') {
      order.status = 'VOIDED';
      this.deps.log.info({ order: id }, 'paypal order voided');
      this.publish('paypal.order.voided', order);
    }
    return order;
  }

  capturePaypalOrder(id: string): ApiResponse {
    const order = this.orders.get(id);
    if (!order) return notFound('order');
    if (order.status === 'COMPLETED') return { status: 200, body: publicOrder(order) };
    if (order.status !== 'APPROVED') {
      return { status: 422, body: { error: 'order_not_approved', message: `The order is ${order.status}.`, order: publicOrder(order) } };
    }
    order.status = 'COMPLETED';
    this.deps.log.info({ order: id, amount: order.amount }, 'paypal order captured');
    this.publish('paypal.capture.completed', order);
    return { status: 200, body: publicOrder(order) };
  }

  createRefund(raw: unknown): ApiResponse {
    const body = (raw ?? {}) as Fields;
    const payment = stringOf(body, 'payment', { required: true });
    if (!payment.ok) return payment.response;
    const amount = amountOf(body);
    if (!amount.ok) return amount.response;
    const reference = stringOf(body, 'reference', { required: true });
    if (!reference.ok) return reference.response;

    const target = this.charges.get(payment.value) ?? this.orders.get(payment.value);
    if (!target) return notFound('payment');
    const refundable = target.object === 'charge' ? target.status === 'succeeded' : target.status === 'COMPLETED';
    if (!refundable) return { status: 400, body: { error: 'payment_not_refundable', message: 'Only a succeeded charge or a captured order can be refunded.' } };
    const left = target.amount - target.amount_refunded;
    if (amount.value > left) {
      return { status: 400, body: { error: 'amount_exceeds_refundable', message: `At most ${left} cents are left to refund.`, refundable: left } };
    }
    target.amount_refunded += amount.value;
    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      status: 'succeeded',
      amount: amount.value,
      currency: target.currency,
      payment: target.id,
      reference: reference.value,
      created: this.unixNow(),
    };
    this.refunds.set(refund.id, refund);
    this.deps.log.info({ refund: refund.id, payment: target.id, amount: refund.amount, reference: refund.reference }, 'refund succeeded');
    this.publish('refund.succeeded', refund);
    return { status: 200, body: refund };
  }

  getRefund(id: string): ApiResponse {
    const refund = this.refunds.get(id);
    return refund ? { status: 200, body: refund } : notFound('refund');
  }
}

/** A charge as the API and the webhooks show it (without the internal `lang`). */
export function publicCharge(charge: Charge): Omit<Charge, 'lang'> {
  const { lang: _lang, ...rest } = charge;
  return { ...rest };
}

export function publicOrder(order: PaypalOrder): Omit<PaypalOrder, 'lang'> {
  const { lang: _lang, ...rest } = order;
  return { ...rest };
}
