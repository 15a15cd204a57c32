import { Injectable, Logger } from '@nestjs/common';
import type { MetricsCollector } from '@guichet/shared/application';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';

interface QueueStatusRow {
  queue: string;
  failed: number;
  waiting: number;
  active: number;
  updated_at: Date;
}

/**
 * Prometheus gauges of the consumer queues, read from `messaging.queue_status` (written by the
 * worker) at each scrape of the api's `/api/metrics`:
 * `guichet_queue_failed_jobs{queue}`, `guichet_queue_waiting_jobs{queue}`,
 * `guichet_queue_active_jobs{queue}` and `guichet_queue_status_updated_seconds{queue}` (when the
 * worker last reported: a value that stops moving means no worker reports that queue any more).
 */
@Injectable()
export class QueueStatusMetrics implements MetricsCollector {
  private readonly logger = new Logger('QueueStatusMetrics');
  private loading?: Promise<QueueStatusRow[] | undefined>;

  constructor(private readonly dataSource: DataSource) {}

  registerMetrics(registry: Registry): void {
    const gauge = (name: string, help: string, value: (row: QueueStatusRow) => number): Gauge<'queue'> => {
      // `collect` runs at each scrape; the four gauges share one query.
      const load = () => this.rows();
      return new Gauge({
        name,
        help,
        labelNames: ['queue'],
        registers: [registry],
        async collect() {
          const rows = await load();
          this.reset();
          for (const row of rows ?? []) this.set({ queue: row.queue }, value(row));
        },
      });
    };
    gauge('guichet_queue_failed_jobs', 'Failed jobs kept per consumer queue (see JobQueue.failedJobs).', (row) => row.failed);
    gauge('guichet_queue_waiting_jobs', 'Jobs not started yet per consumer queue, retries waiting for their backoff included.', (row) => row.waiting);
    gauge('guichet_queue_active_jobs', 'Jobs being processed per consumer queue.', (row) => row.active);
    gauge('guichet_queue_status_updated_seconds', 'Unix time of the last report of the queue counts by a worker.', (row) =>
      Math.floor(row.updated_at.getTime() / 1000),
    );
  }

  /** One query for the gauges collected together; none of them fails the scrape when the database is down. */
  private rows(): Promise<QueueStatusRow[] | undefined> {
    this.loading ??= this.dataSource
      .query<QueueStatusRow[]>(`SELECT queue, failed, waiting, active, updated_at FROM messaging.queue_status ORDER BY queue`)
      .catch((error: unknown) => {
        this.logger.warn(`Cannot read the queues' status: ${(error as Error).message}`);
        return undefined;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
