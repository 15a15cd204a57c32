import type { AuditAction, ClientInfo } from '@guichet/accounts/contracts';
import type { AuditRecord } from '../ports/audit-log';

/** A staff action on someone's account. */
export function staffAction(
  action: AuditAction,
  occurredAt: Date,
  accountId: string,
  actorId: string,
  client: ClientInfo,
  details: AuditRecord['details'] = {},
): AuditRecord {
  return { action, occurredAt, accountId, actorId, identifier: null, client, details };
}
