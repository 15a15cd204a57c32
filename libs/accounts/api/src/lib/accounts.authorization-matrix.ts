import { ROLES, STAFF_ROLES, type Role, type StaffRole } from '@guichet/accounts/contracts';
import type { AuthorizationMatrix, Expectation } from '@guichet/shared/auth';

/** A staff member signed in on the portal rather than the back-office. */
export type PortalStaffAudience = `portal:${StaffRole}`;
/**
 * Who calls: signed out, one audience per role (on its own channel: staff on the back-office, the
 * others on the portal), and every staff role signed in on the portal.
 */
export type AccountsAudience = 'anonymous' | Role | PortalStaffAudience;

export const PORTAL_STAFF_AUDIENCES: readonly PortalStaffAudience[] = STAFF_ROLES.map((role): PortalStaffAudience => `portal:${role}`);
export const ACCOUNTS_AUDIENCES: readonly AccountsAudience[] = ['anonymous', ...ROLES, ...PORTAL_STAFF_AUDIENCES];

type Line = Readonly<Record<AccountsAudience, Expectation>>;

/** `portalStaff`: what staff signed in on the portal get; by default the same as on the back-office. */
function line(anonymous: Expectation, roleOutcome: (role: Role) => Expectation, portalStaff?: Expectation): Line {
  return Object.fromEntries([
    ['anonymous', anonymous],
    ...ROLES.map((role) => [role, roleOutcome(role)]),
    ...STAFF_ROLES.map((role) => [`portal:${role}`, portalStaff ?? roleOutcome(role)]),
  ]) as Line;
}

/** Public: anyone, signed in or not. */
const everyone = line('allowed', () => 'allowed');
/** Any signed-in person, on either channel. */
const signedIn = line(401, () => 'allowed');
/**
 * Only these roles, and only on a back-office session; written out here on purpose rather than read
 * from the permission table under test.
 */
const staffOnly = (...roles: StaffRole[]): Line => line(401, (role) => ((roles as Role[]).includes(role) ? 'allowed' : 403), 403);

/**
 * Who may call each Accounts route (`GET /api/auth/csrf` belongs to the shared auth module and is
 * listed here because this context's spec boots it). The spec fails when a route has no line, or a
 * line no route.
 */
export const ACCOUNTS_AUTHORIZATION_MATRIX: AuthorizationMatrix<AccountsAudience> = {
  'GET /api/auth/csrf': everyone,
  'POST /api/auth/sign-in': everyone,
  'POST /api/auth/sign-out': everyone,
  'GET /api/auth/me': signedIn,
  'GET /api/auth/altcha-challenge': everyone,
  'POST /api/auth/password-reset-requests': everyone,
  'POST /api/auth/password-resets': everyone,
  'POST /api/accounts/registrations': everyone,
  'POST /api/accounts/email-confirmations': everyone,
  'GET /api/profile': signedIn,
  'PATCH /api/profile': signedIn,
  'POST /api/profile/password': signedIn,
  'POST /api/profile/email-change-requests': signedIn,
  'POST /api/profile/email-confirmations': everyone,
  'GET /api/admin/accounts': staffOnly('admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance'),
  'POST /api/admin/accounts': staffOnly('admin'),
  'POST /api/admin/accounts/:id/roles': staffOnly('admin'),
  'DELETE /api/admin/accounts/:id/roles/:role': staffOnly('admin'),
  'POST /api/admin/accounts/:id/deactivation': staffOnly('admin'),
  'DELETE /api/admin/accounts/:id/deactivation': staffOnly('admin'),
  'POST /api/admin/accounts/:id/reset-links': staffOnly('admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff'),
  'GET /api/admin/audit-log': staffOnly('admin'),
  'POST /api/admin/trainer-imports': staffOnly('admin', 'card-clerk'),
};
