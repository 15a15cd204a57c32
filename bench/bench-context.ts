/**
 * The benchmark's own tiny context, wired like the real apps: one aggregate saved with its outbox row in
 * one transaction (api role), and in the worker role the real relay and one integration-event consumer
 * whose job runs in the consumers' unit of work (inbox insert first). The handler only notes when it ran,
 * in memory, so the figures measure the messaging path and not a handler's own writes.
 */
import { Injectable, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntegrationEventHandler, type HandlesIntegrationEvent } from '@guichet/shared/application';
import {
  AggregateRoot,
  BaseDomainEvent,
  defineIntegrationEvent,
  uuidv7,
  type DomainEvent,
  type IntegrationEventEnvelope,
} from '@guichet/shared/kernel';
import { MessagingModule, messagingMigrations, Outbox, OutboxAggregateRepository, type MessagingOptions, type OutgoingEvent } from '@guichet/shared/messaging';
import { PersistenceModule, TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

export type BenchThingDoneV1 = { thingId: string; stampedAt: number };
export const BenchThingDoneV1 = defineIntegrationEvent<BenchThingDoneV1>('bench.thing-done.v1');
export const BENCH_CONSUMER = 'bench.record-thing-done';

class BenchThingDone extends BaseDomainEvent {
  readonly name = 'BenchThingDone';
  constructor(
    id: string,
    readonly stampedAt: number,
  ) {
    super(id, new Date());
  }
}

export class BenchThing extends AggregateRoot<string> {
  private constructor(id: string) {
    super(id);
  }

  /** `stampedAt` (Date.now() just before the save) travels in the payload. */
  static create(stampedAt = Date.now()): BenchThing {
    const thing = new BenchThing(uuidv7());
    thing.record(new BenchThingDone(thing.id, stampedAt));
    return thing;
  }
}

export class CreateBenchTables1700000000101 implements MigrationInterface {
  name = 'CreateBenchTables1700000000101';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE public.bench_things (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE public.bench_things`);
  }
}

@Injectable()
export class BenchThingRepository extends OutboxAggregateRepository<BenchThing> {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  save(thing: BenchThing): Promise<void> {
    return this.saveWithEvents(thing);
  }

  /** Several aggregates in one transaction (the batched-commit variant). */
  saveAll(things: readonly BenchThing[]): Promise<void> {
    return this.unitOfWork.run(async () => {
      for (const thing of things) await this.saveWithEvents(thing);
    });
  }

  /** Published outbox rows and the relay batches (transactions) that published them. */
  async relayStats(): Promise<{ rows: number; batches: number }> {
    const [row]: { rows: string; batches: string }[] = await this.unitOfWork.manager.query(
      `SELECT count(*) AS rows, count(DISTINCT published_at) AS batches FROM messaging.outbox WHERE published_at IS NOT NULL`,
    );
    return { rows: Number(row.rows), batches: Number(row.batches) };
  }

  /** Outbox rows the relay has not published yet. */
  unpublished(): Promise<{ count: string }[]> {
    return this.unitOfWork.manager.query(`SELECT count(*) FROM messaging.outbox WHERE published_at IS NULL`);
  }

  protected async persist(thing: BenchThing, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO public.bench_things (id) VALUES ($1)`, [thing.id]);
  }

  protected toIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
    if (!(event instanceof BenchThingDone)) return [];
    return [BenchThingDoneV1.create({ thingId: event.aggregateId, stampedAt: event.stampedAt }, { occurredAt: event.occurredAt })];
  }
}

/** Where the consumer reports each handled event (the worker process sends them to the bench). */
export const consumedSink: { onConsumed: (thingId: string, at: number, stampedAt: number) => void } = {
  onConsumed: () => undefined,
};

@IntegrationEventHandler('bench.thing-done.v1', { consumer: BENCH_CONSUMER })
export class RecordBenchThingDone implements HandlesIntegrationEvent<BenchThingDoneV1> {
  handle(event: IntegrationEventEnvelope<BenchThingDoneV1>): Promise<void> {
    consumedSink.onConsumed(event.payload.thingId, Date.now(), event.payload.stampedAt);
    return Promise.resolve();
  }
}

export interface BenchContextOptions {
  readonly role: 'api' | 'worker';
  readonly databaseUrl: string;
  /** Undefined: BullMQ's PostgreSQL backend. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix?: string;
  /** Production defaults when unset (pool 10, consumer concurrency 1, relay batch 200 / poll 1 s). */
  readonly poolSize?: number;
  readonly consumer?: MessagingOptions['consumer'];
  readonly relay?: MessagingOptions['relay'];
}

/** BullMQ 6's Worker defaults (lock 30 s, stalled check every 30 s). */
const BULLMQ_DEFAULT_CONSUMER = { lockDuration: 30_000, stalledInterval: 30_000 } as const;

@Module({})
class BenchThingsModule {
  static forRole(role: 'api' | 'worker'): DynamicModule {
    return { module: BenchThingsModule, providers: role === 'worker' ? [BenchThingRepository, RecordBenchThingDone] : [BenchThingRepository] };
  }
}

/** An api or worker application context with the apps' wiring and the library's default settings. */
export async function startBenchContext(options: BenchContextOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    {
      module: class BenchAppModule {},
      imports: [
        PersistenceModule.forRoot({
          url: options.databaseUrl,
          migrations: [...messagingMigrations, CreateBenchTables1700000000101],
          // Like the real apps: the api side migrates, the worker never races it.
          migrateOnStart: options.role === 'api',
          poolSize: options.poolSize,
          applicationName: `guichet-bench-${options.role}`,
        }),
        MessagingModule.forRoot({
          role: options.role,
          // An empty string keeps the PostgreSQL backend even when REDIS_URL is set in the environment.
          redisUrl: options.redisUrl ?? '',
          redisPrefix: options.redisPrefix,
          // BullMQ's own defaults, spelled out: with no consumer options the library passes
          // `stalledInterval: undefined` to the Worker, which overrides BullMQ's default and makes the
          // Worker constructor throw ("stalledInterval must be greater than 0").
          consumer: { ...BULLMQ_DEFAULT_CONSUMER, ...options.consumer },
          relay: options.relay,
        }),
        BenchThingsModule.forRole(options.role),
      ],
    },
    { logger: process.env['BENCH_LOGS'] ? ['log', 'warn', 'error'] : ['error'] },
  );
  return app;
}
