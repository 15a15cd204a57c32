import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@guichet/shared/application';
import { DataSource, EntityManager } from 'typeorm';

export class NoActiveUnitOfWork extends Error {
  constructor(what: string) {
    super(`${what} must run inside unitOfWork.run(): it writes in the caller's transaction`);
    this.name = 'NoActiveUnitOfWork';
  }
}

/**
 * The unit of work on TypeORM: `run` opens one transaction and keeps its EntityManager in an
 * AsyncLocalStorage, so every repository called from `work` (however deep) joins that transaction
 * through {@link TypeOrmUnitOfWork.manager}.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  get active(): boolean {
    return this.current.getStore() !== undefined;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }

  /** The current transaction's manager; outside a unit of work, the pool's (for reads). */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** The current transaction's manager; throws outside a unit of work (for writes that must join one). */
  transactionManager(what = 'This write'): EntityManager {
    const manager = this.current.getStore();
    if (!manager) throw new NoActiveUnitOfWork(what);
    return manager;
  }
}
