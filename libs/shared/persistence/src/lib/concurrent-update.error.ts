import { DomainError } from '@guichet/shared/kernel';

/**
 * Optimistic concurrency: the aggregate changed in the database since it was loaded (its stored
 * version is no longer the one the caller read), so the save was refused and nothing was written.
 * The caller reloads and tries again, or reports the conflict (HTTP 409).
 */
export class ConcurrentUpdate extends DomainError {
  static readonly code = 'PERSISTENCE.CONCURRENT_UPDATE';
  readonly code = ConcurrentUpdate.code;
  readonly kind = 'conflict';

  constructor(
    readonly table: string,
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(
      {
        fr: 'Ces données ont été modifiées entre-temps par une autre opération. Rechargez-les et recommencez.',
        en: 'This data was changed in the meantime by another operation. Reload it and try again.',
      },
      // The id is the aggregate's technical id (a UUID), never a personal value.
      { table, id, expectedVersion },
    );
  }
}
