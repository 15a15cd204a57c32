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
import {
  MessagingModule,
  messagingMigrations,
  Outbox,
  OutboxAggregateRepository,
  type MessagingOptions,
  type OutgoingEvent,
  type SaveVersions,
} from '../../src';
import { PersistenceModule, TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/** A tiny context for the tests: one aggregate, one event, one consumer with a visible side effect. */
export type ThingDoneV1 = { thingId: string; label: string };
export const ThingDoneV1 = defineIntegrationEvent<ThingDoneV1>('testing.thing-done.v1');
export type ThingRenamedV1 = { thingId: string; label: string };
export const ThingRenamedV1 = defineIntegrationEvent<ThingRenamedV1>('testing.thing-renamed.v1');
export const TEST_CONSUMER = 'testing.record-thing-done';
/** Short, so the retry test takes about 2 s: tries at 0, 250, 750 and 1750 ms. */
export const TEST_RETRY = { attempts: 4, backoff: { type: 'exponential', delay: 250 } } as const satisfies MessagingOptions['retry'];

class ThingDone extends BaseDomainEvent {
  readonly name = 'ThingDone';
  constructor(
    id: string,
    readonly label: string,
  ) {
    super(id, new Date());
  }
}

class ThingRenamed extends BaseDomainEvent {
  readonly name = 'ThingRenamed';
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
    private currentLabel: string,
    version = 0,
  ) {
    super(id, version);
  }

  static create(label: string): Thing {
    const thing = new Thing(uuidv7(), label);
    thing.record(new ThingDone(thing.id, label));
    return thing;
  }

  static restore(id: string, label: string, version: number): Thing {
    return new Thing(id, label, version);
  }

  get label(): string {
    return this.currentLabel;
  }

  rename(label: string): void {
    this.currentLabel = label;
    this.record(new ThingRenamed(this.id, label));
  }
}

export class CreateTestTables1700000000001 implements MigrationInterface {
  name = 'CreateTestTables1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE public.things (id uuid PRIMARY KEY, label text NOT NULL, version integer NOT NULL)`);
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

  async get(id: string): Promise<Thing> {
    const [row]: { label: string; version: number }[] = await this.unitOfWork.manager.query(
      `SELECT label, version FROM public.things WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`No thing ${id}`);
    return Thing.restore(id, row.label, row.version);
  }

  protected async persist(thing: Thing, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    if (expected === 0) {
      await manager.query(`INSERT INTO public.things (id, label, version) VALUES ($1, $2, $3)`, [thing.id, thing.label, next]);
    } else {
      await updateVersioned(manager, { table: 'public.things', id: thing.id, expectedVersion: expected }, { label: thing.label });
    }
  }

  protected toIntegrationEvents(event: DomainEvent): OutgoingEvent[] {
    if (event instanceof ThingDone) {
      return [ThingDoneV1.create({ thingId: event.aggregateId, label: event.label }, { occurredAt: event.occurredAt })];
    }
    if (event instanceof ThingRenamed) {
      return [ThingRenamedV1.create({ thingId: event.aggregateId, label: event.label }, { occurredAt: event.occurredAt })];
    }
    return [];
  }
}

/** How the consumer behaves; the kill test makes the first process hang mid-job. */
export const handlerBehaviour: {
  hangAfterEffect: boolean;
  onHang: (messageId: string) => void;
  /** Milliseconds the handler works after writing its effect (the shutdown test). */
  slowMs: number;
  onStart: (messageId: string) => void;
  /** When set, the handler throws this message after writing its effect (the retry test). */
  failWith: string | undefined;
} = { hangAfterEffect: false, onHang: () => undefined, slowMs: 0, onStart: () => undefined, failWith: undefined };

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
    if (handlerBehaviour.failWith !== undefined) throw new Error(handlerBehaviour.failWith);
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
          retry: TEST_RETRY,
          relay: { batchSize: options.relayBatchSize ?? 200, pollIntervalMs: 500, maxBackoffMs: 1_000 },
          queueStatusIntervalMs: 200,
        }),
        ThingsModule.forRole(options.role),
      ],
    },
    { logger: process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error'] },
  );
  app.enableShutdownHooks();
  return app;
}
