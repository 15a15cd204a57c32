import { Payment, cardLabel } from './payment.aggregate';

const NOW = new Date('2026-03-02T14:00:00Z');
const start = () =>
  Payment.startOnline({
    id: '0192e4a0-7d3c-7b2e-9f00-000000000010',
    invoiceId: '0192e4a0-7d3c-7b2e-9f00-000000000001',
    reference: { service: 'seats', id: 'o-1' },
    method: 'card',
    amountCents: 2000,
    idempotencyKey: 'k',
    now: NOW,
  });

describe('Payment', () => {
  it('moves forward only', () => {
    const payment = start();
    expect(payment.requireAction('https://x')).toBe(true);
    expect(payment.requireAction(null)).toBe(false);
    expect(payment.confirm(NOW, false)).toBe(true);
    expect(payment.fail('card_declined', NOW)).toBe(false);
    expect(payment.cancel(NOW)).toBe(false);
    expect(payment.confirm(NOW, true)).toBe(false);
    expect(payment.toSnapshot()).toMatchObject({ state: 'confirmed', heldForStaff: false, nextActionUrl: null, failureCode: null });
  });

  it('stays failed after a failure', () => {
    const payment = start();
    expect(payment.fail('card_declined', NOW)).toBe(true);
    expect(payment.confirm(NOW, false)).toBe(false);
    expect(payment.peekEvents().map((e) => e.name)).toEqual(['PaymentFailed']);
  });

  it('refunds in whole or in part, never more than paid', () => {
    const payment = start();
    expect(() => payment.reserveRefund(100)).toThrow(expect.objectContaining({ code: 'BILLING.PAYMENT_NOT_REFUNDABLE' }));
    payment.confirm(NOW, false);
    payment.reserveRefund(500);
    expect(() => payment.reserveRefund(1501)).toThrow(expect.objectContaining({ code: 'BILLING.REFUND_EXCEEDS_PAYMENT' }));
    payment.completeRefund(500);
    expect(payment.currentState).toBe('partially-refunded');
    payment.reserveRefund(1500);
    payment.completeRefund(1500);
    expect(payment.currentState).toBe('refunded');
    expect(payment.confirm(NOW, false)).toBe(false);
  });

  it('keeps only the brand and last four digits of a card', () => {
    expect(cardLabel('Visa', '4242')).toBe('visa •••• 4242');
    expect(cardLabel(null, null)).toBeNull();
  });
});
