import { ROLES, STAFF_ROLES, type Role, type StaffRole } from '@guichet/accounts/contracts';
import type { AuthorizationMatrix, Expectation } from '@guichet/shared/auth';

/** Who calls: signed out, each role on its own channel (staff on the back-office), and staff on the portal. */
export type BillingAudience = 'anonymous' | Role | `portal:${StaffRole}`;

export const BILLING_AUDIENCES: readonly BillingAudience[] = [
  'anonymous',
  ...ROLES,
  ...STAFF_ROLES.map((role): BillingAudience => `portal:${role}`),
];

type Line = Readonly<Record<BillingAudience, Expectation>>;

function line(anonymous: Expectation, outcome: (audience: Exclude<BillingAudience, 'anonymous'>) => Expectation): Line {
  return Object.fromEntries(BILLING_AUDIENCES.map((audience) => [audience, audience === 'anonymous' ? anonymous : outcome(audience)])) as Line;
}

/** A payer's route: any signed-in person; the handler then shows them their own invoices only. */
const signedIn = line(401, () => 'allowed');
/** The finance desk: the `finance` role on a back-office session only. */
const finance = line(401, (audience) => (audience === 'finance' ? 'allowed' : 403));
/** The provider's signed callback: no session needed (the signature is checked by the handler). */
const provider = line('allowed', () => 'allowed');

/**
 * Who may call each Billing route. Ownership (a payer sees only their invoices) is a handler rule,
 * tested separately: here « allowed » means the guard lets the call through.
 */
export const BILLING_AUTHORIZATION_MATRIX: AuthorizationMatrix<BillingAudience> = {
  'GET /api/billing/invoices': signedIn,
  'GET /api/billing/invoices/:id': signedIn,
  'GET /api/billing/invoices/:id/pdf': signedIn,
  'POST /api/billing/invoices/:id/card-checkout': signedIn,
  'POST /api/billing/invoices/:id/card-payments': signedIn,
  'POST /api/billing/invoices/:id/paypal-payments': signedIn,
  'GET /api/billing/payments/:id': signedIn,
  'POST /api/billing/payments/:id/paypal-capture': signedIn,
  'POST /api/billing/payments/:id/cancel': signedIn,
  'POST /api/billing/webhooks/sandbox': provider,
  'GET /api/billing/finance/invoices': finance,
  'POST /api/billing/finance/invoices': finance,
  'GET /api/billing/finance/invoices/:id': finance,
  'GET /api/billing/finance/invoices/:id/pdf': finance,
  'POST /api/billing/finance/invoices/:id/payments': finance,
  'POST /api/billing/finance/payments/:id/refunds': finance,
  'GET /api/billing/finance/held-payments': finance,
  'GET /api/billing/finance/reconciliation': finance,
  'GET /api/billing/finance/exports/invoices.csv': finance,
  'GET /api/billing/finance/exports/payments.csv': finance,
};
