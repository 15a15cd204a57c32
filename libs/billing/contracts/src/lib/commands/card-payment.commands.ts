import { Command } from '@nestjs/cqrs';
import type { BillingActor } from '../common';
import type { PaymentView } from '../queries/read-models';

/**
 * Step 1 of a card payment: the address of the provider's hosted card page for this invoice's balance.
 * The card number, expiry and CVC are typed on that page (the provider's origin), never sent to us; the
 * page comes back to the portal with a token. Throws `BILLING.CARD_MINIMUM` (balance < 5 $),
 * `BILLING.NOTHING_DUE`, `BILLING.INVOICE_NOT_FOUND` (also for another payer's invoice).
 */
export class OpenCardCheckout extends Command<{ url: string }> {
  constructor(
    readonly actor: BillingActor,
    readonly invoiceId: string,
    readonly lang: 'fr' | 'en',
  ) {
    super();
  }
}

/**
 * Step 2: charges the token for the invoice's balance. Idempotent by `idempotencyKey` (one charge
 * however many times it is sent); the final state comes from the provider's signed callback. Throws
 * like `OpenCardCheckout`, and `BILLING.PAYMENT_IN_PROGRESS` when another payment of the invoice is
 * pending under another key.
 */
export class PayByCard extends Command<PaymentView> {
  constructor(
    readonly actor: BillingActor,
    readonly invoiceId: string,
    readonly token: string,
    readonly idempotencyKey: string,
  ) {
    super();
  }
}

/** Starts a PayPal payment: returns the address where the payer approves it (sandbox PayPal). */
export class StartPaypalPayment extends Command<{ paymentId: string; approveUrl: string }> {
  constructor(
    readonly actor: BillingActor,
    readonly invoiceId: string,
    readonly idempotencyKey: string,
    readonly lang: 'fr' | 'en',
  ) {
    super();
  }
}

/** The payer approved on PayPal: capture. Idempotent. */
export class CapturePaypalPayment extends Command<PaymentView> {
  constructor(
    readonly actor: BillingActor,
    readonly paymentId: string,
  ) {
    super();
  }
}

/** The payer canceled on the provider's page: a pending payment becomes `canceled`. Idempotent. */
export class CancelPendingPayment extends Command<PaymentView> {
  constructor(
    readonly actor: BillingActor,
    readonly paymentId: string,
  ) {
    super();
  }
}

/**
 * A callback from the payment provider whose signature the API checked (HMAC over timestamp and raw
 * body, 5-minute tolerance). Replays are ignored by `eventId`; out-of-order callbacks never move a
 * payment backwards.
 */
export class ApplyGatewayEvent extends Command<{ applied: boolean }> {
  constructor(
    readonly eventId: string,
    readonly type: string,
    /** The provider's charge, PayPal order or refund id. */
    readonly objectId: string,
    /** The provider's `reference`: our payment id (or refund id). */
    readonly reference: string | null,
    readonly failureCode: string | null,
    readonly occurredAt: Date,
  ) {
    super();
  }
}
