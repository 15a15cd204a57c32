import type { Email } from '@guichet/shared/kernel';
import { LinkAlreadyUsed, LinkExpired } from './accounts.errors';
import type { TokenHash } from './token-hash.value-object';

/** What a link sent by mail lets its holder do. */
export type ActionTokenPurpose = 'email-confirmation' | 'password-reset' | 'email-change' | 'set-password';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long each link works. Password reset: 30 minutes (the issue). Confirming an address: 24 hours
 * (the mail may arrive late or be read the next morning). Setting the first password of an imported
 * trainer or a new staff member: 72 hours (ASVS 2.3.1 asks for a short life; staff can send a new link).
 */
export const ACTION_TOKEN_LIFETIME_MS: Readonly<Record<ActionTokenPurpose, number>> = Object.freeze({
  'email-confirmation': 24 * HOUR,
  'password-reset': 30 * MINUTE,
  'email-change': 24 * HOUR,
  'set-password': 72 * HOUR,
});

export interface ActionTokenSnapshot {
  readonly purpose: ActionTokenPurpose;
  /** SHA-256 hex of the raw token. */
  readonly hash: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly consumedAt: Date | null;
  /** The address being confirmed, for `email-change` only. */
  readonly newEmail: string | null;
}

/**
 * A single-use link token held by an account, by hash only. An account holds at most one per
 * purpose: issuing a new link replaces (so invalidates) the previous one.
 */
export class ActionToken {
  private constructor(
    readonly purpose: ActionTokenPurpose,
    readonly hash: TokenHash,
    readonly issuedAt: Date,
    readonly expiresAt: Date,
    private consumed: Date | null,
    readonly newEmail: Email | null,
  ) {}

  static issue(purpose: ActionTokenPurpose, hash: TokenHash, now: Date, newEmail: Email | null = null): ActionToken {
    const issuedAt = new Date(now.getTime());
    return new ActionToken(purpose, hash, issuedAt, new Date(issuedAt.getTime() + ACTION_TOKEN_LIFETIME_MS[purpose]), null, newEmail);
  }

  static restore(props: {
    purpose: ActionTokenPurpose;
    hash: TokenHash;
    issuedAt: Date;
    expiresAt: Date;
    consumedAt: Date | null;
    newEmail: Email | null;
  }): ActionToken {
    return new ActionToken(props.purpose, props.hash, props.issuedAt, props.expiresAt, props.consumedAt, props.newEmail);
  }

  get consumedAt(): Date | null {
    return this.consumed;
  }

  /** Expired from `expiresAt` on (the boundary instant is already too late). */
  isExpiredAt(now: Date): boolean {
    return now.getTime() >= this.expiresAt.getTime();
  }

  /**
   * Uses the token once. Throws {@link LinkAlreadyUsed} on a second use and {@link LinkExpired}
   * once `expiresAt` is reached; the "already used" check comes first so a replay says so.
   */
  consume(now: Date): void {
    if (this.consumed !== null) throw new LinkAlreadyUsed();
    if (this.isExpiredAt(now)) throw new LinkExpired();
    this.consumed = new Date(now.getTime());
  }

  toSnapshot(): ActionTokenSnapshot {
    return {
      purpose: this.purpose,
      hash: this.hash.value,
      issuedAt: new Date(this.issuedAt.getTime()),
      expiresAt: new Date(this.expiresAt.getTime()),
      consumedAt: this.consumed === null ? null : new Date(this.consumed.getTime()),
      newEmail: this.newEmail?.value ?? null,
    };
  }
}
