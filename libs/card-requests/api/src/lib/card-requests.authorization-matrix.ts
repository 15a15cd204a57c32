import { ROLES, STAFF_ROLES, type Role, type StaffRole } from '@guichet/accounts/contracts';
import type { AuthorizationMatrix, Expectation } from '@guichet/shared/auth';

/** Who calls: signed out, each role on its own channel (staff on the back-office), and staff on the portal. */
export type CardRequestsAudience = 'anonymous' | Role | `portal:${StaffRole}`;

export const CARD_REQUESTS_AUDIENCES: readonly CardRequestsAudience[] = [
  'anonymous',
  ...ROLES,
  ...STAFF_ROLES.map((role): CardRequestsAudience => `portal:${role}`),
];

type Line = Readonly<Record<CardRequestsAudience, Expectation>>;

function line(anonymous: Expectation, outcome: (audience: Exclude<CardRequestsAudience, 'anonymous'>) => Expectation): Line {
  return Object.fromEntries(CARD_REQUESTS_AUDIENCES.map((audience) => [audience, audience === 'anonymous' ? anonymous : outcome(audience)])) as Line;
}

/** Trainers only (on the portal); whose request it is, the handler decides (404 for another trainer's). */
const trainer = line(401, (audience) => (audience === 'trainer' ? 'allowed' : 403));
/** The card desk, reading: `card-clerk` and `finance` on a back-office session. */
const deskReads = line(401, (audience) => (audience === 'card-clerk' || audience === 'finance' ? 'allowed' : 403));
/** The card desk, acting: `card-clerk` on a back-office session. */
const deskActs = line(401, (audience) => (audience === 'card-clerk' ? 'allowed' : 403));
/** Anyone, signed in or not. */
const everyone = line('allowed', () => 'allowed');

export const CARD_REQUESTS_AUTHORIZATION_MATRIX: AuthorizationMatrix<CardRequestsAudience> = {
  'GET /api/card-requests': trainer,
  'GET /api/card-requests/reference-data': trainer,
  'GET /api/card-requests/me/trainer': trainer,
  'POST /api/card-requests': trainer,
  'GET /api/card-requests/:id': trainer,
  'PUT /api/card-requests/:id': trainer,
  'POST /api/card-requests/:id/participants': trainer,
  'PUT /api/card-requests/:id/participants/:pid': trainer,
  'DELETE /api/card-requests/:id/participants/:pid': trainer,
  'POST /api/card-requests/:id/submission': trainer,
  'GET /api/card-requests/:id/invoice.pdf': trainer,
  'GET /api/card-requests/staff/requests': deskReads,
  'GET /api/card-requests/staff/requests/:id': deskReads,
  'POST /api/card-requests/staff/requests/:id/cards': deskActs,
  'GET /api/card-requests/staff/requests/:id/cards.pdf': deskReads,
  'POST /api/card-requests/staff/requests/:id/shipment': deskActs,
  'POST /api/card-requests/staff/requests/:id/cancellation': deskActs,
  'POST /api/card-requests/staff/requests/:id/participant-imports': deskActs,
  'GET /api/card-requests/staff/participants': deskReads,
  'POST /api/card-requests/staff/requests/:id/participants/:pid/reissue': deskActs,
  'GET /api/card-requests/staff/reference-data': deskReads,
  'PUT /api/card-requests/staff/reference-data': deskActs,
  'GET /api/card-requests/verification/:code': everyone,
};
