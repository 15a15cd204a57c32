import { PasswordPolicy, type PasswordIdentifiers } from './password-policy';

const REDACTED = '[redacted]';

/**
 * A new password that passed {@link PasswordPolicy}, held in memory only until it is hashed. It
 * prints as `[redacted]` (toString, toJSON, util.inspect), so it cannot leak into logs by accident;
 * read it with {@link Password.reveal} only to hash it.
 */
export class Password {
  readonly #plain: string;

  private constructor(plain: string) {
    this.#plain = plain;
    Object.freeze(this);
  }

  /** Throws `PasswordRejected` (`ACCOUNTS.PASSWORD_REJECTED`). The text is kept as typed (NFC). */
  static create(plain: string, identifiers: PasswordIdentifiers = {}): Password {
    PasswordPolicy.check(plain, identifiers);
    return new Password(plain.normalize('NFC'));
  }

  /** The plain text, for the `PasswordHasher` only. */
  reveal(): string {
    return this.#plain;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Password(${REDACTED})`;
  }
}
