import { NotPlainJsonError } from '../json/plain-json';
import { isUuidV7 } from '../ids/uuid';
import {
  defineIntegrationEvent,
  InvalidIntegrationEvent,
  isIntegrationEventName,
  isIntegrationEventPayload,
  parseIntegrationEventEnvelope,
  parseIntegrationEventName,
  type IntegrationEventEnvelope,
} from './integration-event';

interface InvoicePaidV1 {
  invoiceId: string;
  paidCents: number;
  note?: string;
  lines: { sku: string; quantity: number }[];
}

const InvoicePaidV1 = defineIntegrationEvent<InvoicePaidV1, 'billing.invoice-paid.v1'>('billing.invoice-paid.v1');
const OCCURRED = new Date('2026-11-22T15:00:00.000Z');
const payload: InvoicePaidV1 = { invoiceId: 'i-1', paidCents: 1234, lines: [{ sku: 'CARD', quantity: 2 }] };

describe('integration event names', () => {
  it.each(['billing.invoice-paid.v1', 'card-requests.card-request-submitted.v1', 'seats.order-placed.v12', 'a1.b2.v3'])(
    'accepts %s',
    (name) => {
      expect(isIntegrationEventName(name)).toBe(true);
    },
  );

  it.each([
    'billing.invoice-paid',
    'billing.invoice-paid.v0',
    'billing.invoice-paid.v01',
    'billing.invoice-paid.V1',
    'Billing.invoice-paid.v1',
    'billing.invoicePaid.v1',
    'billing.invoice_paid.v1',
    'billing.invoice--paid.v1',
    'billing.-invoice-paid.v1',
    'billing.invoice-paid-.v1',
    'billing..v1',
    'billing.invoice.paid.v1',
    ' billing.invoice-paid.v1',
  ])('rejects %s', (name) => {
    expect(isIntegrationEventName(name)).toBe(false);
    expect(() => parseIntegrationEventName(name)).toThrow(InvalidIntegrationEvent);
  });

  it('splits a name into context, event and version', () => {
    expect(parseIntegrationEventName('card-requests.card-request-submitted.v2')).toEqual({
      context: 'card-requests',
      event: 'card-request-submitted',
      version: 2,
    });
  });
});

describe('defineIntegrationEvent', () => {
  it('exposes the parsed name', () => {
    expect(InvoicePaidV1).toMatchObject({ eventName: 'billing.invoice-paid.v1', context: 'billing', event: 'invoice-paid', version: 1 });
  });

  it('refuses a malformed name at definition time', () => {
    expect(() => defineIntegrationEvent<{ a: string }>('billing.InvoicePaid.v1')).toThrow(InvalidIntegrationEvent);
  });

  it('creates a frozen envelope with a UUIDv7 message id and an ISO instant', () => {
    const envelope = InvoicePaidV1.create(payload, { occurredAt: OCCURRED });
    expect(isUuidV7(envelope.messageId)).toBe(true);
    expect(envelope).toEqual({
      messageId: envelope.messageId,
      eventName: 'billing.invoice-paid.v1',
      occurredAt: '2026-11-22T15:00:00.000Z',
      payload,
    });
    expect(Object.isFrozen(envelope)).toBe(true);
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
  });

  it('keeps a given message id, lowercased, and rejects one that is not a UUID', () => {
    const id = '0192E4A0-7D3C-7B2E-9F00-1234567890AB';
    expect(InvoicePaidV1.create(payload, { occurredAt: OCCURRED, messageId: id }).messageId).toBe(id.toLowerCase());
    expect(() => InvoicePaidV1.create(payload, { occurredAt: OCCURRED, messageId: 'x' })).toThrow(InvalidIntegrationEvent);
    expect(() => InvoicePaidV1.create(payload, { occurredAt: new Date('nope') })).toThrow(InvalidIntegrationEvent);
  });

  it('refuses payloads that are not plain JSON objects at run time', () => {
    const withDate = { ...payload, note: new Date() as unknown as string };
    expect(() => InvoicePaidV1.create(withDate, { occurredAt: OCCURRED })).toThrow(NotPlainJsonError);
    expect(() => InvoicePaidV1.create(withDate, { occurredAt: OCCURRED })).toThrow('$.payload.note');
    const list = defineIntegrationEvent<{ length: number }>('x.list.v1');
    expect(() => list.create([] as unknown as { length: number }, { occurredAt: OCCURRED })).toThrow(InvalidIntegrationEvent);
  });

  it('matches envelopes of its own name and version only', () => {
    const envelope = InvoicePaidV1.create(payload, { occurredAt: OCCURRED });
    const received: IntegrationEventEnvelope = parseIntegrationEventEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(InvoicePaidV1.matches(received)).toBe(true);
    if (InvoicePaidV1.matches(received)) expect(received.payload.paidCents).toBe(1234);
    const v2 = defineIntegrationEvent<InvoicePaidV1>('billing.invoice-paid.v2');
    expect(v2.matches(received)).toBe(false);
  });

  it('rejects non-JSON payload types at compile time (checked by the typecheck target)', () => {
    const WithDate = defineIntegrationEvent<
      // @ts-expect-error Date is not plain JSON
      { at: Date }
    >('x.with-date.v1');
    const WithMethod = defineIntegrationEvent<
      // @ts-expect-error methods are not plain JSON
      { id: string; load(): void }
    >('x.with-method.v1');
    expect([WithDate.version, WithMethod.version]).toEqual([1, 1]);
  });
});

describe('parseIntegrationEventEnvelope', () => {
  const valid = {
    messageId: '0192e4a0-7d3c-7b2e-9f00-1234567890ab',
    eventName: 'billing.invoice-paid.v1',
    occurredAt: '2026-11-22T15:00:00.000Z',
    payload: { invoiceId: 'i-1' },
  };

  it('accepts a well-formed envelope', () => {
    expect(parseIntegrationEventEnvelope(valid)).toEqual(valid);
    expect(parseIntegrationEventEnvelope({ ...valid, occurredAt: '2026-11-22T10:00:00-05:00' }).occurredAt).toBe(
      '2026-11-22T10:00:00-05:00',
    );
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [valid]],
    ['a bad message id', { ...valid, messageId: '1' }],
    ['a bad event name', { ...valid, eventName: 'billing.InvoicePaid.v1' }],
    ['a date-only occurredAt', { ...valid, occurredAt: '2026-11-22' }],
    ['an impossible occurredAt', { ...valid, occurredAt: '2026-13-45T99:00:00Z' }],
    ['a missing payload', { ...valid, payload: undefined }],
    ['an array payload', { ...valid, payload: [1] }],
  ])('rejects %s', (_label, value) => {
    expect(() => parseIntegrationEventEnvelope(value)).toThrow(InvalidIntegrationEvent);
  });

  it('rejects a payload that is not plain JSON', () => {
    expect(() => parseIntegrationEventEnvelope({ ...valid, payload: { n: NaN } })).toThrow(NotPlainJsonError);
  });

  it('isIntegrationEventPayload accepts plain objects only', () => {
    expect(isIntegrationEventPayload({ a: [1, 'b', null] })).toBe(true);
    expect(isIntegrationEventPayload([1])).toBe(false);
    expect(isIntegrationEventPayload({ a: new Date() })).toBe(false);
    expect(isIntegrationEventPayload(null)).toBe(false);
  });
});
