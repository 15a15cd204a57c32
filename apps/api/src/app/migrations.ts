import { messagingMigrations } from '@guichet/shared/messaging';
import type { MigrationClass } from '@guichet/shared/persistence';

/**
 * Every context's migrations, in the order they must run. Each context's infrastructure lib exports its
 * array; add it here when the context arrives (the worker runs the same list).
 */
export const MIGRATIONS: readonly MigrationClass[] = [...messagingMigrations];
