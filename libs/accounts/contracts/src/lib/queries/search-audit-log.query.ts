import { Query } from '@nestjs/cqrs';
import type { Page } from './read-models';

/** What the security audit log records. */
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

/** One line of the audit log as staff read it. No password, no token, ever. */
export interface AuditEntryView {
  readonly id: string;
  /** ISO 8601 instant. */
  readonly occurredAt: string;
  readonly action: AuditAction;
  /** The account concerned, when known. */
  readonly accountId: string | null;
  /** Who did it, when not the account holder (staff). */
  readonly actorId: string | null;
  /** For failed sign-ins: the identifier as typed (trimmed, at most 254 characters). */
  readonly identifier: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** Plain facts: `{ role: 'admin' }`, `{ reason: 'wrong-password' }`, `{ channel: 'back-office' }`. */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface AuditLogCriteria {
  readonly accountId?: string;
  readonly action?: AuditAction;
  /** ISO 8601 instants, inclusive from, exclusive to. */
  readonly from?: string;
  readonly to?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** Back-office (`accounts.read-audit-log`): newest first. Throws `PermissionDenied`. */
export class SearchAuditLog extends Query<Page<AuditEntryView>> {
  constructor(
    readonly actorId: string,
    readonly criteria: AuditLogCriteria,
  ) {
    super();
  }
}
