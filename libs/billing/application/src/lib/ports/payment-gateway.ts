/**
 * Port: the card and PayPal processor. The adapter talks to the provider over HTTPS with the secret
 * key; card numbers never pass through it (the payer types them on the provider's hosted page, which
 * hands the portal a token). Every call that creates something takes an idempotency key: calling again
 * with the same key returns the same charge, order or refund.
 *
 * Network failures: the adapter retries with the same key a few times, then throws
 * `GatewayUnavailable`. A refusal by the provider is not an exception: it is a `failed` status.
 */
export abstract class PaymentGateway {
  /** Address of the provider's hosted card page; it comes back to `returnUrl` with `?token=…`. */
  abstract hostedCardPageUrl(request: HostedCardPageRequest): string;

  abstract createCharge(request: CreateChargeRequest, idempotencyKey: string): Promise<GatewayCharge>;

  abstract getCharge(chargeId: string): Promise<GatewayCharge>;

  abstract createPaypalOrder(request: CreatePaypalOrderRequest, idempotencyKey: string): Promise<GatewayPaypalOrder>;

  abstract capturePaypalOrder(orderId: string, idempotencyKey: string): Promise<GatewayPaypalOrder>;

  /** Refunds a charge (`ch_…`) or a captured PayPal order (`PP-…`), in whole or in part. */
  abstract refund(request: RefundRequest, idempotencyKey: string): Promise<GatewayRefund>;
}

/** The provider could not be reached (after retries) or answered 5xx. Nothing is known about the outcome. */
export class GatewayUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayUnavailable';
  }
}

export interface HostedCardPageRequest {
  readonly amountCents: number;
  readonly lang: 'fr' | 'en';
  /** Our payment attempt's reference, shown back in the callback. */
  readonly reference: string;
  readonly returnUrl: string;
  readonly cancelUrl: string;
}

export interface CreateChargeRequest {
  /** Single-use token from the hosted page (`tok_…`). */
  readonly token: string;
  readonly amountCents: number;
  /** Our payment id: the callbacks carry it back. */
  readonly reference: string;
  /** Where the provider sends the payer back after a second step (3-D Secure). */
  readonly returnUrl: string;
  readonly description: string;
}

export type GatewayChargeStatus = 'processing' | 'requires_action' | 'succeeded' | 'failed';

export interface GatewayCharge {
  /** Empty when the provider refused the charge outright (`failed`, e.g. `token_used`): no charge exists there. */
  readonly id: string;
  readonly status: GatewayChargeStatus;
  readonly amountCents: number;
  readonly reference: string;
  /** `visa`, `mastercard`, … and the last four digits: all Billing may keep of a card. */
  readonly brand: string | null;
  readonly last4: string | null;
  readonly nextActionUrl: string | null;
  readonly failureCode: string | null;
}

export interface CreatePaypalOrderRequest {
  readonly amountCents: number;
  readonly reference: string;
  readonly returnUrl: string;
  readonly cancelUrl: string;
  readonly lang: 'fr' | 'en';
}

export type GatewayPaypalStatus = 'CREATED' | 'APPROVED' | 'COMPLETED' | 'VOIDED';

export interface GatewayPaypalOrder {
  readonly id: string;
  readonly status: GatewayPaypalStatus;
  readonly amountCents: number;
  readonly reference: string;
  readonly approveUrl: string | null;
  /** The payer's PayPal address, masked (`p***@exemple.test`). */
  readonly payerLabel: string | null;
}

export interface RefundRequest {
  /** `ch_…` or `PP-…`. */
  readonly paymentId: string;
  readonly amountCents: number;
  /** Our refund id. */
  readonly reference: string;
}

export interface GatewayRefund {
  /** Empty when the provider refused the refund outright (no refund exists there). */
  readonly id: string;
  readonly status: 'pending' | 'succeeded' | 'failed';
  readonly amountCents: number;
  /** Why it failed: `amount_exceeds_refundable`, `payment_not_refundable`, … */
  readonly failureCode?: string | null;
}
