import { Injectable } from '@nestjs/common';
import { parseIntegrationEventEnvelope, type IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';

/** An envelope of any payload type; the outbox checks the payload at run time. */
export type OutgoingEvent = Omit<IntegrationEventEnvelope, 'payload'> & { readonly payload: unknown };

/**
 * Writes integration events to `messaging.outbox` in the current unit of work, so they commit with
 * the aggregate's state or not at all. The worker's relay publishes them afterwards.
 */
@Injectable()
export class Outbox {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  /**
   * Throws outside a unit of work, for a name that is not `context.event-name.vN` and for a payload
   * that is not plain JSON.
   */
  async add(events: readonly OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const manager = this.unitOfWork.transactionManager('Outbox.add');
    const checked = events.map((event) => parseIntegrationEventEnvelope(event));
    await manager.query(
      `INSERT INTO messaging.outbox (id, event_name, payload, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[])`,
      [
        checked.map((event) => event.messageId),
        checked.map((event) => event.eventName),
        checked.map((event) => JSON.stringify(event.payload)),
        checked.map((event) => event.occurredAt),
      ],
    );
  }
}
