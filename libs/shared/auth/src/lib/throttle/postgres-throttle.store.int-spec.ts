import { DataSource } from 'typeorm';
import { CreateAuthSchema1764100000000 } from './auth.migration';
import { PostgresSpentProofs, PostgresThrottleStore } from './postgres-throttle.store';

/**
 * Against the real PostgreSQL of the test harness (DATABASE_URL). The migration is recorded in the
 * app's migrations table, so other specs on the same database see schema `auth` as it will be; keys
 * carry a per-run prefix instead of dropping anything.
 */
describe('PostgresThrottleStore and PostgresSpentProofs (PostgreSQL)', () => {
  let dataSource: DataSource;
  let store: PostgresThrottleStore;
  let proofs: PostgresSpentProofs;
  const t0 = new Date('2026-03-02T14:00:00.000Z');
  const run = `int-${Date.now()}-`;
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is required (run through the integration harness)');
    dataSource = new DataSource({ type: 'postgres', url, migrations: [CreateAuthSchema1764100000000], migrationsTableName: 'typeorm_migrations' });
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new PostgresThrottleStore(dataSource);
    proofs = new PostgresSpentProofs(dataSource);
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM auth.throttle_counters WHERE key LIKE $1`, [`${run}%`]);
    await dataSource.query(`DELETE FROM auth.spent_proofs WHERE digest LIKE $1`, [`${run}%`]);
    await dataSource.destroy();
  });

  it('counts hits in a window and starts again once it has elapsed', async () => {
    expect(await store.hit(`${run}k1`, 60, at(0))).toEqual({ hits: 1, resetsAt: at(60) });
    expect(await store.hit(`${run}k1`, 60, at(10))).toEqual({ hits: 2, resetsAt: at(60) });
    expect(await store.hit(`${run}k1`, 60, at(61))).toEqual({ hits: 1, resetsAt: at(121) });
  });

  it('loses no hit when replicas count at the same time', async () => {
    // Separate pool connections, as several api replicas would use.
    const results = await Promise.all(Array.from({ length: 40 }, () => store.hit(`${run}k2`, 60, at(0))));
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const [row] = await dataSource.query(`SELECT hits FROM auth.throttle_counters WHERE key = $1`, [`${run}k2`]);
    expect(row.hits).toBe(40);
  });

  it('spends a proof once, even when raced, and again only after it expired', async () => {
    const raced = await Promise.all(Array.from({ length: 10 }, () => proofs.spend(`${run}p1`, at(600), at(0))));
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await proofs.spend(`${run}p1`, at(600), at(599))).toBe(false);
    expect(await proofs.spend(`${run}p1`, at(1200), at(601))).toBe(true);
  });
});
