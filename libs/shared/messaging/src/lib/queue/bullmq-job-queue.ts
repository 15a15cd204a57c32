import { Logger } from '@nestjs/common';
import { UnrecoverableError, type JobsOptions } from 'bullmq';
import type { BullmqBackend } from './bullmq-backends';
import {
  JobQueue,
  type ConsumerOptions,
  type FailedJob,
  type JobHandler,
  type JobOptions,
  type JobToAdd,
  type QueueCounts,
} from './job-queue';

/**
 * Every job is retried with backoff, then kept when it fails for good so someone can look at it. How long a
 * completed job is kept depends on the backend (`BullmqBackend.completedRetention`); redelivery is harmless
 * either way, since consumers skip repeats through their inbox.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnFail: false,
} as const satisfies JobsOptions;

/** The JobQueue port on BullMQ; the backend (Redis or PostgreSQL) only changes the connections. */
export class BullmqJobQueue extends JobQueue {
  readonly backendName: 'redis' | 'postgres';
  private readonly logger = new Logger('JobQueue');
  private producer?: ReturnType<BullmqBackend['createFlowProducer']>;
  private readonly queues = new Map<string, ReturnType<BullmqBackend['createQueue']>>();
  private readonly workers = new Map<string, ReturnType<BullmqBackend['createWorker']>>();
  private closing?: Promise<void>;

  constructor(private readonly backend: BullmqBackend) {
    super();
    this.backendName = backend.name;
  }

  get description(): string {
    return this.backend.description;
  }

  ping(): Promise<void> {
    return this.backend.ping();
  }

  add(queue: string, name: string, data: unknown, options?: JobOptions): Promise<void> {
    return this.addMany([{ queue, name, data, options }]);
  }

  async addMany(jobs: readonly JobToAdd[]): Promise<void> {
    if (jobs.length === 0) return;
    // A FlowProducer adds childless jobs to any queues atomically, in one round trip, on one connection.
    this.producer ??= this.backend.createFlowProducer();
    await this.producer.addBulk(
      jobs.map((job) => ({
        name: job.name,
        queueName: job.queue,
        data: job.data,
        opts: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: this.backend.completedRetention, ...job.options },
      })),
    );
  }

  async consume<TData>(queue: string, handler: JobHandler<TData>, options: ConsumerOptions = {}): Promise<void> {
    if (this.workers.has(queue)) throw new Error(`Queue ${queue} already has a consumer in this process`);
    const worker = this.backend.createWorker(
      queue,
      async (job) => {
        await handler({ id: job.id ?? '', queue, name: job.name, data: job.data as TData, attemptsMade: job.attemptsMade });
      },
      {
        concurrency: options.concurrency ?? this.backend.defaultConcurrency,
        // Only what is set: an explicit `undefined` would override BullMQ's own defaults (and its Worker
        // refuses an undefined stalledInterval).
        ...(options.lockDuration !== undefined && { lockDuration: options.lockDuration }),
        ...(options.stalledInterval !== undefined && { stalledInterval: options.stalledInterval }),
      },
      {
        failed: (job, error) => {
          const attempts = job?.opts.attempts ?? 1;
          const made = job?.attemptsMade ?? attempts;
          if (error instanceof UnrecoverableError) {
            this.logger.error(`Job ${job?.id} (${job?.name}) of queue ${queue} cannot succeed and is kept in its failed set: ${error.message}`);
          } else if (made >= attempts) {
            this.logger.error(
              `Job ${job?.id} (${job?.name}) of queue ${queue} failed after ${made} attempts and is kept in its failed set: ${error.message}`,
            );
          } else {
            this.logger.warn(`Job ${job?.id} (${job?.name}) of queue ${queue} failed (attempt ${made}/${attempts}), will retry: ${error.message}`);
          }
        },
        error: (error) => this.logger.warn(`Consumer of queue ${queue}: ${error.message}`),
      },
    );
    this.workers.set(queue, worker);
    await worker.waitUntilReady();
  }

  async failedJobs(queue: string, limit = 100): Promise<FailedJob[]> {
    const jobs = await this.queue(queue).getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: job.id ?? '',
      name: job.name,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      finishedAt: job.finishedOn === undefined ? undefined : new Date(job.finishedOn),
      data: job.data as unknown,
    }));
  }

  /** How many failed jobs a queue keeps. */
  failedCount(queue: string): Promise<number> {
    return this.queue(queue).getFailedCount();
  }

  consumedQueues(): readonly string[] {
    return [...this.workers.keys()];
  }

  async counts(queue: string): Promise<QueueCounts> {
    const counts = await this.queue(queue).getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
    const of = (state: string) => counts[state] ?? 0;
    return { waiting: of('waiting') + of('prioritized') + of('delayed'), active: of('active'), failed: of('failed') };
  }

  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private queue(name: string): ReturnType<BullmqBackend['createQueue']> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async closeAll(): Promise<void> {
    // worker.close() waits for the active jobs to finish before it resolves.
    await Promise.all([...this.workers.values()].map((worker) => worker.close()));
    await Promise.all([this.producer?.close(), ...[...this.queues.values()].map((queue) => queue.close())]);
    await this.backend.close();
  }
}
