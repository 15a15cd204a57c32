import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './persistence.options';

/** Session advisory lock taken while migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK_KEY = 0x47554943; // "GUIC"

/**
 * Runs the pending migrations of an initialized DataSource, each in its own transaction, under an
 * advisory lock. Returns the names of the migrations it ran.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/** `npm run migrate`: connects, migrates, disconnects. */
export async function migrateDatabase(options: PersistenceOptions): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...options, poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
