import { Logger } from '@nestjs/common';
import {
  FlowProducer,
  Queue,
  Worker,
  createPostgresBackend,
  withBackend,
  type Job,
  type JobsOptions,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import { Pool } from 'pg';

/** The BullMQ classes the adapter needs, built on one datastore. */
export interface BullmqBackend {
  readonly name: 'redis' | 'postgres';
  /** Where the jobs live, without credentials, for the start-up log. */
  readonly description: string;
  /** Jobs a consumer works on at once unless it says otherwise. */
  readonly defaultConcurrency: number;
  /** BullMQ's `removeOnComplete` for this backend. */
  readonly completedRetention: JobsOptions['removeOnComplete'];
  createFlowProducer(): Pick<FlowProducer, 'addBulk' | 'close'>;
  createQueue(name: string): Pick<Queue, 'getFailed' | 'getFailedCount' | 'getJobCounts' | 'close'>;
  createWorker(
    name: string,
    processor: Processor,
    options: Omit<WorkerOptions, 'connection'>,
    listeners: WorkerListeners,
  ): Pick<Worker, 'close' | 'waitUntilReady'>;
  ping(): Promise<void>;
  /** Closes what the backend itself opened, after every queue and worker is closed. */
  close(): Promise<void>;
}

export interface WorkerListeners {
  /** A try failed (the job will be retried unless its attempts are used up). */
  failed(job: Pick<Job, 'id' | 'name' | 'attemptsMade' | 'opts'> | undefined, error: Error): void;
  error(error: Error): void;
}

function listen<W extends { on(event: 'failed' | 'error', listener: never): unknown }>(worker: W, listeners: WorkerListeners): W {
  const on = worker.on.bind(worker) as (event: string, listener: (...args: never[]) => void) => unknown;
  on('failed', listeners.failed);
  on('error', listeners.error);
  return worker;
}

/** Connection errors are logged by the clients' own listeners; without one, BullMQ prints each to stderr. */
function quiet<T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(emitter: T): T {
  emitter.on('error', () => undefined);
  return emitter;
}

/** Schema of BullMQ's PostgreSQL backend: beside the contexts' schemas, never inside one. */
export const BULLMQ_POSTGRES_SCHEMA = 'bullmq';

const logger = new Logger('JobQueue');

/**
 * Redis: producers fail fast while Redis is down (no offline queue); workers wait and reconnect.
 * `prefix` (BullMQ's key prefix, default `bull`) lets several environments share one Redis.
 */
export function redisBackend(url: string, prefix = 'bull'): BullmqBackend {
  const producer = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 5_000 });
  const owned: Redis[] = [producer];
  let lastError = '';
  const logErrors = (client: Redis) =>
    client.on('error', (error: Error) => {
      // ioredis repeats the same error on every reconnect attempt: log each distinct one once.
      if (error.message !== lastError) logger.warn(`Redis: ${error.message}`);
      lastError = error.message;
    });
  logErrors(producer);
  producer.on('ready', () => (lastError = ''));
  return {
    name: 'redis',
    description: `Redis at ${withoutCredentials(url)}`,
    defaultConcurrency: 8,
    // Cheap on Redis: keep a day of completed jobs (at most 10,000) to look at.
    completedRetention: { age: 24 * 3600, count: 10_000 },
    createFlowProducer: () => quiet(new FlowProducer({ connection: producer, prefix })),
    createQueue: (name) => quiet(new Queue(name, { connection: producer, prefix })),
    createWorker: (name, processor, options, listeners) => {
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      logErrors(connection);
      owned.push(connection);
      return listen(new Worker(name, processor, { ...options, connection, prefix }), listeners);
    },
    ping: async () => {
      await producer.ping();
    },
    close: async () => {
      await Promise.all(owned.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}

/**
 * BullMQ's PostgreSQL backend on the application's own database, in schema `bullmq`, which BullMQ
 * creates and upgrades itself (`migrate: true`, under its own advisory lock).
 */
export function postgresBackend(url: string): BullmqBackend {
  const pg = withBackend(createPostgresBackend);
  const connection = (max: number) => ({ connectionString: url, schema: BULLMQ_POSTGRES_SCHEMA, migrate: true, max });
  const pingPool = new Pool({ connectionString: url, max: 1 });
  pingPool.on('error', (error) => logger.warn(`PostgreSQL: ${error.message}`));
  return {
    name: 'postgres',
    description: `PostgreSQL at ${withoutCredentials(url)} (schema ${BULLMQ_POSTGRES_SCHEMA})`,
    // Each unit of concurrency holds a connection on this backend.
    defaultConcurrency: 4,
    // On PostgreSQL, count- or age-based retention scans every kept job at each completion (measured by
    // bench:messaging: 12–134 events/s instead of 746–1,126): completed jobs go at once.
    completedRetention: true,
    createFlowProducer: () => quiet(new pg.FlowProducer({ connection: connection(4) })),
    createQueue: (name) => quiet(new pg.Queue(name, { connection: connection(1) })),
    createWorker: (name, processor, options, listeners) =>
      // One pool connection per concurrent job plus one for locks; the LISTEN connection is extra.
      listen(new pg.Worker(name, processor, { ...options, connection: connection((options.concurrency ?? 1) + 1) }), listeners),
    ping: async () => {
      await pingPool.query('SELECT 1');
    },
    close: () => pingPool.end(),
  };
}

export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
