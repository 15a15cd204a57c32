import { ROLES, type Role } from '@guichet/accounts/contracts';
import type { AuthorizationMatrix, Expectation } from '@guichet/shared/auth';

type Audience = 'anonymous' | Role;
type Line = Readonly<Record<Audience, Expectation>>;

function line(anonymous: Expectation, roleOutcome: (role: Role) => Expectation): Line {
  return Object.fromEntries([['anonymous', anonymous], ...ROLES.map((role) => [role, roleOutcome(role)])]) as Line;
}

/** Public: anyone, signed in or not. */
const everyone = line('allowed', () => 'allowed');
/** Any signed-in person. */
const signedIn = line(401, () => 'allowed');
/** Only these roles; written out here on purpose rather than read from the permission table under test. */
const only = (...roles: Role[]): Line => line(401, (role) => (roles.includes(role) ? 'allowed' : 403));

/**
 * Who may call each Accounts route (`GET /api/auth/csrf` belongs to the shared auth module and is
 * listed here because this context's spec boots it). The spec fails when a route has no line, or a
 * line no route.
 */
export const ACCOUNTS_AUTHORIZATION_MATRIX: AuthorizationMatrix<Audience> = {
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
  'GET /api/admin/accounts': only('admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance'),
  'POST /api/admin/accounts': only('admin'),
  'POST /api/admin/accounts/:id/roles': only('admin'),
  'DELETE /api/admin/accounts/:id/roles/:role': only('admin'),
  'POST /api/admin/accounts/:id/deactivation': only('admin'),
  'DELETE /api/admin/accounts/:id/deactivation': only('admin'),
  'POST /api/admin/accounts/:id/reset-links': only('admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff'),
  'GET /api/admin/audit-log': only('admin'),
  'POST /api/admin/trainer-imports': only('admin', 'card-clerk'),
};
