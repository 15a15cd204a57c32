/**
 * Port: checks a callback from the provider. `verify` throws `InvalidGatewaySignature` when the
 * signature does not match the raw body, or when its timestamp is more than 5 minutes from now
 * (replayed or stale); otherwise it returns the parsed event.
 */
export abstract class GatewayCallbackVerifier {
  abstract verify(rawBody: Buffer, signatureHeader: string | undefined, now: Date): GatewayEvent;
}

export class InvalidGatewaySignature extends Error {
  constructor(reason: string) {
    super(`Invalid payment provider signature: ${reason}`);
    this.name = 'InvalidGatewaySignature';
  }
}

/**
 * Event types: `charge.succeeded`, `charge.failed`, `charge.requires_action`,
 * `paypal.order.approved`, `paypal.capture.completed`, `paypal.order.voided`, `refund.succeeded`,
 * `refund.failed`.
 */
export interface GatewayEvent {
  readonly id: string;
  readonly type: string;
  readonly createdAt: Date;
  /** The charge, order or refund id at the provider. */
  readonly objectId: string;
  /** Our reference given when it was created (payment id, or refund id for refunds). */
  readonly reference: string | null;
  readonly failureCode: string | null;
  readonly amountCents: number | null;
}
