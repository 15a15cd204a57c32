import { QueryFailedError } from 'typeorm';

/** The index a PostgreSQL unique_violation hit, or null for any other error. */
export function uniqueViolationOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' ? (driverError.constraint ?? '') : null;
}

/** `bigint` columns come back as strings. */
export function cents(value: string | number | null): number {
  return value === null ? 0 : Number(value);
}
