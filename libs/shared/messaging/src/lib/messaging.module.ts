import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PERSISTENCE_OPTIONS, resolveDatabaseUrl, type PersistenceOptions } from '@guichet/shared/persistence';
import { METRICS_COLLECTOR } from '@guichet/shared/application';
import { DataSource } from 'typeorm';
import { CONSUMER_OPTIONS, IntegrationEventConsumers } from './consumers/integration-event-consumers';
import { Outbox } from './outbox/outbox';
import { OutboxRelay, type RelayOptions } from './outbox/outbox-relay';
import { PostgresOutboxStore } from './outbox/postgres-outbox.store';
import { postgresBackend, redisBackend } from './queue/bullmq-backends';
import { BullmqJobQueue } from './queue/bullmq-job-queue';
import { JobQueue, type ConsumerOptions, type JobOptions } from './queue/job-queue';
import { QueueStatusMetrics } from './status/queue-status.metrics';
import { DEFAULT_QUEUE_STATUS_INTERVAL_MS, QueueStatusReporter } from './status/queue-status.reporter';

export interface MessagingOptions {
  /**
   * `api` writes the outbox and may add plain jobs; it never publishes events, so it keeps accepting
   * commands while the queue backend is down. `worker` also runs the relay and the consumers.
   */
  readonly role: 'api' | 'worker';
  /** Redis URL; defaults to `process.env.REDIS_URL`. Unset: BullMQ's PostgreSQL backend is used. */
  readonly redisUrl?: string;
  /** Redis key prefix (default `bull`), to share one Redis between environments or test runs. */
  readonly redisPrefix?: string;
  /** Consumer settings (tests shorten the stalled-job detection). */
  readonly consumer?: ConsumerOptions;
  /**
   * Retry policy of the integration-event jobs: a handler that throws is retried with this backoff,
   * then its job is kept as failed. Default: 10 attempts, exponential from 1 s (1 s, 2 s, 4 s...).
   */
  readonly retry?: Pick<JobOptions, 'attempts' | 'backoff'>;
  readonly relay?: Partial<Omit<RelayOptions, 'retry'>>;
  /** How often the worker writes its queues' counts for the api's metrics (ms, default 15 000). */
  readonly queueStatusIntervalMs?: number;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

function createJobQueue(options: MessagingOptions, persistence: PersistenceOptions): BullmqJobQueue {
  const redisUrl = options.redisUrl ?? process.env['REDIS_URL'];
  const queue = new BullmqJobQueue(redisUrl ? redisBackend(redisUrl, options.redisPrefix) : postgresBackend(resolveDatabaseUrl(persistence)));
  // Said loudly: which datastore carries the jobs changes how the platform must be operated.
  new Logger('Messaging').warn(
    redisUrl
      ? `QUEUE BACKEND: BullMQ on ${queue.description} (REDIS_URL is set)`
      : `QUEUE BACKEND: BullMQ on ${queue.description}; REDIS_URL is not set`,
  );
  return queue;
}

/** Closes the queue after the relay stopped and before the database pool closes. */
@Injectable()
class JobQueueCloser implements BeforeApplicationShutdown {
  constructor(private readonly queue: JobQueue) {}

  beforeApplicationShutdown(): Promise<void> {
    return this.queue.close();
  }
}

/** Runs the outbox relay in the worker. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay;
  private readonly store: PostgresOutboxStore;

  constructor(
    dataSource: DataSource,
    queue: JobQueue,
    consumers: IntegrationEventConsumers,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    @Inject(PERSISTENCE_OPTIONS) persistence: PersistenceOptions,
  ) {
    const logger = new Logger('OutboxRelay');
    this.store = new PostgresOutboxStore(dataSource, resolveDatabaseUrl(persistence), logger);
    this.relay = new OutboxRelay(this.store, queue, (eventName) => consumers.consumersOf(eventName), logger, {
      ...options.relay,
      retry: options.retry ?? {},
    });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  start(): void {
    this.relay.start();
  }

  /** Outbox rows this relay published since the process started. */
  get published(): number {
    return this.relay.published;
  }

  /** Finishes the batch in progress; unpublished rows wait in the outbox for the next start. */
  stop(): Promise<void> {
    return this.relay.stop();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.store.close();
  }
}

/** Writes the queues' counts for the api's metrics while the worker runs. */
@Injectable()
class QueueStatusReporting implements OnApplicationBootstrap, OnModuleDestroy {
  readonly reporter: QueueStatusReporter;

  constructor(queue: JobQueue, dataSource: DataSource, @Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.reporter = new QueueStatusReporter(queue, dataSource, options.queueStatusIntervalMs ?? DEFAULT_QUEUE_STATUS_INTERVAL_MS);
  }

  onApplicationBootstrap(): void {
    this.reporter.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.reporter.stop();
  }
}

/**
 * Messaging on BullMQ: the `JobQueue` port (Redis when REDIS_URL is set, else BullMQ's PostgreSQL
 * backend), the `Outbox`; in the api the queue gauges of `/api/metrics` (a `METRICS_COLLECTOR`); in
 * the worker the relay, the integration event consumers and the queue status reports. Needs
 * `PersistenceModule` (global) in the same application.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const common: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: JobQueue, inject: [PERSISTENCE_OPTIONS], useFactory: (persistence: PersistenceOptions) => createJobQueue(options, persistence) },
      Outbox,
      JobQueueCloser,
    ];
    const api: Provider[] = [QueueStatusMetrics, { provide: METRICS_COLLECTOR, useExisting: QueueStatusMetrics }];
    const worker: Provider[] = [
      { provide: CONSUMER_OPTIONS, useValue: options.consumer ?? {} },
      IntegrationEventConsumers,
      OutboxRelayService,
      QueueStatusReporting,
    ];
    return {
      module: MessagingModule,
      global: true,
      imports: options.role === 'worker' ? [DiscoveryModule] : [],
      providers: options.role === 'worker' ? [...common, ...worker] : [...common, ...api],
      exports: options.role === 'worker' ? [JobQueue, Outbox, IntegrationEventConsumers, OutboxRelayService] : [JobQueue, Outbox],
    };
  }
}
