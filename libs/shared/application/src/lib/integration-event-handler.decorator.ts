import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import {
  parseIntegrationEventName,
  type IntegrationEventEnvelope,
  type JsonObject,
  type PlainJson,
} from '@guichet/shared/kernel';
import { assertConsumerName } from './consumer-name';

/** What a class decorated with {@link IntegrationEventHandler} implements. */
export interface HandlesIntegrationEvent<TPayload extends PlainJson<TPayload> = JsonObject> {
  /**
   * Reacts to one delivery. Runs inside a unit of work that also records the message id in the
   * consumer's inbox: throw to roll both back and have the job retried; repeats never get here.
   */
  handle(event: IntegrationEventEnvelope<TPayload>): Promise<void>;
}

export interface IntegrationEventHandlerMetadata {
  readonly eventName: string;
  /** Queue name and inbox key of this consumer: keep it stable once deployed. */
  readonly consumer: string;
}

export const INTEGRATION_EVENT_HANDLER = 'guichet:integration-event-handler';

/**
 * Marks a provider as the consumer of an integration event. The worker gives each consumer its own
 * queue, named after `consumer` (by default the class name in kebab-case, e.g.
 * `mark-card-request-paid-policy`); set it explicitly so a rename does not reset its inbox.
 *
 * ```ts
 * @IntegrationEventHandler('billing.invoice-paid.v1', { consumer: 'card-requests.mark-paid' })
 * export class MarkCardRequestPaidPolicy implements HandlesIntegrationEvent<InvoicePaidV1> { ... }
 * ```
 */
export function IntegrationEventHandler(eventName: string, options: { consumer?: string } = {}): ClassDecorator {
  parseIntegrationEventName(eventName);
  if (options.consumer !== undefined) assertConsumerName(options.consumer);
  return (target) => {
    const consumer = options.consumer ?? kebabCase(target.name);
    assertConsumerName(consumer);
    const metadata: IntegrationEventHandlerMetadata = { eventName, consumer };
    applyDecorators(Injectable(), SetMetadata(INTEGRATION_EVENT_HANDLER, metadata))(target);
  };
}

/** The metadata of a class decorated with {@link IntegrationEventHandler}, if it is one. */
export function integrationEventHandlerOf(target: unknown): IntegrationEventHandlerMetadata | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, target) as IntegrationEventHandlerMetadata | undefined;
}

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
