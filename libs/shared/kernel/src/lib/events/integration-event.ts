import { isUuid, uuidv7 } from '../ids/uuid';
import { assertPlainJson, isPlainJson, type JsonObject, type PlainJson } from '../json/plain-json';

/**
 * Name of an event that crosses contexts: `context.event-name.v<version>`, e.g.
 * `billing.invoice-paid.v1`. The type catches the shape; {@link isIntegrationEventName} checks the
 * exact rule (lower kebab-case segments, version 1 or more without leading zero).
 */
export type IntegrationEventName = `${string}.${string}.v${number}`;

const NAME_PATTERN = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)$/;

export function isIntegrationEventName(value: unknown): value is IntegrationEventName {
  return typeof value === 'string' && NAME_PATTERN.test(value);
}

export interface ParsedIntegrationEventName {
  readonly context: string;
  readonly event: string;
  readonly version: number;
}

/** Thrown for a malformed event name or envelope: a programming or wiring error, not a user error. */
export class InvalidIntegrationEvent extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidIntegrationEvent';
  }
}

export function parseIntegrationEventName(name: string): ParsedIntegrationEventName {
  const match = NAME_PATTERN.exec(name);
  if (!match) {
    throw new InvalidIntegrationEvent(
      `Integration event name must look like "context.event-name.v1" (lower kebab-case), got "${name}"`,
    );
  }
  return { context: match[1], event: match[2], version: Number(match[3]) };
}

/**
 * What travels through the outbox and the queue. `messageId` (a UUIDv7) is the outbox row id, the
 * queue job id and the inbox key that makes consumers idempotent.
 */
export interface IntegrationEventEnvelope<
  TPayload extends PlainJson<TPayload> = JsonObject,
  TName extends IntegrationEventName = IntegrationEventName,
> {
  readonly messageId: string;
  readonly eventName: TName;
  /** ISO 8601 instant in UTC, e.g. `2026-11-22T14:05:00.000Z`. */
  readonly occurredAt: string;
  /** Ids and plain values only: no secrets, no personal data the consumer does not need. */
  readonly payload: TPayload;
}

export interface CreateEnvelopeOptions {
  /** When the fact happened (take it from the domain event or the `Clock`). */
  readonly occurredAt: Date;
  /** Defaults to a new UUIDv7. */
  readonly messageId?: string;
}

/** The typed definition of one integration event, declared once in the producer's `contracts` lib. */
export interface IntegrationEventDefinition<TPayload extends PlainJson<TPayload>, TName extends IntegrationEventName> {
  readonly eventName: TName;
  readonly context: string;
  readonly event: string;
  readonly version: number;
  /** Builds an envelope; throws `NotPlainJsonError` if the payload is not plain JSON. */
  create(payload: TPayload, options: CreateEnvelopeOptions): IntegrationEventEnvelope<TPayload, TName>;
  /** True when the envelope carries this event at this version. */
  matches<E extends { readonly eventName: string }>(envelope: E): envelope is E & IntegrationEventEnvelope<TPayload, TName>;
}

/**
 * Declares an integration event.
 *
 * ```ts
 * export type InvoicePaidV1 = { invoiceId: string; paidCents: number };
 * export const InvoicePaidV1 = defineIntegrationEvent<InvoicePaidV1>('billing.invoice-paid.v1');
 * outbox.add(InvoicePaidV1.create({ invoiceId, paidCents }, { occurredAt: clock.now() }));
 * if (InvoicePaidV1.matches(envelope)) envelope.payload.invoiceId;
 * ```
 * A breaking change to the payload is a new definition with the next version; producers publish
 * both until every consumer has moved.
 */
export function defineIntegrationEvent<
  TPayload extends PlainJson<TPayload>,
  TName extends IntegrationEventName = IntegrationEventName,
>(eventName: TName): IntegrationEventDefinition<TPayload, TName> {
  const { context, event, version } = parseIntegrationEventName(eventName);
  return Object.freeze({
    eventName,
    context,
    event,
    version,
    create(payload: TPayload, options: CreateEnvelopeOptions): IntegrationEventEnvelope<TPayload, TName> {
      assertPayload(payload);
      const messageId = options.messageId ?? uuidv7();
      if (!isUuid(messageId)) throw new InvalidIntegrationEvent(`messageId must be a UUID, got "${messageId}"`);
      const time = options.occurredAt.getTime();
      if (Number.isNaN(time)) throw new InvalidIntegrationEvent('occurredAt is an invalid Date');
      return Object.freeze({
        messageId: messageId.toLowerCase(),
        eventName,
        occurredAt: new Date(time).toISOString(),
        payload,
      });
    },
    matches<E extends { readonly eventName: string }>(
      envelope: E,
    ): envelope is E & IntegrationEventEnvelope<TPayload, TName> {
      return envelope.eventName === eventName;
    },
  });
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks that a value received from the queue is a well-formed envelope (consumers call it before
 * anything else). It checks the shape only; the consumer then checks `eventName` for the version it
 * understands.
 */
export function parseIntegrationEventEnvelope(value: unknown): IntegrationEventEnvelope<JsonObject> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidIntegrationEvent('Envelope must be an object');
  }
  const { messageId, eventName, occurredAt, payload } = value as Record<string, unknown>;
  if (!isUuid(messageId)) throw new InvalidIntegrationEvent('Envelope messageId must be a UUID');
  if (!isIntegrationEventName(eventName)) {
    throw new InvalidIntegrationEvent(`Envelope eventName is not a valid integration event name: ${String(eventName)}`);
  }
  if (typeof occurredAt !== 'string' || !ISO_INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw new InvalidIntegrationEvent('Envelope occurredAt must be an ISO 8601 instant');
  }
  assertPayload(payload);
  return { messageId: messageId.toLowerCase(), eventName, occurredAt, payload };
}

function assertPayload(payload: unknown): asserts payload is JsonObject {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidIntegrationEvent('Integration event payload must be a JSON object');
  }
  assertPlainJson(payload, '$.payload');
}

/** True if `value` could be sent as an integration event payload. */
export function isIntegrationEventPayload(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainJson(value);
}
