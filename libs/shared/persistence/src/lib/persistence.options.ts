import type { DataSourceOptions, MixedList } from 'typeorm';

/** A TypeORM migration class, as each context's infrastructure lib exports them. */
export type MigrationClass = new () => { up(...args: never[]): Promise<unknown>; down(...args: never[]): Promise<unknown> };

export interface PersistenceOptions {
  /** PostgreSQL URL; defaults to `process.env.DATABASE_URL`. */
  readonly url?: string;
  /** Every context's migrations (each infrastructure lib exports its array). */
  readonly migrations: readonly MigrationClass[];
  /** TypeORM entities of every context. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities?: MixedList<Function | string>;
  /** Run pending migrations when the module starts (default true; `npm run migrate` does it too). */
  readonly migrateOnStart?: boolean;
  /** Connection pool size (default 10). */
  readonly poolSize?: number;
  /** Shown in pg_stat_activity, e.g. `guichet-api`. */
  readonly applicationName?: string;
}

export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

export function resolveDatabaseUrl(options: Pick<PersistenceOptions, 'url'>): string {
  const url = options.url ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: persistence needs a PostgreSQL URL');
  return url;
}

/** TypeORM options for our PostgreSQL: `synchronize` is never on, the schema is migrations only. */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: resolveDatabaseUrl(options),
    synchronize: false,
    migrationsRun: false,
    migrations: [...options.migrations],
    migrationsTableName: 'typeorm_migrations',
    entities: options.entities ?? [],
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
  };
}
