export { PersistenceModule, type PersistenceAsyncOptions } from './lib/persistence.module';
export {
  PERSISTENCE_OPTIONS,
  dataSourceOptions,
  resolveDatabaseUrl,
  type MigrationClass,
  type PersistenceOptions,
} from './lib/persistence.options';
export { TypeOrmUnitOfWork, NoActiveUnitOfWork } from './lib/typeorm-unit-of-work';
export { runMigrations, migrateDatabase } from './lib/run-migrations';
export { ConcurrentUpdate } from './lib/concurrent-update.error';
export { updateVersioned, assertOneRowUpdated, type VersionedRow } from './lib/versioned-update';
