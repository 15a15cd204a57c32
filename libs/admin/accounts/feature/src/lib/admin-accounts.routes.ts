import type { Routes } from '@angular/router';
import { sessionGuard } from '@guichet/portal/accounts/data-access';
import { ACCOUNT_PATHS } from '@guichet/portal/accounts/feature';

/** The back-office's user administration paths (under the base href `/admin/`). */
export const ADMIN_ACCOUNT_PATHS = {
  users: '/utilisateurs',
  createStaff: '/utilisateurs/nouveau',
  auditLog: '/journal',
  trainerImport: '/formateurs/importation',
} as const;

const path = (full: string): string => full.replace(/^\//, '');
const guard = sessionGuard(ACCOUNT_PATHS.signIn);

/** Every page needs a staff session; the API checks each permission again. */
export const adminAccountRoutes: Routes = [
  {
    path: path(ADMIN_ACCOUNT_PATHS.createStaff),
    title: 'adminAccounts.create.title',
    canActivate: [guard],
    loadComponent: () => import('./create-staff/create-staff.page').then((m) => m.CreateStaffPage),
  },
  {
    path: path(ADMIN_ACCOUNT_PATHS.users),
    title: 'adminAccounts.users.title',
    canActivate: [guard],
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: path(ADMIN_ACCOUNT_PATHS.auditLog),
    title: 'adminAccounts.audit.title',
    canActivate: [guard],
    loadComponent: () => import('./audit-log/audit-log.page').then((m) => m.AuditLogPage),
  },
  {
    path: path(ADMIN_ACCOUNT_PATHS.trainerImport),
    title: 'adminAccounts.import.title',
    canActivate: [guard],
    loadComponent: () => import('./trainer-import/trainer-import.page').then((m) => m.TrainerImportPage),
  },
];
