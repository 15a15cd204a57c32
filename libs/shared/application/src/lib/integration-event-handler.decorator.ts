import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import {
  parseIntegrationEventName,
  type IntegrationEventEnvelope,
  type JsonObject,
  type PlainJson,
} from '@guichet/shared/kernel';
import { assertConsumerName } from './consumer-name';

/**
 * What a class decorated with {@link IntegrationEventHandler} implements.
 *
 * Delivery is at least once and its order is best effort: events usually arrive in the order they
 * were committed, but retries, backoff, several relays and consumer concurrency can reorder them.
 * A handler that depends on order checks the state it reads (or the event's `occurredAt`) instead of
 * assuming it; repeats of the same message never reach it (the inbox drops them).
 */
export interface HandlesIntegrationEvent<TPayload extends PlainJson<TPayload> = JsonObject> {
  /**
   * Reacts to one delivery. Runs inside a unit of work that also records the message id in the
   * consumer's inbox: throw to roll both back and have the job retried with exponential backoff;
   * once its attempts are used up the job is kept in the consumer queue's failed set
   * (`JobQueue.failedJobs`). A message that is not a valid envelope fails at once, without retries.
   */
  handle(event: IntegrationEventEnvelope<TPayload>): Promise<void>;
}

export interface IntegrationEventHandlerMetadata {
  readonly eventName: string;
  /** Queue name and inbox key of this consumer: keep it stable once deployed. */
  readonly consumer: string;
}

export const INTEGRATION_EVENT_HANDLER = 'guichet:integration-event-handler';

export interface IntegrationEventHandlerOptions {
  /**
   * The consumer's name: the name of its own queue and its key in the inbox (`messaging.inbox`), so
   * it must stay stable once deployed (renaming it loses the queued jobs and the record of what was
   * handled). `<context>.<what-it-does>`, lowercase words joined by dots or hyphens.
   */
  readonly consumer: string;
}

/**
 * Marks a provider as the consumer of an integration event. The worker gives each consumer its own
 * queue named after `consumer`, and records each handled message id under that name in the inbox.
 * Delivery is at least once, deduplicated by the inbox, in best-effort order (see
 * {@link HandlesIntegrationEvent}).
 *
 * ```ts
 * @IntegrationEventHandler('billing.invoice-paid.v1', { consumer: 'card-requests.mark-paid' })
 * export class MarkCardRequestPaidPolicy implements HandlesIntegrationEvent<InvoicePaidV1> { ... }
 * ```
 */
export function IntegrationEventHandler(eventName: string, options: IntegrationEventHandlerOptions): ClassDecorator {
  parseIntegrationEventName(eventName);
  assertConsumerName(options.consumer);
  const metadata: IntegrationEventHandlerMetadata = { eventName, consumer: options.consumer };
  return (target) => {
    applyDecorators(Injectable(), SetMetadata(INTEGRATION_EVENT_HANDLER, metadata))(target);
  };
}

/** The metadata of a class decorated with {@link IntegrationEventHandler}, if it is one. */
export function integrationEventHandlerOf(target: unknown): IntegrationEventHandlerMetadata | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, target) as IntegrationEventHandlerMetadata | undefined;
}

