import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { QueueCounts } from '../queue/job-queue';
import { QueueStatusMetrics } from './queue-status.metrics';
import { QueueStatusReporter } from './queue-status.reporter';

describe('QueueStatusReporter', () => {
  const counts: Record<string, QueueCounts> = {
    'billing.charge-order': { waiting: 4, active: 1, failed: 2 },
    'mail.send': { waiting: 0, active: 0, failed: 0 },
  };
  const queue = { consumedQueues: () => Object.keys(counts), counts: async (name: string) => counts[name] };

  it('writes the counts of every consumed queue in one upsert', async () => {
    const queries: [string, unknown[]][] = [];
    const dataSource = { query: async (sql: string, params: unknown[]) => queries.push([sql, params]) } as unknown as DataSource;
    const reporter = new QueueStatusReporter(queue, dataSource);

    await reporter.report();

    expect(queries).toHaveLength(1);
    expect(queries[0][0]).toMatch(/INSERT INTO messaging\.queue_status .* ON CONFLICT \(queue\) DO UPDATE/s);
    expect(queries[0][1]).toEqual([['billing.charge-order', 'mail.send'], [2, 0], [4, 0], [1, 0]]);
  });

  it('reports at start and then on its interval until stopped, surviving a failed report', async () => {
    let calls = 0;
    const dataSource = {
      query: async () => {
        calls++;
        if (calls === 1) throw new Error('database is restarting');
      },
    } as unknown as DataSource;
    const reporter = new QueueStatusReporter(queue, dataSource, 10);

    reporter.start();
    const deadline = Date.now() + 2_000;
    while (calls < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await reporter.stop();
    const afterStop = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(afterStop).toBeGreaterThanOrEqual(3);
    expect(calls).toBe(afterStop);
  });
});

describe('QueueStatusMetrics', () => {
  it('exposes the reported counts as gauges per queue, read with one query per scrape', async () => {
    let queries = 0;
    const dataSource = {
      query: async () => {
        queries++;
        return [{ queue: 'billing.charge-order', failed: 2, waiting: 4, active: 1, updated_at: new Date('2026-11-22T14:00:00Z') }];
      },
    } as unknown as DataSource;
    const registry = new Registry();
    new QueueStatusMetrics(dataSource).registerMetrics(registry);

    const text = await registry.metrics();

    expect(text).toContain('guichet_queue_failed_jobs{queue="billing.charge-order"} 2');
    expect(text).toContain('guichet_queue_waiting_jobs{queue="billing.charge-order"} 4');
    expect(text).toContain('guichet_queue_active_jobs{queue="billing.charge-order"} 1');
    expect(text).toContain('guichet_queue_status_updated_seconds{queue="billing.charge-order"} 1795356000');
    expect(queries).toBe(1);
  });

  it('answers the scrape without queue samples when the database cannot be read', async () => {
    const dataSource = { query: async () => Promise.reject(new Error('connection refused')) } as unknown as DataSource;
    const registry = new Registry();
    new QueueStatusMetrics(dataSource).registerMetrics(registry);

    const text = await registry.metrics();

    expect(text).toContain('# TYPE guichet_queue_failed_jobs gauge');
    expect(text).not.toMatch(/guichet_queue_failed_jobs\{/);
  });
});
