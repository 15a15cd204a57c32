import { DomainError } from '@guichet/shared/kernel';
import { inTransactionWithRetry, isConcurrentUpdate } from './transaction-retry';
import { UnitOfWork } from './unit-of-work';

class ConcurrentUpdate extends DomainError {
  readonly code = 'PERSISTENCE.CONCURRENT_UPDATE';
  readonly kind = 'conflict';
  constructor() {
    super({ fr: 'Modifié entre-temps.', en: 'Changed meanwhile.' });
  }
}

class CountingUnitOfWork extends UnitOfWork {
  runs = 0;
  private depth = 0;
  get active(): boolean {
    return this.depth > 0;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    this.depth++;
    try {
      return await work();
    } finally {
      this.depth--;
    }
  }
}

describe('inTransactionWithRetry', () => {
  it('runs again from the start when another transaction saved first, then succeeds', async () => {
    const uow = new CountingUnitOfWork();
    let calls = 0;
    const result = await inTransactionWithRetry(uow, async () => {
      if (++calls < 3) throw new ConcurrentUpdate();
      return 'saved';
    });
    expect(result).toBe('saved');
    expect(uow.runs).toBe(3);
  });

  it('gives up after the attempts, and never retries another error', async () => {
    const uow = new CountingUnitOfWork();
    await expect(inTransactionWithRetry(uow, async () => Promise.reject(new ConcurrentUpdate()), 2)).rejects.toBeInstanceOf(ConcurrentUpdate);
    expect(uow.runs).toBe(2);
    const other = new Error('boom');
    await expect(inTransactionWithRetry(uow, async () => Promise.reject(other))).rejects.toBe(other);
    expect(uow.runs).toBe(3);
  });

  it('runs once inside an outer unit of work, which decides', async () => {
    const uow = new CountingUnitOfWork();
    let inner = 0;
    await expect(
      uow.run(() =>
        inTransactionWithRetry(uow, async () => {
          inner++;
          throw new ConcurrentUpdate();
        }),
      ),
    ).rejects.toBeInstanceOf(ConcurrentUpdate);
    expect([uow.runs, inner]).toEqual([1, 1]);
  });

  it('recognises the persistence conflict by its code only', () => {
    expect(isConcurrentUpdate(new ConcurrentUpdate())).toBe(true);
    expect(isConcurrentUpdate(new Error('PERSISTENCE.CONCURRENT_UPDATE'))).toBe(false);
  });
});
