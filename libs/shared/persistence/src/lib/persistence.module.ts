import {
  type DynamicModule,
  type FactoryProvider,
  Global,
  Injectable,
  Logger,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { UnitOfWork } from '@guichet/shared/application';
import { DataSource } from 'typeorm';
import { dataSourceOptions, PERSISTENCE_OPTIONS, type PersistenceOptions } from './persistence.options';
import { runMigrations } from './run-migrations';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

export interface PersistenceAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: FactoryProvider['inject'];
  // Nest passes the injected values untyped; the factory declares what it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly useFactory: (...args: any[]) => PersistenceOptions | Promise<PersistenceOptions>;
}

/** Closes the pool last: `onApplicationShutdown` runs after every `beforeApplicationShutdown` (queues, workers). */
@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

async function openDataSource(options: PersistenceOptions): Promise<DataSource> {
  const logger = new Logger('Persistence');
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  if (options.migrateOnStart !== false) {
    const ran = await runMigrations(dataSource);
    logger.log(ran.length ? `Ran migrations: ${ran.join(', ')}` : 'Database schema is up to date');
  }
  return dataSource;
}

/**
 * One TypeORM DataSource on PostgreSQL (`synchronize` never on), the migrations of every context run
 * at start, and the unit of work (also provided as the application port `UnitOfWork`). Global: import
 * it once in the app module.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return PersistenceModule.build([{ provide: PERSISTENCE_OPTIONS, useValue: options }]);
  }

  /** For settings read through another module (e.g. the config lib). */
  static forRootAsync(options: PersistenceAsyncOptions): DynamicModule {
    return PersistenceModule.build(
      [{ provide: PERSISTENCE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }],
      options.imports,
    );
  }

  private static build(optionProviders: Provider[], imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: PersistenceModule,
      imports,
      providers: [
        ...optionProviders,
        { provide: DataSource, inject: [PERSISTENCE_OPTIONS], useFactory: openDataSource },
        TypeOrmUnitOfWork,
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        DataSourceCloser,
      ],
      exports: [DataSource, TypeOrmUnitOfWork, UnitOfWork, PERSISTENCE_OPTIONS],
    };
  }
}
