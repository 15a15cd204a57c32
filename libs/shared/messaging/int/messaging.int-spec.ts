import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7 } from '@guichet/shared/kernel';
import { JobQueue, Outbox, OutboxRelayService } from '../src';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { DataSource } from 'typeorm';
import { exited, spawnFixtureWorker } from './support/processes';
import { handlerBehaviour, TEST_CONSUMER, Thing, ThingRepository, ThingDoneV1, startTestContext } from './support/test-context';
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
    await db.query(`TRUNCATE public.things, public.effects, messaging.outbox, messaging.inbox`);
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
          await uow.manager.query(`INSERT INTO public.things (id, label) VALUES ($1, 'half')`, [uuidv7()]);
          await api.get(Outbox).add([bad]);
        }),
      ).rejects.toThrow(/plain JSON/);
      expect(await count(`SELECT count(*) FROM public.things`)).toBe(0);
      expect(await count(`SELECT count(*) FROM messaging.outbox`)).toBe(0);
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
});
