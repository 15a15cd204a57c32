/**
 * The roles an account can hold. The same names are the public language of `@guichet/accounts/contracts`
 * (`ROLES` there); the domain cannot import contracts, so an application spec checks both lists match.
 */
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

/** Roles that give access to the back-office. */
export const STAFF_ROLES = ['admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles a person may give themself on « Pas un membre? Inscrivez-vous! ». */
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
