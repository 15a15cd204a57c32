import type { AggregateRoot, DomainEvent } from '@guichet/shared/kernel';
import type { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { EntityManager } from 'typeorm';
import type { Outbox, OutgoingEvent } from './outbox';

/**
 * Base of aggregate repositories: `saveWithEvents` writes the state and the integration events built
 * from the aggregate's recorded domain events in one transaction (the caller's, if one is open).
 *
 * ```ts
 * export class TypeOrmCardRequestRepository extends OutboxAggregateRepository<CardRequest> implements CardRequestRepository {
 *   save(request: CardRequest) { return this.saveWithEvents(request); }
 *   protected async persist(request: CardRequest, manager: EntityManager) { await manager.save(CardRequestEntity, toEntity(request)); }
 *   protected toIntegrationEvents(event: DomainEvent) { return event instanceof CardRequestSubmitted ? [CardRequestSubmittedV1.create(...)] : []; }
 * }
 * ```
 */
export abstract class OutboxAggregateRepository<A extends Pick<AggregateRoot, 'pullEvents'>> {
  protected constructor(
    protected readonly unitOfWork: TypeOrmUnitOfWork,
    protected readonly outbox: Outbox,
  ) {}

  /** Writes the aggregate's state through the transaction's manager. */
  protected abstract persist(aggregate: A, manager: EntityManager): Promise<void>;

  /** The integration events other contexts see for one domain event (often none or one). */
  protected abstract toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[];

  protected saveWithEvents(aggregate: A): Promise<void> {
    return this.unitOfWork.run(async () => {
      await this.persist(aggregate, this.unitOfWork.transactionManager());
      await this.outbox.add(aggregate.pullEvents().flatMap((event) => this.toIntegrationEvents(event)));
    });
  }
}
