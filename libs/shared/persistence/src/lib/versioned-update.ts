import type { EntityManager } from 'typeorm';
import { ConcurrentUpdate } from './concurrent-update.error';

/** The stored row of an aggregate, at the version the caller loaded. */
export interface VersionedRow {
  /** `schema.table` (lowercase identifiers); the table has an `id` key and an integer `version` column. */
  readonly table: string;
  readonly id: string;
  /** The version the aggregate was loaded with (`aggregate.version`). */
  readonly expectedVersion: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Optimistic concurrency in one statement:
 * `UPDATE <table> SET <columns>, version = $expected + 1 WHERE id = $1 AND version = $2`.
 * Throws {@link ConcurrentUpdate} when no row matched (another transaction saved first, or the row is
 * gone); its changes are then rolled back with the caller's transaction. Returns the new version.
 *
 * Column names come from code, never from users; they are checked and quoted. Values are bound
 * parameters (pass jsonb values as `JSON.stringify(...)`).
 *
 * ```ts
 * await updateVersioned(manager, { table: 'card_requests.card_requests', id: request.id, expectedVersion: request.version },
 *   { status: snapshot.status, participant_count: snapshot.participants.length });
 * ```
 */
export async function updateVersioned(
  manager: EntityManager,
  row: VersionedRow,
  values: Readonly<Record<string, unknown>>,
): Promise<number> {
  const table = quoteTable(row.table);
  const columns = Object.keys(values);
  if (columns.some((column) => column === 'id' || column === 'version')) {
    throw new Error('updateVersioned sets `version` itself and never changes `id`');
  }
  const assignments = columns.map((column, i) => `${quoteIdentifier(column)} = $${i + 4}`);
  const nextVersion = row.expectedVersion + 1;
  // A concurrent writer holding the row makes this wait; READ COMMITTED then re-checks the WHERE
  // against the committed row, so exactly one of two racing saves matches.
  const result = await manager.query(
    `UPDATE ${table} SET ${[...assignments, 'version = $3'].join(', ')} WHERE id = $1 AND version = $2`,
    [row.id, row.expectedVersion, nextVersion, ...columns.map((column) => values[column])],
  );
  assertOneRowUpdated(affectedRows(result), row);
  return nextVersion;
}

/**
 * For hand-written or query-builder updates (`UpdateResult.affected`): throws {@link ConcurrentUpdate}
 * unless exactly one row was updated.
 */
export function assertOneRowUpdated(affected: number | null | undefined, row: VersionedRow): void {
  if (affected !== 1) throw new ConcurrentUpdate(row.table, row.id, row.expectedVersion);
}

/** TypeORM's PostgreSQL driver answers an UPDATE through `query()` with `[rows, rowCount]`. */
function affectedRows(result: unknown): number | undefined {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : undefined;
}

function quoteTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2) throw new Error(`Not a table name: ${table}`);
  return parts.map(quoteIdentifier).join('.');
}

function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a lowercase SQL identifier: ${name}`);
  return `"${name}"`;
}
