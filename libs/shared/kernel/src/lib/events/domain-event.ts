import type { EntityId } from '../ids/entity-id';

/**
 * Something that happened inside an aggregate, named in the past tense (`CardRequestSubmitted`).
 * Domain events stay inside their context; what other contexts see is an integration event built
 * from it, with a versioned name and a plain JSON payload.
 */
export interface DomainEvent {
  /** Stable name of the event type, e.g. `CardRequestSubmitted`. */
  readonly name: string;
  readonly occurredAt: Date;
  /** Id of the aggregate that recorded the event. */
  readonly aggregateId: string;
}

/**
 * Convenience base for domain events.
 *
 * ```ts
 * export class CardRequestSubmitted extends BaseDomainEvent {
 *   readonly name = 'CardRequestSubmitted';
 *   constructor(id: CardRequestId, readonly participantCount: number, occurredAt: Date) { super(id, occurredAt); }
 * }
 * ```
 */
export abstract class BaseDomainEvent implements DomainEvent {
  abstract readonly name: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;

  /** `occurredAt` should come from the `Clock`; it is copied so the event cannot change afterwards. */
  protected constructor(aggregateId: EntityId | string, occurredAt: Date) {
    this.aggregateId = typeof aggregateId === 'string' ? aggregateId : aggregateId.value;
    this.occurredAt = new Date(occurredAt.getTime());
  }
}
