import type { AccountId } from '../account/account-id';
import type { TokenHash } from '../account/token-hash.value-object';
import type { SessionEndReason } from './session.aggregate';
import type { Session } from './session.aggregate';
import type { SessionId } from './session-id';

/**
 * Port: server-side sessions (schema `accounts`, table of `Session.toSnapshot()`; the token column
 * holds the SHA-256 hash, never the cookie value). Sessions record no domain events, so no outbox.
 * Joins the current unit of work when one is active. Expired and revoked rows may be purged after
 * their absolute deadline by a scheduled job.
 */
export abstract class SessionRepository {
  /** The session whose cookie token hashes to `hash`, in any state; null when none. */
  abstract findByTokenHash(hash: TokenHash): Promise<Session | null>;

  /** Inserts or updates (last seen, revocation). */
  abstract save(session: Session): Promise<void>;

  /**
   * Revokes, with `reason` at `now`, every session of the account that is not revoked yet, except
   * `except` (the session the holder is using, e.g. when changing the password). Returns how many.
   */
  abstract revokeAllOf(accountId: AccountId, reason: SessionEndReason, now: Date, except?: SessionId): Promise<number>;
}
