import { InvalidEmail, type FieldHint } from '../errors/kernel.errors';

const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// The dot-atom of RFC 5322 for the local part (no quoted strings, no comments).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Host names of two labels or more; the last is a TLD of letters or an IDN in punycode (xn--...).
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * An email address, trimmed and lowercased as a whole. Lowercasing the local part is, strictly,
 * not RFC-correct, but every mailbox provider our users have ignores case, and one canonical form
 * makes "already registered" checks and unique indexes reliable.
 *
 * Accepted: `local@domain.tld` with an RFC 5322 dot-atom local part (at most 64 characters) and a
 * host name domain (labels of letters, digits and inner hyphens); at most 254 characters in all.
 * Rejected: quoted local parts, IP-literal domains, domains without a dot, and non-ASCII domains
 * (enter them in punycode, `xn--...`).
 */
export class Email {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidEmail} (`KERNEL.INVALID_EMAIL`). */
  static parse(raw: string, hint?: FieldHint): Email {
    if (typeof raw !== 'string') throw new InvalidEmail('format', hint);
    const value = raw.trim().toLowerCase();
    if (value.length > MAX_LENGTH) throw new InvalidEmail('too-long', hint);
    const at = value.lastIndexOf('@');
    if (at < 1) throw new InvalidEmail('format', hint);
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) {
      throw new InvalidEmail('format', hint);
    }
    return new Email(value);
  }

  static isValid(raw: string): boolean {
    try {
      Email.parse(raw);
      return true;
    } catch (error) {
      if (error instanceof InvalidEmail) return false;
      throw error;
    }
  }

  get localPart(): string {
    return this.value.slice(0, this.value.lastIndexOf('@'));
  }

  get domain(): string {
    return this.value.slice(this.value.lastIndexOf('@') + 1);
  }

  equals(other: Email | null | undefined): boolean {
    return other instanceof Email && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
