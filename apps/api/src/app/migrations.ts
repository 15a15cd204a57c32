import { accountsMigrations } from '@guichet/accounts/infrastructure';
import { billingMigrations } from '@guichet/billing/infrastructure';
import { cardRequestsMigrations } from '@guichet/card-requests/infrastructure';
import { authMigrations } from '@guichet/shared/auth';
import { mailMigrations } from '@guichet/shared/mail';
import { messagingMigrations } from '@guichet/shared/messaging';
import type { MigrationClass } from '@guichet/shared/persistence';

/**
 * Every context's migrations, in the order they must run. Each context's infrastructure lib exports its
 * array; add it here when the context arrives.
 */
export const MIGRATIONS: readonly MigrationClass[] = [
  ...messagingMigrations,
  ...mailMigrations,
  ...authMigrations,
  ...accountsMigrations,
  ...billingMigrations,
  ...cardRequestsMigrations,
];
