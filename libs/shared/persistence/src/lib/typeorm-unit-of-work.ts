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

interface Transaction {
  readonly manager: EntityManager;
  readonly afterCommit: (() => void)[];
}

/**
 * The unit of work on TypeORM: `run` opens one transaction and keeps its EntityManager in an
 * AsyncLocalStorage, so every repository called from `work` (however deep) joins that transaction
 * through {@link TypeOrmUnitOfWork.manager}.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  private readonly current = new AsyncLocalStorage<Transaction>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  get active(): boolean {
    return this.current.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active) return work();
    const afterCommit: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => this.current.run({ manager, afterCommit }, work));
    for (const callback of afterCommit) callback();
    return result;
  }

  /** The current transaction's manager; outside a unit of work, the pool's (for reads). */
  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /** The current transaction's manager; throws outside a unit of work (for writes that must join one). */
  transactionManager(what = 'This write'): EntityManager {
    const transaction = this.current.getStore();
    if (!transaction) throw new NoActiveUnitOfWork(what);
    return transaction.manager;
  }

  /**
   * Runs `callback` once the outermost transaction has committed (never when it rolls back), e.g. to
   * tell an aggregate it was persisted. Keep it synchronous and quick: the work already succeeded.
   */
  afterCommit(callback: () => void): void {
    const transaction = this.current.getStore();
    if (!transaction) throw new NoActiveUnitOfWork('afterCommit');
    transaction.afterCommit.push(callback);
  }
}
