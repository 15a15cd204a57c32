import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7 } from '@guichet/shared/kernel';
import { JobQueue, Outbox, OutboxRelayService, QueueStatusMetrics } from '../src';
import { ConcurrentUpdate, TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { exited, spawnFixtureWorker } from './support/processes';
import {
  handlerBehaviour,
  TEST_CONSUMER,
  TEST_RETRY,
  Thing,
  ThingRepository,
  ThingDoneV1,
  startTestContext,
} from './support/test-context';
import { createTestDatabase, waitFor } from './support/test-database';

const backends: [string, string | undefined][] = [
  ['redis', process.env['REDIS_URL']],
  ['postgres', undefined],
];

describe.each(backends)('messaging on the %s backend', (backendName, redisUrl) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: INestApplicationContext;
  let db: DataSource;
  const redisPrefix = `test-${uuidv7()}`;

  beforeAll(async () => {
    if (backendName === 'redis' && !redisUrl) throw new Error('REDIS_URL must point at a redis-server');
    database = await createTestDatabase(`msg_${backendName}`);
    api = await startTestContext({ role: 'api', databaseUrl: database.url, redisUrl, redisPrefix });
    db = api.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    await db.query(`TRUNCATE public.things, public.effects, messaging.outbox, messaging.inbox, messaging.queue_status`);
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await db.query(sql, params))[0].count);
  const effectsPerMessage = async (): Promise<number[]> =>
    (await db.query(`SELECT count(*)::int AS n FROM public.effects GROUP BY message_id`)).map((row: { n: number }) => row.n);

  async function submitThings(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const thing = Thing.create(`thing ${i}`);
      await api.get(ThingRepository).save(thing);
      ids.push(thing.id);
    }
    return ids;
  }

  it('reports which backend it uses and answers ping', async () => {
    const queue = api.get(JobQueue);
    expect(queue.backendName).toBe(backendName);
    await expect(queue.ping()).resolves.toBeUndefined();
  });

  describe('state and events commit together', () => {
    it('commits the aggregate and its outbox row in one transaction', async () => {
      const [id] = await submitThings(1);
      expect(await count(`SELECT count(*) FROM public.things WHERE id = $1`, [id])).toBe(1);
      const rows = await db.query(`SELECT event_name, payload, published_at FROM messaging.outbox`);
      expect(rows).toEqual([{ event_name: 'testing.thing-done.v1', payload: { thingId: id, label: 'thing 0' }, published_at: null }]);
    });

    it('leaves neither state nor event when the transaction fails after the state is written', async () => {
      const uow = api.get(TypeOrmUnitOfWork);
      const thing = Thing.create('doomed');
      await expect(
        uow.run(async () => {
          await api.get(ThingRepository).save(thing);
          expect(await count(`SELECT count(*) FROM public.things`)).toBe(0); // another connection: not visible yet
          throw new Error('boom after the state write');
        }),
      ).rejects.toThrow('boom after the state write');
      expect(await count(`SELECT count(*) FROM public.things`)).toBe(0);
      expect(await count(`SELECT count(*) FROM messaging.outbox`)).toBe(0);
    });

    it('rolls the state back when the event is refused (payload not plain JSON)', async () => {
      const uow = api.get(TypeOrmUnitOfWork);
      const bad = { ...ThingDoneV1.create({ thingId: uuidv7(), label: 'x' }, { occurredAt: new Date() }), payload: { at: new Date() } };
      await expect(
        uow.run(async () => {
          await uow.manager.query(`INSERT INTO public.things (id, label, version) VALUES ($1, 'half', 1)`, [uuidv7()]);
          await api.get(Outbox).add([bad]);
        }),
      ).rejects.toThrow(/plain JSON/);
      expect(await count(`SELECT count(*) FROM public.things`)).toBe(0);
      expect(await count(`SELECT count(*) FROM messaging.outbox`)).toBe(0);
    });

    it('lets one of two concurrent saves of the same aggregate win; the other gets a conflict and writes no event', async () => {
      const things = api.get(ThingRepository);
      const original = Thing.create('original');
      await things.save(original);
      expect(original.version).toBe(1);
      expect(original.hasPendingEvents()).toBe(false);

      const [first, second] = await Promise.all([things.get(original.id), things.get(original.id)]);
      first.rename('first');
      second.rename('second');
      const outcomes = await Promise.allSettled([things.save(first), things.save(second)]);

      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [[first, second][i]] : []));
      const losers = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [{ thing: [first, second][i], error: outcome.reason as unknown }] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const [winner] = winners;
      const [loser] = losers;
      expect(loser.error).toBeInstanceOf(ConcurrentUpdate);
      expect(loser.error).toMatchObject({ code: 'PERSISTENCE.CONCURRENT_UPDATE', kind: 'conflict' });
      // The winner took the new version and forgot its events; the loser is as it was, events pending.
      expect([winner.version, winner.hasPendingEvents()]).toEqual([2, false]);
      expect([loser.thing.version, loser.thing.hasPendingEvents()]).toEqual([1, true]);

      expect(await db.query(`SELECT label, version FROM public.things`)).toEqual([{ label: winner.label, version: 2 }]);
      const renamed = await db.query(`SELECT payload FROM messaging.outbox WHERE event_name = 'testing.thing-renamed.v1'`);
      expect(renamed).toEqual([{ payload: { thingId: original.id, label: winner.label } }]);
    });

    it('refuses to write the outbox outside a unit of work', async () => {
      const event = ThingDoneV1.create({ thingId: uuidv7(), label: 'x' }, { occurredAt: new Date() });
      await expect(api.get(Outbox).add([event])).rejects.toThrow(/unitOfWork\.run/);
    });
  });

  it('retries the job of a worker process killed mid-job, and its effect happens once', async () => {
    const env = { FIXTURE_DATABASE_URL: database.url, FIXTURE_REDIS_URL: redisUrl ?? '', FIXTURE_REDIS_PREFIX: redisPrefix };
    const [thingId] = await submitThings(1);
    const hanging = spawnFixtureWorker({ ...env, HANG: '1' });
    try {
      await waitFor('the first worker to start the job', async () => hanging.lines.some((line) => line.startsWith('HANGING')), 30_000);
      hanging.kill('SIGKILL');
      await exited(hanging);
    } finally {
      hanging.kill('SIGKILL');
    }
    expect(await count(`SELECT count(*) FROM public.effects`)).toBe(0); // its transaction died with it

    const healthy = spawnFixtureWorker(env);
    try {
      await waitFor('the retried job to take effect', async () => (await count(`SELECT count(*) FROM public.effects`)) > 0, 30_000);
      // Leave time for a wrong second delivery to show up.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const effects = await db.query(`SELECT thing_id, pid FROM public.effects`);
      expect(effects).toEqual([{ thing_id: thingId, pid: healthy.pid }]);
      expect(await count(`SELECT count(*) FROM messaging.inbox WHERE consumer = $1`, [TEST_CONSUMER])).toBe(1);
    } finally {
      healthy.kill('SIGTERM');
      await exited(healthy);
    }
  });

  it('delivers each pending event once across relay stops, restarts and republishing', async () => {
    const worker = await startTestContext({ role: 'worker', databaseUrl: database.url, redisUrl, redisPrefix, relayBatchSize: 20 });
    try {
      const relay = worker.get(OutboxRelayService);
      await relay.stop();
      await submitThings(100);
      // Stopping lets the batch in progress finish: exactly one batch of 20 goes out.
      relay.start();
      await relay.stop();
      expect(await count(`SELECT count(*) FROM messaging.outbox WHERE published_at IS NULL`)).toBe(80);
      // As if the relay had crashed after publishing but before marking: these get published twice.
      await db.query(`UPDATE messaging.outbox SET published_at = NULL WHERE id IN (SELECT id FROM messaging.outbox WHERE published_at IS NOT NULL ORDER BY id LIMIT 10)`);
      relay.start();
      await waitFor('every event to be consumed', async () => (await count(`SELECT count(*) FROM messaging.inbox`)) === 100);
      await waitFor('the relay to mark everything published', async () => (await count(`SELECT count(*) FROM messaging.outbox WHERE published_at IS NULL`)) === 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const perMessage = await effectsPerMessage();
      expect(perMessage).toHaveLength(100);
      expect(perMessage.every((n) => n === 1)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('lets the active job finish when the worker shuts down', async () => {
    const worker = await startTestContext({ role: 'worker', databaseUrl: database.url, redisUrl, redisPrefix });
    let started = false;
    handlerBehaviour.slowMs = 1_500;
    handlerBehaviour.onStart = () => (started = true);
    try {
      await submitThings(1);
      await waitFor('the job to start', async () => started);
      expect(await count(`SELECT count(*) FROM public.effects`)).toBe(0); // not committed yet
      await worker.close();
      expect(await count(`SELECT count(*) FROM public.effects`)).toBe(1);
      expect(await count(`SELECT count(*) FROM messaging.inbox`)).toBe(1);
    } finally {
      handlerBehaviour.slowMs = 0;
      handlerBehaviour.onStart = () => undefined;
      await worker.close();
    }
  });
  describe('failures', () => {
    let worker: INestApplicationContext;
    let queue: JobQueue;

    beforeAll(async () => {
      worker = await startTestContext({ role: 'worker', databaseUrl: database.url, redisUrl, redisPrefix });
      queue = worker.get(JobQueue);
    });

    afterAll(async () => {
      handlerBehaviour.failWith = undefined;
      handlerBehaviour.onStart = () => undefined;
      await worker?.close();
    });

    const failedJob = async (id: string) => (await queue.failedJobs(TEST_CONSUMER)).find((job) => job.id === id);

    it('retries a throwing handler with exponential backoff, then keeps the job as failed and visible; nothing is lost', async () => {
      const tries: number[] = [];
      const failedBefore = await queue.failedCount(TEST_CONSUMER);
      handlerBehaviour.failWith = 'the ledger is closed';
      handlerBehaviour.onStart = () => tries.push(Date.now());
      try {
        const [thingId] = await submitThings(1);
        const [{ id: messageId }] = await db.query(`SELECT id FROM messaging.outbox`);
        await waitFor('the job to use its attempts and fail', async () => (await failedJob(messageId)) !== undefined, 8_000);

        expect(tries).toHaveLength(TEST_RETRY.attempts);
        const gaps = tries.slice(1).map((at, i) => at - tries[i]);
        gaps.forEach((gap, i) => {
          const backoff = TEST_RETRY.backoff.delay * 2 ** i; // 250, 500, 1000 ms
          expect(gap).toBeGreaterThanOrEqual(backoff - 5);
          // Generous: the machine may be busy; a fixed or missing backoff still fails the bounds.
          expect(gap).toBeLessThan(backoff + 1_500);
        });
        expect(gaps[1]).toBeGreaterThan(gaps[0]);
        expect(gaps[2]).toBeGreaterThan(gaps[1]);

        expect(await failedJob(messageId)).toMatchObject({
          name: 'testing.thing-done.v1',
          failedReason: 'the ledger is closed',
          attemptsMade: TEST_RETRY.attempts,
          data: { messageId, eventName: 'testing.thing-done.v1', payload: { thingId, label: 'thing 0' } },
        });
        expect(await queue.failedCount(TEST_CONSUMER)).toBe(failedBefore + 1);
        // The event was handed over (the outbox row stays published) and every try rolled back.
        expect(await count(`SELECT count(*) FROM messaging.outbox WHERE published_at IS NOT NULL`)).toBe(1);
        expect(await count(`SELECT count(*) FROM public.effects`)).toBe(0);
        expect(await count(`SELECT count(*) FROM messaging.inbox`)).toBe(0);
      } finally {
        handlerBehaviour.failWith = undefined;
        handlerBehaviour.onStart = () => undefined;
      }
    });

    it('fails a malformed job at once, without retries, and shows it in the failed-jobs gauge', async () => {
      let handled = 0;
      handlerBehaviour.onStart = () => handled++;
      const failedBefore = await queue.failedCount(TEST_CONSUMER);
      const jobId = uuidv7();
      // Retried, it would still be waiting for its 5 s backoff when the wait below gives up.
      await api.get(JobQueue).add(TEST_CONSUMER, 'testing.thing-done.v1', { messageId: 'not-a-uuid', payload: 'oops' }, {
        jobId,
        attempts: 3,
        backoff: { type: 'fixed', delay: 5_000 },
      });
      await waitFor('the malformed job to fail', async () => (await failedJob(jobId)) !== undefined, 3_000);

      const failed = await failedJob(jobId);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/messageId/);
      expect(handled).toBe(0);
      const failedNow = failedBefore + 1;
      expect(await queue.failedCount(TEST_CONSUMER)).toBe(failedNow);

      // The worker writes the counts every 200 ms here (15 s by default); the api's gauge reads them.
      await waitFor('the worker to report the failed job', async () =>
        (await count(`SELECT count(*) FROM messaging.queue_status WHERE queue = $1 AND failed = $2`, [TEST_CONSUMER, failedNow])) === 1,
      5_000);
      const registry = new Registry();
      api.get(QueueStatusMetrics).registerMetrics(registry);
      const scrape = await registry.metrics();
      expect(scrape).toContain(`guichet_queue_failed_jobs{queue="${TEST_CONSUMER}"} ${failedNow}`);
      expect(scrape).toContain(`guichet_queue_waiting_jobs{queue="${TEST_CONSUMER}"} 0`);
      expect(scrape).toMatch(new RegExp(`guichet_queue_status_updated_seconds\\{queue="${TEST_CONSUMER}"\\} \\d{10}`));
    });
  });

  it('delivers each event exactly once with two relays running side by side', async () => {
    const workers = await Promise.all(
      [1, 2].map(() => startTestContext({ role: 'worker', databaseUrl: database.url, redisUrl, redisPrefix, relayBatchSize: 5 })),
    );
    try {
      const relays = workers.map((worker) => worker.get(OutboxRelayService));
      await Promise.all(relays.map((relay) => relay.stop()));
      const before = relays.map((relay) => relay.published);
      const n = 60;
      await submitThings(n);
      relays.forEach((relay) => relay.start());

      await waitFor('every event to be consumed', async () => (await count(`SELECT count(*) FROM messaging.inbox`)) === n);
      await waitFor('every row to be marked published', async () => (await count(`SELECT count(*) FROM messaging.outbox WHERE published_at IS NULL`)) === 0);
      await new Promise((resolve) => setTimeout(resolve, 500));

      // Both relays worked, and SKIP LOCKED gave each row to one of them only.
      const shares = relays.map((relay, i) => relay.published - before[i]);
      expect(shares.every((share) => share > 0)).toBe(true);
      expect(shares[0] + shares[1]).toBe(n);
      expect(await count(`SELECT count(*) FROM messaging.outbox WHERE publish_attempts <> 1`)).toBe(0);
      const perMessage = await effectsPerMessage();
      expect(perMessage).toHaveLength(n);
      expect(perMessage.every((effects) => effects === 1)).toBe(true);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });
});
