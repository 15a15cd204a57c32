import { AggregateRoot, BaseDomainEvent, defineIntegrationEvent, uuidv7, type DomainEvent } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, type OutgoingEvent } from './outbox';
import { OutboxAggregateRepository, type SaveVersions } from './outbox-aggregate.repository';

const ParcelShippedV1 = defineIntegrationEvent<{ parcelId: string }>('testing.parcel-shipped.v1');

class ParcelShipped extends BaseDomainEvent {
  readonly name = 'ParcelShipped';
  constructor(id: string) {
    super(id, new Date('2026-11-22T14:00:00Z'));
  }
}

class Parcel extends AggregateRoot<string> {
  constructor(version: number) {
    super(uuidv7(), version);
  }

  ship(): void {
    this.record(new ParcelShipped(this.id));
  }
}

class FakeParcelRepository extends OutboxAggregateRepository<Parcel> {
  readonly persisted: SaveVersions[] = [];
  failPersist = false;

  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  save(parcel: Parcel): Promise<void> {
    return this.saveWithEvents(parcel);
  }

  protected async persist(_parcel: Parcel, _manager: EntityManager, versions: SaveVersions): Promise<void> {
    if (this.failPersist) throw new Error('version conflict');
    this.persisted.push(versions);
  }

  protected toIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
    return [ParcelShippedV1.create({ parcelId: event.aggregateId }, { occurredAt: event.occurredAt })];
  }
}

/** A transaction that commits unless `rollbackAfterWork` is set, recording the outbox inserts. */
function setUp(options: { rollbackAfterWork?: boolean } = {}) {
  const outboxInserts: unknown[] = [];
  const manager = { query: async (_sql: string, params: unknown[]) => outboxInserts.push(params) } as unknown as EntityManager;
  const dataSource = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      const result = await work(manager);
      if (options.rollbackAfterWork) throw new Error('commit failed');
      return result;
    },
  } as unknown as DataSource;
  const unitOfWork = new TypeOrmUnitOfWork(dataSource);
  return { repository: new FakeParcelRepository(unitOfWork, new Outbox(unitOfWork)), outboxInserts };
}

describe('OutboxAggregateRepository', () => {
  it('persists from the loaded version to the next, writes the events, then marks the aggregate persisted', async () => {
    const { repository, outboxInserts } = setUp();
    const parcel = new Parcel(3);
    parcel.ship();

    await repository.save(parcel);

    expect(repository.persisted).toEqual([{ expected: 3, next: 4 }]);
    expect(outboxInserts).toHaveLength(1);
    expect(parcel.version).toBe(4);
    expect(parcel.hasPendingEvents()).toBe(false);
  });

  it('inserts a new aggregate at version 1', async () => {
    const { repository } = setUp();
    const parcel = new Parcel(0);
    await repository.save(parcel);
    expect(repository.persisted).toEqual([{ expected: 0, next: 1 }]);
    expect(parcel.version).toBe(1);
  });

  it('leaves the aggregate as it was when the write fails (a conflict): same version, events kept, no outbox row', async () => {
    const { repository, outboxInserts } = setUp();
    repository.failPersist = true;
    const parcel = new Parcel(3);
    parcel.ship();

    await expect(repository.save(parcel)).rejects.toThrow('version conflict');

    expect(outboxInserts).toEqual([]);
    expect(parcel.version).toBe(3);
    expect(parcel.hasPendingEvents()).toBe(true);
  });

  it('does not mark the aggregate persisted when the transaction does not commit', async () => {
    const { repository } = setUp({ rollbackAfterWork: true });
    const parcel = new Parcel(3);
    parcel.ship();

    await expect(repository.save(parcel)).rejects.toThrow('commit failed');

    expect(parcel.version).toBe(3);
    expect(parcel.hasPendingEvents()).toBe(true);
  });
});
