import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobQueue } from '../queue/job-queue';

/** How often the worker writes its queues' counts (ms). */
export const DEFAULT_QUEUE_STATUS_INTERVAL_MS = 15_000;

/**
 * Writes the job counts of every queue this process consumes into `messaging.queue_status`, at once
 * and then every `intervalMs`. The worker has no HTTP endpoint; the api's `/api/metrics` reads the
 * table ({@link QueueStatusMetrics}). Replicas consuming the same queues write the same counts.
 */
export class QueueStatusReporter {
  private readonly logger = new Logger('QueueStatus');
  private timer?: NodeJS.Timeout;
  private reporting?: Promise<void>;
  private stopped = true;
  private lastError = '';

  constructor(
    private readonly queue: Pick<JobQueue, 'consumedQueues' | 'counts'>,
    private readonly dataSource: Pick<DataSource, 'query'>,
    private readonly intervalMs = DEFAULT_QUEUE_STATUS_INTERVAL_MS,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Waits for a report in progress; no report starts after. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reporting;
  }

  /** Writes the current counts now. */
  async report(): Promise<void> {
    const queues = this.queue.consumedQueues();
    if (queues.length === 0) return;
    const counts = await Promise.all(queues.map((queue) => this.queue.counts(queue)));
    await this.dataSource.query(
      `INSERT INTO messaging.queue_status (queue, failed, waiting, active, updated_at)
       SELECT queue, failed, waiting, active, now() FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS s(queue, failed, waiting, active)
       ON CONFLICT (queue) DO UPDATE SET failed = excluded.failed, waiting = excluded.waiting, active = excluded.active, updated_at = excluded.updated_at`,
      [queues, counts.map((c) => c.failed), counts.map((c) => c.waiting), counts.map((c) => c.active)],
    );
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.reporting = this.report()
        .then(() => {
          this.lastError = '';
        })
        .catch((error: unknown) => {
          // The queue backend or the database is down: said once, then retried at the next tick.
          const message = (error as Error).message;
          if (message !== this.lastError) this.logger.warn(`Cannot report the queues' status: ${message}`);
          this.lastError = message;
        })
        .finally(() => {
          this.reporting = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delay);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }
}
