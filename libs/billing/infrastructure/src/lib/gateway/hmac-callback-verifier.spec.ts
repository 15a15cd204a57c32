import { InvalidGatewaySignature } from '@guichet/billing/application';
import { createHmac } from 'node:crypto';
import { HmacGatewayCallbackVerifier } from './hmac-callback-verifier';

const SECRET = 'whsec_spec_0123456789';
const NOW = new Date('2026-03-02T15:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

const sign = (body: string, t = T, secret = SECRET) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

const chargeEvent = JSON.stringify({
  id: 'evt_1',
  type: 'charge.failed',
  created: T - 2,
  data: { object: { id: 'ch_1', object: 'charge', status: 'failed', amount: 1234, reference: 'pay-1', failure_code: 'card_declined', last4: '0002' } },
});

describe('HmacGatewayCallbackVerifier', () => {
  const verifier = new HmacGatewayCallbackVerifier(SECRET);

  it('returns the event of a correctly signed body', () => {
    expect(verifier.verify(Buffer.from(chargeEvent), sign(chargeEvent), NOW)).toEqual({
      id: 'evt_1',
      type: 'charge.failed',
      createdAt: new Date((T - 2) * 1000),
      objectId: 'ch_1',
      reference: 'pay-1',
      failureCode: 'card_declined',
      amountCents: 1234,
    });
  });

  it('reads refunds and PayPal orders, with null for what they do not carry', () => {
    const body = JSON.stringify({ id: 'evt_2', type: 'paypal.order.approved', created: T, data: { object: { id: 'PP-ABC', status: 'APPROVED', reference: 'pay-2' } } });
    expect(verifier.verify(Buffer.from(body), sign(body), NOW)).toMatchObject({ objectId: 'PP-ABC', reference: 'pay-2', failureCode: null, amountCents: null });
  });

  it('checks the raw bytes: the same JSON re-serialized differently does not pass', () => {
    const reformatted = JSON.stringify(JSON.parse(chargeEvent), null, 2);
    expect(() => verifier.verify(Buffer.from(reformatted), sign(chargeEvent), NOW)).toThrow(InvalidGatewaySignature);
  });

  it.each([
    ['a tampered body', chargeEvent.replace('1234', '1'), sign(chargeEvent)],
    ['another secret', chargeEvent, sign(chargeEvent, T, 'whsec_someone_else_123')],
    ['a signature of another timestamp', chargeEvent, sign(chargeEvent, T).replace(`t=${T}`, `t=${T - 1}`)],
    ['no header', chargeEvent, undefined],
    ['an empty header', chargeEvent, ''],
    ['no timestamp', chargeEvent, sign(chargeEvent).replace(/^t=\d+,/, '')],
    ['no v1', chargeEvent, `t=${T}`],
    ['a v1 that is not hex', chargeEvent, `t=${T},v1=${'z'.repeat(64)}`],
    ['a short v1', chargeEvent, `t=${T},v1=abcd`],
    ['a timestamp that is not a number', chargeEvent, sign(chargeEvent).replace(`t=${T}`, 't=soon')],
    ['two timestamps', chargeEvent, `t=${T},${sign(chargeEvent)}`],
    ['garbage', chargeEvent, 'garbage'],
  ])('refuses %s', (_what, body, header) => {
    expect(() => verifier.verify(Buffer.from(body), header, NOW)).toThrow(InvalidGatewaySignature);
  });

  it('accepts any one matching v1 among several (secret rotation), and ignores other schemes', () => {
    const good = sign(chargeEvent).split(',')[1];
    expect(verifier.verify(Buffer.from(chargeEvent), `t=${T},v1=${'0'.repeat(64)},${good},v0=legacy`, NOW).id).toBe('evt_1');
  });

  it('refuses a timestamp more than 5 minutes from now, either way, and accepts one within', () => {
    expect(() => verifier.verify(Buffer.from(chargeEvent), sign(chargeEvent, T - 301), NOW)).toThrow(/300 s/);
    expect(() => verifier.verify(Buffer.from(chargeEvent), sign(chargeEvent, T + 301), NOW)).toThrow(InvalidGatewaySignature);
    expect(verifier.verify(Buffer.from(chargeEvent), sign(chargeEvent, T - 300), NOW).id).toBe('evt_1');
    expect(new HmacGatewayCallbackVerifier(SECRET, 10).verify(Buffer.from(chargeEvent), sign(chargeEvent, T + 10), NOW).id).toBe('evt_1');
    expect(() => new HmacGatewayCallbackVerifier(SECRET, 10).verify(Buffer.from(chargeEvent), sign(chargeEvent, T - 11), NOW)).toThrow(InvalidGatewaySignature);
  });

  it.each([
    ['not JSON', 'evt_1 charge.succeeded'],
    ['an array', '[]'],
    ['an event without id', JSON.stringify({ type: 'charge.succeeded', created: T, data: { object: { id: 'ch_1' } } })],
    ['an event without type', JSON.stringify({ id: 'evt_1', created: T, data: { object: { id: 'ch_1' } } })],
    ['an event without created', JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', data: { object: { id: 'ch_1' } } })],
    ['an event without object', JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', created: T, data: {} })],
    ['an object without id', JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', created: T, data: { object: { reference: 'x' } } })],
  ])('refuses a correctly signed body that is %s', (_what, body) => {
    expect(() => verifier.verify(Buffer.from(body), sign(body), NOW)).toThrow(InvalidGatewaySignature);
  });

  it('needs a secret', () => {
    expect(() => new HmacGatewayCallbackVerifier('')).toThrow();
  });
});
