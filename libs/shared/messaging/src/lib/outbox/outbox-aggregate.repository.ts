import type { AggregateRoot, DomainEvent } from '@guichet/shared/kernel';
import type { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { EntityManager } from 'typeorm';
import type { Outbox, OutgoingEvent } from './outbox';

/** The versions of one save: the stored row holds `expected` (0: never stored) and must hold `next` after. */
export interface SaveVersions {
  readonly expected: number;
  readonly next: number;
}

/** What the base needs of an aggregate (an `AggregateRoot`). */
export type VersionedAggregate = Pick<AggregateRoot<string>, 'version' | 'markPersisted' | 'peekEvents' | 'pullEvents'>;

/**
 * Base of aggregate repositories: `saveWithEvents` writes the state and the integration events built
 * from the aggregate's recorded domain events in one transaction (the caller's, if one is open), with
 * optimistic concurrency on the aggregate's `version`. Once that transaction has committed, the
 * aggregate forgets its events and takes the new version; a save that fails or rolls back leaves it
 * as it was.
 *
 * `persist` inserts when `expected` is 0 (with `version = next`), otherwise updates through
 * `updateVersioned` (`@guichet/shared/persistence`), which throws `ConcurrentUpdate`
 * (`PERSISTENCE.CONCURRENT_UPDATE`, HTTP 409) when another transaction saved first: the whole
 * transaction, outbox rows included, then rolls back. Update the root row first: it locks the row,
 * so child rows written after it are serialized too. Save an aggregate once per unit of work.
 *
 * ```ts
 * @Injectable()
 * export class TypeOrmCardRequestRepository extends OutboxAggregateRepository<CardRequest> implements CardRequestRepository {
 *   constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) { super(unitOfWork, outbox); }
 *
 *   save(request: CardRequest): Promise<void> { return this.saveWithEvents(request); }
 *
 *   protected async persist(request: CardRequest, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
 *     const s = request.toSnapshot();
 *     if (expected === 0) {
 *       await manager.query(`INSERT INTO card_requests.card_requests (id, status, version) VALUES ($1, $2, $3)`, [s.id, s.status, next]);
 *     } else {
 *       await updateVersioned(manager, { table: 'card_requests.card_requests', id: s.id, expectedVersion: expected }, { status: s.status });
 *     }
 *   }
 *
 *   protected toIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
 *     if (!(event instanceof CardRequestSubmitted)) return [];
 *     return [CardRequestSubmittedV1.create({ cardRequestId: event.aggregateId, participantCount: event.participantCount }, { occurredAt: event.occurredAt })];
 *   }
 * }
 * ```
 */
export abstract class OutboxAggregateRepository<A extends VersionedAggregate> {
  protected constructor(
    protected readonly unitOfWork: TypeOrmUnitOfWork,
    protected readonly outbox: Outbox,
  ) {}

  /**
   * Writes the aggregate's state through the transaction's manager: an insert at `next` when
   * `expected` is 0, else an update that matches the row only at `expected` (`updateVersioned`).
   */
  protected abstract persist(aggregate: A, manager: EntityManager, versions: SaveVersions): Promise<void>;

  /** The integration events other contexts see for one domain event (often none or one). */
  protected abstract toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[];

  protected saveWithEvents(aggregate: A): Promise<void> {
    return this.unitOfWork.run(async () => {
      const versions: SaveVersions = { expected: aggregate.version, next: aggregate.version + 1 };
      const events = aggregate.peekEvents();
      await this.persist(aggregate, this.unitOfWork.transactionManager(), versions);
      await this.outbox.add(events.flatMap((event) => this.toIntegrationEvents(event)));
      // Only once committed: after a rollback the aggregate keeps its version and its events.
      this.unitOfWork.afterCommit(() => {
        aggregate.pullEvents();
        aggregate.markPersisted(versions.next);
      });
    });
  }
}
