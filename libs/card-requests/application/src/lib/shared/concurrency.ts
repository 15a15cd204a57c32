import { UnitOfWork } from '@guichet/shared/application';
import { isDomainError } from '@guichet/shared/kernel';

export function isConcurrentUpdate(error: unknown): boolean {
  return isDomainError(error) && error.code === 'PERSISTENCE.CONCURRENT_UPDATE';
}

/** Runs `work` in its own transaction, again from a fresh read when another transaction saved first. */
export async function inTransactionWithRetry<T>(unitOfWork: UnitOfWork, work: () => Promise<T>, attempts = 5): Promise<T> {
  if (unitOfWork.active) return work();
  for (let attempt = 1; ; attempt++) {
    try {
      return await unitOfWork.run(work);
    } catch (error) {
      if (!isConcurrentUpdate(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}
