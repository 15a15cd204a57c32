/**
 * The audit log's action codes, as GET /api/admin/audit-log returns them. Declared here because web
 * code may not import the node-side contracts; keep in step with AUDIT_ACTIONS in libs/accounts/contracts.
 */
export const AUDIT_ACTIONS = [
  'sign-in-succeeded',
  'sign-in-failed',
  'signed-out',
  'account-registered',
  'email-confirmed',
  'password-reset-requested',
  'password-reset-link-sent',
  'password-reset',
  'password-changed',
  'email-change-requested',
  'email-changed',
  'staff-account-created',
  'trainer-imported',
  'role-granted',
  'role-withdrawn',
  'account-deactivated',
  'account-reactivated',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
