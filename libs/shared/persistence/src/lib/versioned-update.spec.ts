import { isDomainError } from '@guichet/shared/kernel';
import type { EntityManager } from 'typeorm';
import { ConcurrentUpdate } from './concurrent-update.error';
import { updateVersioned } from './versioned-update';

/** A manager whose UPDATE matches `rowCount` rows, the way TypeORM's PostgreSQL driver answers. */
function fakeManager(rowCount: number): { manager: EntityManager; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      calls.push([sql, params]);
      return [[], rowCount];
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

const row = { table: 'testing.things', id: '0195f8a2-0000-7000-8000-000000000001', expectedVersion: 3 };

describe('updateVersioned', () => {
  it('updates the row at the expected version and returns the next version', async () => {
    const { manager, calls } = fakeManager(1);

    await expect(updateVersioned(manager, row, { label: 'new', done_at: null })).resolves.toBe(4);

    expect(calls).toEqual([
      [
        'UPDATE "testing"."things" SET "label" = $4, "done_at" = $5, version = $3 WHERE id = $1 AND version = $2',
        [row.id, 3, 4, 'new', null],
      ],
    ]);
  });

  it('throws a coded conflict, in French and English, when no row is at that version', async () => {
    const { manager } = fakeManager(0);

    const error: unknown = await updateVersioned(manager, row, { label: 'new' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConcurrentUpdate);
    expect(isDomainError(error)).toBe(true);
    const conflict = error as ConcurrentUpdate;
    expect([conflict.code, conflict.kind]).toEqual(['PERSISTENCE.CONCURRENT_UPDATE', 'conflict']);
    expect(conflict.messageIn('fr')).toMatch(/modifiées entre-temps/);
    expect(conflict.messageIn('en')).toMatch(/changed in the meantime/);
    expect(conflict.details).toEqual({ table: 'testing.things', id: row.id, expectedVersion: 3 });
  });

  it.each([
    ['a table name that is not an identifier', { ...row, table: 'things; DROP TABLE x' }, { label: 'x' }],
    ['a column name that is not an identifier', row, { 'label = 1 --': 'x' }],
    ['setting the version by hand', row, { version: 9 }],
  ])('refuses %s and sends nothing', async (_case, target, values) => {
    const { manager, calls } = fakeManager(1);
    await expect(updateVersioned(manager, target, values)).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
