import type { JobToAdd } from '../queue/job-queue';
import { OutboxRelay, relayBackoff, type OutboxRow, type OutboxStore } from './outbox-relay';

class InMemoryOutboxStore implements OutboxStore {
  readonly rows: (OutboxRow & { published: boolean; attempts: number })[] = [];
  batchesStarted = 0;

  add(eventName: string, count = 1): void {
    for (let i = 0; i < count; i++) {
      const n = this.rows.length + 1;
      const messageId = `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      this.rows.push({ messageId, eventName, occurredAt: '2026-11-22T14:00:00.000Z', payload: { n }, published: false, attempts: 0 });
    }
  }

  get unpublished(): number {
    return this.rows.filter((row) => !row.published).length;
  }

  async publishBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number> {
    this.batchesStarted++;
    const batch = this.rows.filter((row) => !row.published).slice(0, limit);
    if (batch.length === 0) return 0;
    batch.forEach((row) => row.attempts++);
    await publish(batch.map(({ messageId, eventName, occurredAt, payload }) => ({ messageId, eventName, occurredAt, payload })));
    batch.forEach((row) => (row.published = true));
    return batch.length;
  }

  waitForRows(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    return undefined;
  }
}

class FakeQueue {
  readonly jobs: JobToAdd[] = [];
  failuresLeft = 0;
  calls = 0;

  async addMany(jobs: readonly JobToAdd[]): Promise<void> {
    this.calls++;
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('Connection is closed.');
    }
    this.jobs.push(...jobs);
  }
}

const routes: Record<string, string[]> = {
  'billing.invoice-paid.v1': ['card-requests.mark-paid', 'notifications.invoice-paid-mail'],
  'seats.order-placed.v1': ['billing.charge-order'],
};
const silent = { log: () => undefined, warn: () => undefined };

function relayOver(store: InMemoryOutboxStore, queue: FakeQueue, batchSize = 2): OutboxRelay {
  return new OutboxRelay(store, queue, (name) => routes[name] ?? [], silent, {
    batchSize,
    pollIntervalMs: 5,
    minBackoffMs: 1,
    maxBackoffMs: 4,
  });
}

describe('OutboxRelay', () => {
  it('publishes each row to every subscribed consumer queue with the message id as job id', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    store.add('billing.invoice-paid.v1');
    const relay = relayOver(store, queue);

    await relay.publishBatch();

    const messageId = store.rows[0].messageId;
    expect(queue.jobs).toEqual([
      {
        queue: 'card-requests.mark-paid',
        name: 'billing.invoice-paid.v1',
        data: { messageId, eventName: 'billing.invoice-paid.v1', occurredAt: '2026-11-22T14:00:00.000Z', payload: { n: 1 } },
        options: { jobId: messageId },
      },
      expect.objectContaining({ queue: 'notifications.invoice-paid-mail', options: { jobId: messageId } }),
    ]);
    expect(store.unpublished).toBe(0);
    expect(relay.published).toBe(1);
  });

  it('gives the jobs the configured retry policy, keeping the message id as job id', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    store.add('seats.order-placed.v1');
    const retry = { attempts: 3, backoff: { type: 'exponential', delay: 50 } } as const;

    await new OutboxRelay(store, queue, (name) => routes[name] ?? [], silent, { retry }).publishBatch();

    expect(queue.jobs.map((job) => job.options)).toEqual([{ attempts: 3, backoff: { type: 'exponential', delay: 50 }, jobId: store.rows[0].messageId }]);
  });

  it('marks rows nobody subscribes to as published without adding jobs', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    store.add('accounts.account-registered.v1');

    expect(await relayOver(store, queue).publishBatch()).toBe(1);
    expect(queue.jobs).toEqual([]);
    expect(store.unpublished).toBe(0);
  });

  it('takes at most one batch of rows per transaction, oldest first', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    store.add('seats.order-placed.v1', 5);
    const relay = relayOver(store, queue, 2);

    const sizes = [await relay.publishBatch(), await relay.publishBatch(), await relay.publishBatch(), await relay.publishBatch()];

    expect(sizes).toEqual([2, 2, 1, 0]);
    expect(queue.jobs.map((job) => (job.data as { payload: { n: number } }).payload.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps rows unpublished while the queue fails, backs off, and delivers them once it is back', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    queue.failuresLeft = 3;
    store.add('seats.order-placed.v1', 3);
    const relay = relayOver(store, queue, 10);

    relay.start();
    await waitUntil(() => store.unpublished === 0);
    await relay.stop();

    expect(queue.calls).toBe(4);
    expect(store.rows.map((row) => row.attempts)).toEqual([4, 4, 4]);
    expect(queue.jobs.map((job) => job.options?.jobId)).toEqual(store.rows.map((row) => row.messageId));
  });

  it('wakes up for rows written after it started', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    const relay = relayOver(store, queue);
    relay.start();
    store.add('billing.invoice-paid.v1');
    await waitUntil(() => store.unpublished === 0);
    await relay.stop();
    expect(queue.jobs).toHaveLength(2);
  });

  it('finishes the batch in progress when stopped, then stays stopped', async () => {
    const store = new InMemoryOutboxStore();
    const queue = new FakeQueue();
    store.add('seats.order-placed.v1', 6);
    const relay = relayOver(store, queue, 2);

    relay.start();
    await relay.stop();

    expect(store.unpublished).toBe(4);
    expect(relay.isRunning).toBe(false);
    const started = store.batchesStarted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.batchesStarted).toBe(started);
  });
});

describe('relayBackoff', () => {
  it('doubles from the minimum and stops at the maximum', () => {
    const options = { minBackoffMs: 250, maxBackoffMs: 5_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((failures) => relayBackoff(failures, options))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000,
    ]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
