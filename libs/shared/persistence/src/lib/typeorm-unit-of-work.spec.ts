import type { DataSource, EntityManager } from 'typeorm';
import { NoActiveUnitOfWork, TypeOrmUnitOfWork } from './typeorm-unit-of-work';

function fakeDataSource() {
  const poolManager = { name: 'pool' } as unknown as EntityManager;
  let opened = 0;
  const dataSource = {
    manager: poolManager,
    transaction: async (work: (manager: EntityManager) => Promise<unknown>) => work({ name: `tx${++opened}` } as unknown as EntityManager),
  } as unknown as DataSource;
  return { dataSource, poolManager, opened: () => opened };
}

const nameOf = (manager: EntityManager) => (manager as unknown as { name: string }).name;

describe('TypeOrmUnitOfWork', () => {
  it('runs the work in one transaction that nested runs join', async () => {
    const { dataSource, opened } = fakeDataSource();
    const uow = new TypeOrmUnitOfWork(dataSource);
    const seen: string[] = [];

    await uow.run(async () => {
      seen.push(nameOf(uow.manager));
      await uow.run(async () => {
        seen.push(nameOf(uow.transactionManager()));
      });
    });

    expect(seen).toEqual(['tx1', 'tx1']);
    expect(opened()).toBe(1);
  });

  it('keeps concurrent units of work apart', async () => {
    const { dataSource } = fakeDataSource();
    const uow = new TypeOrmUnitOfWork(dataSource);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    const names = await Promise.all(
      [1, 2, 3].map(() =>
        uow.run(async () => {
          const before = nameOf(uow.manager);
          await tick();
          return [before, nameOf(uow.manager)];
        }),
      ),
    );
    expect(names.map(([before, after]) => before === after)).toEqual([true, true, true]);
    expect(new Set(names.map(([before]) => before)).size).toBe(3);
  });

  it('reads through the pool outside a unit of work but refuses transactional writes there', () => {
    const { dataSource, poolManager } = fakeDataSource();
    const uow = new TypeOrmUnitOfWork(dataSource);
    expect(uow.active).toBe(false);
    expect(uow.manager).toBe(poolManager);
    expect(() => uow.transactionManager('Outbox.add')).toThrow(NoActiveUnitOfWork);
    expect(() => uow.afterCommit(() => undefined)).toThrow(NoActiveUnitOfWork);
  });

  it('runs after-commit callbacks once the outermost transaction committed, in order', async () => {
    const { dataSource } = fakeDataSource();
    const uow = new TypeOrmUnitOfWork(dataSource);
    const seen: string[] = [];

    await uow.run(async () => {
      uow.afterCommit(() => seen.push('outer'));
      await uow.run(async () => uow.afterCommit(() => seen.push('nested')));
      seen.push('end of work');
    });

    expect(seen).toEqual(['end of work', 'outer', 'nested']);
  });

  it('never runs after-commit callbacks when the transaction fails', async () => {
    const { dataSource } = fakeDataSource();
    const uow = new TypeOrmUnitOfWork(dataSource);
    const seen: string[] = [];

    await expect(
      uow.run(async () => {
        uow.afterCommit(() => seen.push('committed'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(seen).toEqual([]);
  });
});
