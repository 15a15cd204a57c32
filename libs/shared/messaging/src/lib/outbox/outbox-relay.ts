import type { JobOptions, JobQueue, JobToAdd } from '../queue/job-queue';

/** An unpublished outbox row, as the relay publishes it (its fields are the envelope's). */
export interface OutboxRow {
  readonly messageId: string;
  readonly eventName: string;
  readonly occurredAt: string;
  readonly payload: unknown;
}

/** Where the relay reads the outbox from. */
export interface OutboxStore {
  /**
   * In one transaction: claims up to `limit` unpublished rows, oldest first, skipping rows another
   * relay holds; calls `publish`; marks them published. When `publish` throws, nothing is marked,
   * the attempt is counted and the error rethrown. Returns the number of rows claimed.
   */
  publishBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number>;
  /** Resolves when new rows may be there (a notification), after `ms`, or when `signal` aborts. */
  waitForRows(ms: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface RelayOptions {
  /** Rows per transaction (default 200). */
  readonly batchSize: number;
  /** Poll when no notification comes (ms, default 1000): notifications can be missed on reconnects. */
  readonly pollIntervalMs: number;
  /** First wait after a failed publish (ms, default 250), doubling up to `maxBackoffMs` (default 5000). */
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Retry policy of the consumers' jobs (default: the queue's, 10 attempts, exponential from 1 s). */
  readonly retry: Pick<JobOptions, 'attempts' | 'backoff'>;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  batchSize: 200,
  pollIntervalMs: 1_000,
  minBackoffMs: 250,
  maxBackoffMs: 5_000,
  retry: {},
};

/** Wait before the next try after `failures` failed publishes in a row. */
export function relayBackoff(failures: number, options: Pick<RelayOptions, 'minBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(options.maxBackoffMs, options.minBackoffMs * 2 ** Math.max(0, failures - 1));
}

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Publishes outbox rows to every consumer queue subscribed to their event, with the message id as
 * job id, then marks them published: at least once (a crash between the two republishes, and the
 * job id and the consumers' inbox absorb the repeat). All its state is in the database, so it
 * survives restarts, and several relays can run side by side (rows are claimed with SKIP LOCKED).
 * When the queue backend is down it backs off and retries; the rows wait in the outbox.
 */
export class OutboxRelay {
  private readonly options: RelayOptions;
  private running?: Promise<void>;
  private abort?: AbortController;
  private publishedRows = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly queue: Pick<JobQueue, 'addMany'>,
    private readonly consumersOf: (eventName: string) => readonly string[],
    private readonly logger: RelayLogger,
    options: Partial<RelayOptions> = {},
  ) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...options };
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Outbox rows this relay published since it was created. */
  get published(): number {
    return this.publishedRows;
  }

  start(): void {
    if (this.running) return;
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.loop(abort.signal);
  }

  /** Finishes the batch in progress, then stops. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = undefined;
  }

  /** Publishes one batch; returns how many rows it took. */
  async publishBatch(): Promise<number> {
    const published = await this.store.publishBatch(this.options.batchSize, (rows) =>
      this.queue.addMany(rows.flatMap((row) => this.jobsFor(row))),
    );
    this.publishedRows += published;
    return published;
  }

  private jobsFor(row: OutboxRow): JobToAdd[] {
    const data = { messageId: row.messageId, eventName: row.eventName, occurredAt: row.occurredAt, payload: row.payload };
    return this.consumersOf(row.eventName).map((consumer) => ({
      queue: consumer,
      name: row.eventName,
      data,
      options: { ...this.options.retry, jobId: row.messageId },
    }));
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let published: number;
      try {
        published = await this.publishBatch();
      } catch (error) {
        failures++;
        const delay = relayBackoff(failures, this.options);
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            `Outbox relay cannot publish (${(error as Error).message}); events stay in the outbox, retry ${failures} in ${delay} ms`,
          );
        }
        await sleep(delay, signal);
        continue;
      }
      if (failures > 0) this.logger.log(`Outbox relay publishing again after ${failures} failed attempts`);
      failures = 0;
      if (published < this.options.batchSize) await this.store.waitForRows(this.options.pollIntervalMs, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
