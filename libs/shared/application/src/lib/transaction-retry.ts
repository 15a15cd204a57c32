import { isDomainError } from '@guichet/shared/kernel';
import type { UnitOfWork } from './unit-of-work';

/** `PERSISTENCE.CONCURRENT_UPDATE` (application layers do not import the persistence lib that throws it). */
export function isConcurrentUpdate(error: unknown): boolean {
  return isDomainError(error) && error.code === 'PERSISTENCE.CONCURRENT_UPDATE';
}

/**
 * Runs `work` in its own transaction, again (from a fresh read) when another transaction saved one of
 * its aggregates first, up to `attempts` times with a short jittered pause. Inside an outer unit of work
 * it runs once: the outer caller decides.
 */
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
