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
