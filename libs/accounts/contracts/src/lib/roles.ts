import type { LocalizedMessages } from '@guichet/shared/kernel';

/** Every role, in display order. Other contexts check roles by these names (from the session principal). */
export const ROLES = [
  'trainer',
  'guardian',
  'learner',
  'operator',
  'owner',
  'admin',
  'card-clerk',
  'registrations-staff',
  'exam-staff',
  'seats-staff',
  'finance',
] as const;

export type Role = (typeof ROLES)[number];

/** The back-office roles; a staff account holds only these. */
export const STAFF_ROLES = ['admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The roles offered on « Pas un membre? Inscrivez-vous! ». */
export const SELF_SERVICE_ROLES = ['guardian', 'owner', 'learner'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export function isSelfServiceRole(value: unknown): value is SelfServiceRole {
  return typeof value === 'string' && (SELF_SERVICE_ROLES as readonly string[]).includes(value);
}

/** Names shown on screens, in the manuals' words. */
export const ROLE_LABELS: Readonly<Record<Role, LocalizedMessages>> = Object.freeze({
  trainer: { fr: 'Formateur / moniteur', en: 'Trainer' },
  guardian: { fr: 'Parent', en: 'Parent' },
  learner: { fr: 'Apprenant', en: 'Learner' },
  operator: { fr: 'Opérateur de point de service', en: 'Service point operator' },
  owner: { fr: 'Propriétaire (établissement)', en: 'Owner (establishment)' },
  admin: { fr: 'Administrateur', en: 'Administrator' },
  'card-clerk': { fr: 'Commis aux cartes', en: 'Card clerk' },
  'registrations-staff': { fr: 'Personnel des inscriptions', en: 'Registrations staff' },
  'exam-staff': { fr: 'Personnel des examens', en: 'Exam staff' },
  'seats-staff': { fr: 'Personnel des places', en: 'Seats staff' },
  finance: { fr: 'Finances', en: 'Finance' },
});

/** What staff may do in the Accounts back-office. The HTTP guard and the handlers use the same table. */
export type AccountsPermission =
  | 'accounts.search'
  | 'accounts.manage-staff'
  | 'accounts.send-reset-link'
  | 'accounts.import-trainers'
  | 'accounts.read-audit-log';

export const ACCOUNTS_PERMISSIONS: Readonly<Record<AccountsPermission, readonly StaffRole[]>> = Object.freeze({
  'accounts.search': STAFF_ROLES,
  /** Create staff accounts, grant and withdraw roles, deactivate and reactivate accounts. */
  'accounts.manage-staff': ['admin'],
  'accounts.send-reset-link': ['admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff'],
  'accounts.import-trainers': ['admin', 'card-clerk'],
  'accounts.read-audit-log': ['admin'],
});

/** True when one of `roles` grants `permission`. */
export function hasPermission(roles: readonly string[], permission: AccountsPermission): boolean {
  return ACCOUNTS_PERMISSIONS[permission].some((role) => roles.includes(role));
}
