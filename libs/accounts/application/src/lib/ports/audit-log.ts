import type { AuditAction, AuditEntryView, AuditLogCriteria, ClientInfo, Page } from '@guichet/accounts/contracts';

/** One security event to record. Never a password, a hash or a token: only ids and plain facts. */
export interface AuditRecord {
  readonly action: AuditAction;
  readonly occurredAt: Date;
  readonly accountId: string | null;
  /** The staff member acting on someone else's account; null when the holder acts. */
  readonly actorId: string | null;
  /** For sign-in and reset requests: what was typed to find the account (trimmed, cut at 254). */
  readonly identifier: string | null;
  readonly client: ClientInfo;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Port: the security audit log (an append-only table in schema `accounts`). `record` joins the
 * current unit of work when one is active (the entry commits with the change it describes) and
 * writes on its own otherwise (failed sign-ins, which change nothing else).
 */
export abstract class AuditLog {
  abstract record(entry: AuditRecord): Promise<void>;

  /** Newest first; `pageSize` already clamped to 1..100 by the caller. */
  abstract search(criteria: AuditLogCriteria): Promise<Page<AuditEntryView>>;
}

/** Keeps typed identifiers short in the log. */
export function auditIdentifier(raw: string): string {
  return raw.trim().slice(0, 254);
}
