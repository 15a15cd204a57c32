import type { SessionEndReason, SessionSnapshot, SignInChannel } from '@guichet/accounts/domain';

/** A row of `accounts.sessions`: the SHA-256 of the cookie's token, never the token. */
export interface SessionRow {
  readonly id: string;
  readonly version: number;
  readonly token_hash: string;
  readonly account_id: string;
  readonly channel: string;
  readonly remember_me: boolean;
  readonly created_at: Date;
  readonly last_seen_at: Date;
  readonly idle_timeout_ms: number;
  readonly absolute_expires_at: Date;
  readonly revoked_at: Date | null;
  readonly revoked_reason: string | null;
}

export function toSessionSnapshot(row: SessionRow): SessionSnapshot {
  return {
    id: row.id,
    version: row.version,
    tokenHash: row.token_hash,
    accountId: row.account_id,
    channel: row.channel as SignInChannel,
    rememberMe: row.remember_me,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleTimeoutMs: row.idle_timeout_ms,
    absoluteExpiresAt: row.absolute_expires_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason as SessionEndReason | null,
  };
}

/** Values for `INSERT INTO accounts.sessions (...)` in {@link SESSION_COLUMNS} order. */
export function sessionValues(s: SessionSnapshot, version: number): unknown[] {
  return [
    s.id,
    version,
    s.tokenHash,
    s.accountId,
    s.channel,
    s.rememberMe,
    s.createdAt,
    s.lastSeenAt,
    s.idleTimeoutMs,
    s.absoluteExpiresAt,
    s.revokedAt,
    s.revokedReason,
  ];
}

export const SESSION_COLUMNS = [
  'id',
  'version',
  'token_hash',
  'account_id',
  'channel',
  'remember_me',
  'created_at',
  'last_seen_at',
  'idle_timeout_ms',
  'absolute_expires_at',
  'revoked_at',
  'revoked_reason',
] as const;
