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
import { MessagingModule, messagingMigrations, Outbox, OutboxAggregateRepository, type OutgoingEvent } from '../../src';
import { PersistenceModule, TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/** A tiny context for the tests: one aggregate, one event, one consumer with a visible side effect. */
export type ThingDoneV1 = { thingId: string; label: string };
export const ThingDoneV1 = defineIntegrationEvent<ThingDoneV1>('testing.thing-done.v1');
export const TEST_CONSUMER = 'testing.record-thing-done';

class ThingDone extends BaseDomainEvent {
  readonly name = 'ThingDone';
  constructor(
    id: string,
    readonly label: string,
  ) {
    super(id, new Date());
  }
}

export class Thing extends AggregateRoot<string> {
  private constructor(
    id: string,
    readonly label: string,
  ) {
    super(id);
  }

  static create(label: string): Thing {
    const thing = new Thing(uuidv7(), label);
    thing.record(new ThingDone(thing.id, label));
    return thing;
  }
}

export class CreateTestTables1700000000001 implements MigrationInterface {
  name = 'CreateTestTables1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE public.things (id uuid PRIMARY KEY, label text NOT NULL)`);
    // No unique key on purpose: a second effect of the same message would show as a second row.
    await queryRunner.query(`CREATE TABLE public.effects (message_id uuid NOT NULL, thing_id uuid NOT NULL, pid integer NOT NULL)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE public.effects, public.things`);
  }
}

@Injectable()
export class ThingRepository extends OutboxAggregateRepository<Thing> {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  save(thing: Thing): Promise<void> {
    return this.saveWithEvents(thing);
  }

  protected async persist(thing: Thing, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO public.things (id, label) VALUES ($1, $2)`, [thing.id, thing.label]);
  }

  protected toIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
    if (!(event instanceof ThingDone)) return [];
    return [ThingDoneV1.create({ thingId: event.aggregateId, label: event.label }, { occurredAt: event.occurredAt })];
  }
}

/** How the consumer behaves; the kill test makes the first process hang mid-job. */
export const handlerBehaviour: {
  hangAfterEffect: boolean;
  onHang: (messageId: string) => void;
  /** Milliseconds the handler works after writing its effect (the shutdown test). */
  slowMs: number;
  onStart: (messageId: string) => void;
} = { hangAfterEffect: false, onHang: () => undefined, slowMs: 0, onStart: () => undefined };

@IntegrationEventHandler('testing.thing-done.v1', { consumer: TEST_CONSUMER })
export class RecordThingDone implements HandlesIntegrationEvent<ThingDoneV1> {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  async handle(event: IntegrationEventEnvelope<ThingDoneV1>): Promise<void> {
    handlerBehaviour.onStart(event.messageId);
    await this.unitOfWork.manager.query(`INSERT INTO public.effects (message_id, thing_id, pid) VALUES ($1, $2, $3)`, [
      event.messageId,
      event.payload.thingId,
      process.pid,
    ]);
    if (handlerBehaviour.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, handlerBehaviour.slowMs));
    if (handlerBehaviour.hangAfterEffect) {
      handlerBehaviour.onHang(event.messageId);
      await new Promise(() => undefined);
    }
  }
}

export interface TestContextOptions {
  readonly role: 'api' | 'worker';
  readonly databaseUrl: string;
  /** Undefined: the PostgreSQL backend. */
  readonly redisUrl: string | undefined;
  readonly relayBatchSize?: number;
  /** Keeps each test file's Redis keys apart from other runs'. */
  readonly redisPrefix?: string;
}

@Module({})
class ThingsModule {
  static forRole(role: 'api' | 'worker'): DynamicModule {
    return { module: ThingsModule, providers: role === 'worker' ? [ThingRepository, RecordThingDone] : [ThingRepository] };
  }
}

/** An api or worker application context wired like the real apps. */
export async function startTestContext(options: TestContextOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    {
      module: class TestAppModule {},
      imports: [
        PersistenceModule.forRoot({
          url: options.databaseUrl,
          migrations: [...messagingMigrations, CreateTestTables1700000000001],
          poolSize: 5,
        }),
        MessagingModule.forRoot({
          role: options.role,
          // An empty string keeps the PostgreSQL backend even when REDIS_URL is set in the environment.
          redisUrl: options.redisUrl ?? '',
          redisPrefix: options.redisPrefix,
          consumer: { lockDuration: 1_000, stalledInterval: 500 },
          relay: { batchSize: options.relayBatchSize ?? 200, pollIntervalMs: 500, maxBackoffMs: 1_000 },
        }),
        ThingsModule.forRole(options.role),
      ],
    },
    { logger: process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error'] },
  );
  app.enableShutdownHooks();
  return app;
}
