import { AggregateRoot } from '@guichet/shared/kernel';
import { AccountId } from '../account/account-id';
import type { SignInChannel } from '../account/account.aggregate';
import { TokenHash } from '../account/token-hash.value-object';
import { SessionId } from './session-id';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionTimeouts {
  /** Ends after this long without a request. */
  readonly idleMs: number;
  /** Ends this long after sign-in, however active. */
  readonly absoluteMs: number;
}

/**
 * Standard sessions: 30 minutes idle, 12 hours in all (ASVS 3.3.2, level 2). « Restez connecté pour
 * 14 jours » extends the absolute timeout to 14 days and the idle one to 7 days: a product choice
 * from the manual's wording, which ASVS level 2 would cap at 12 hours; the back-office never offers it.
 */
export const SESSION_TIMEOUTS: Readonly<{ standard: SessionTimeouts; remembered: SessionTimeouts }> = Object.freeze({
  standard: Object.freeze({ idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR }),
  remembered: Object.freeze({ idleMs: 7 * DAY, absoluteMs: 14 * DAY }),
});

/** `lastSeenAt` is written at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_GRANULARITY_MS = MINUTE;

export type SessionEndReason = 'signed-out' | 'rotated' | 'password-changed' | 'password-reset' | 'account-deactivated';

export type SessionState = 'active' | 'idle-timeout' | 'absolute-timeout' | 'revoked';

export interface SessionSnapshot {
  readonly id: string;
  readonly version: number;
  /** SHA-256 hex of the cookie's token. */
  readonly tokenHash: string;
  readonly accountId: string;
  readonly channel: SignInChannel;
  readonly rememberMe: boolean;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleTimeoutMs: number;
  readonly absoluteExpiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: SessionEndReason | null;
}

/**
 * A signed-in browser. The cookie holds a random token; the server keeps only its hash, so the
 * session table cannot be replayed. A new session (new token) is opened at every sign-in, which is
 * the rotation that defeats session fixation.
 */
export class Session extends AggregateRoot<SessionId> {
  private constructor(
    id: SessionId,
    readonly tokenHash: TokenHash,
    readonly accountId: AccountId,
    readonly channel: SignInChannel,
    readonly rememberMe: boolean,
    readonly createdAt: Date,
    private lastSeen: Date,
    readonly idleTimeoutMs: number,
    readonly absoluteExpiresAt: Date,
    private revoked: { at: Date; reason: SessionEndReason } | null,
    version = 0,
  ) {
    super(id, version);
  }

  /** `rememberMe` is honoured on the portal only. */
  static open(props: {
    id: SessionId;
    tokenHash: TokenHash;
    accountId: AccountId;
    channel: SignInChannel;
    rememberMe: boolean;
    now: Date;
  }): Session {
    const rememberMe = props.rememberMe && props.channel === 'portal';
    const timeouts = rememberMe ? SESSION_TIMEOUTS.remembered : SESSION_TIMEOUTS.standard;
    const now = new Date(props.now.getTime());
    return new Session(
      props.id,
      props.tokenHash,
      props.accountId,
      props.channel,
      rememberMe,
      now,
      new Date(now.getTime()),
      timeouts.idleMs,
      new Date(now.getTime() + timeouts.absoluteMs),
      null,
    );
  }

  static restore(snapshot: SessionSnapshot): Session {
    return new Session(
      SessionId.from(snapshot.id),
      TokenHash.fromStored(snapshot.tokenHash),
      AccountId.from(snapshot.accountId),
      snapshot.channel,
      snapshot.rememberMe,
      new Date(snapshot.createdAt.getTime()),
      new Date(snapshot.lastSeenAt.getTime()),
      snapshot.idleTimeoutMs,
      new Date(snapshot.absoluteExpiresAt.getTime()),
      snapshot.revokedAt === null || snapshot.revokedReason === null
        ? null
        : { at: new Date(snapshot.revokedAt.getTime()), reason: snapshot.revokedReason },
      snapshot.version,
    );
  }

  get lastSeenAt(): Date {
    return new Date(this.lastSeen.getTime());
  }

  get revokedAt(): Date | null {
    return this.revoked === null ? null : new Date(this.revoked.at.getTime());
  }

  get revokedReason(): SessionEndReason | null {
    return this.revoked?.reason ?? null;
  }

  /** Revoked first, then the absolute timeout, then the idle one; both deadlines are exclusive. */
  stateAt(now: Date): SessionState {
    if (this.revoked !== null) return 'revoked';
    if (now.getTime() >= this.absoluteExpiresAt.getTime()) return 'absolute-timeout';
    if (now.getTime() >= this.lastSeen.getTime() + this.idleTimeoutMs) return 'idle-timeout';
    return 'active';
  }

  isActiveAt(now: Date): boolean {
    return this.stateAt(now) === 'active';
  }

  /** When the session ends if no request comes: the earlier of the idle and the absolute deadline. */
  expiresAt(): Date {
    return new Date(Math.min(this.lastSeen.getTime() + this.idleTimeoutMs, this.absoluteExpiresAt.getTime()));
  }

  /**
   * Notes a request at `now` on an active session. Returns true when `lastSeenAt` moved (by
   * {@link SESSION_TOUCH_GRANULARITY_MS} or more) and the session should be saved; false otherwise,
   * including for a session that is no longer active (check {@link Session.stateAt} first).
   */
  touch(now: Date): boolean {
    if (!this.isActiveAt(now)) return false;
    if (now.getTime() - this.lastSeen.getTime() < SESSION_TOUCH_GRANULARITY_MS) return false;
    this.lastSeen = new Date(now.getTime());
    return true;
  }

  /** Ends the session on the server; the first reason is kept. Returns whether it changed. */
  revoke(reason: SessionEndReason, now: Date): boolean {
    if (this.revoked !== null) return false;
    this.revoked = { at: new Date(now.getTime()), reason };
    return true;
  }

  toSnapshot(): SessionSnapshot {
    return {
      id: this.id.value,
      version: this.version,
      tokenHash: this.tokenHash.value,
      accountId: this.accountId.value,
      channel: this.channel,
      rememberMe: this.rememberMe,
      createdAt: new Date(this.createdAt.getTime()),
      lastSeenAt: this.lastSeenAt,
      idleTimeoutMs: this.idleTimeoutMs,
      absoluteExpiresAt: new Date(this.absoluteExpiresAt.getTime()),
      revokedAt: this.revokedAt,
      revokedReason: this.revokedReason,
    };
  }
}
