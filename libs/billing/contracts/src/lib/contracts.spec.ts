import { CARD_PAYMENT_MINIMUM_CENTS, MANUAL_PAYMENT_METHODS, ONLINE_PAYMENT_METHODS, PAYMENT_METHODS } from './common';
import { InvoiceIssuedV1, InvoicePaidV1, PaymentFailedV1, RefundIssuedV1 } from './events/billing.integration-events';

describe('Billing contracts', () => {
  it('names the four events the issue promises, versioned', () => {
    expect([InvoiceIssuedV1, InvoicePaidV1, PaymentFailedV1, RefundIssuedV1].map((event) => event.eventName)).toEqual([
      'billing.invoice-issued.v1',
      'billing.invoice-paid.v1',
      'billing.payment-failed.v1',
      'billing.refund-issued.v1',
    ]);
  });

  it('splits the payment methods into online and recorded-by-staff, with nothing left over', () => {
    expect([...ONLINE_PAYMENT_METHODS, ...MANUAL_PAYMENT_METHODS].sort()).toEqual([...PAYMENT_METHODS].sort());
  });

  it('keeps the manual\'s card minimum of 5 $ in cents', () => {
    expect(CARD_PAYMENT_MINIMUM_CENTS).toBe(500);
  });
});
