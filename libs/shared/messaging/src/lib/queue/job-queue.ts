/** Retry schedule of a job: `exponential` waits delay, 2×delay, 4×delay... between attempts. */
export interface JobBackoff {
  readonly type: 'exponential' | 'fixed';
  /** Milliseconds. */
  readonly delay: number;
}

export interface JobOptions {
  /** Idempotency key: adding a job whose id is already in the queue does nothing. */
  readonly jobId?: string;
  /** Total tries before the job is failed (default 10). */
  readonly attempts?: number;
  /** Default: exponential from 1 s. */
  readonly backoff?: JobBackoff;
  /** Milliseconds before the first try. */
  readonly delay?: number;
}

export interface JobToAdd {
  readonly queue: string;
  readonly name: string;
  /** Plain JSON: it is serialized into the backend. */
  readonly data: unknown;
  readonly options?: JobOptions;
}

/** One try of a job, as its handler sees it. */
export interface QueuedJob<TData = unknown> {
  readonly id: string;
  readonly queue: string;
  readonly name: string;
  readonly data: TData;
  /** Tries that already ended in an error (0 on the first try). */
  readonly attemptsMade: number;
}

/** Resolve to complete the job; throw to have it retried with backoff, then failed and kept. */
export type JobHandler<TData = unknown> = (job: QueuedJob<TData>) => Promise<void>;

export interface ConsumerOptions {
  /** Jobs processed at once by this process (default 1). */
  readonly concurrency?: number;
  /** How long a job stays locked without renewal before it counts as stalled (ms, BullMQ default 30 s). */
  readonly lockDuration?: number;
  /** How often stalled jobs (their process died) are looked for and retried (ms, BullMQ default 30 s). */
  readonly stalledInterval?: number;
}

/** A job that used all its attempts; kept in the backend until someone retries or removes it. */
export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly failedReason: string;
  readonly attemptsMade: number;
  readonly finishedAt: Date | undefined;
  readonly data: unknown;
}

/** How many jobs a queue holds, by state. */
export interface QueueCounts {
  /** Not started yet: waiting for a consumer, or for the end of a retry's backoff (delayed). */
  readonly waiting: number;
  readonly active: number;
  /** Used all their attempts (or were unrecoverable); kept until someone retries or removes them. */
  readonly failed: number;
}

/**
 * The one queue port of the platform. Two adapters, both BullMQ: Redis when REDIS_URL is set,
 * BullMQ's PostgreSQL backend on the application's own database otherwise.
 *
 * Defaults for every job: 10 attempts, exponential backoff from 1 s, completed jobs trimmed,
 * failed jobs kept.
 */
export abstract class JobQueue {
  /** Which BullMQ backend carries the jobs. */
  abstract readonly backendName: 'redis' | 'postgres';
  /** Resolves when the backend answers; rejects otherwise (used by /api/health). */
  abstract ping(): Promise<void>;
  /** Adds one background job (mail, PDF...). Fails fast when the backend is down. */
  abstract add(queue: string, name: string, data: unknown, options?: JobOptions): Promise<void>;
  /** Adds jobs to one or several queues in one atomic round trip (the outbox relay uses it). */
  abstract addMany(jobs: readonly JobToAdd[]): Promise<void>;
  /** Starts processing a queue in this process; call once per queue. Resolves when the consumer is ready. */
  abstract consume<TData = unknown>(queue: string, handler: JobHandler<TData>, options?: ConsumerOptions): Promise<void>;
  /** Failed jobs kept in a queue, newest first. */
  abstract failedJobs(queue: string, limit?: number): Promise<FailedJob[]>;
  /** How many failed jobs a queue keeps. */
  abstract failedCount(queue: string): Promise<number>;
  /** The queues this process consumes (those `consume` was called for). */
  abstract consumedQueues(): readonly string[];
  /** How many jobs a queue holds, by state (the worker reports them as metrics). */
  abstract counts(queue: string): Promise<QueueCounts>;
  /** Lets active jobs finish, stops the consumers, then closes every connection. */
  abstract close(): Promise<void>;
}
