import { randomBytes } from 'node:crypto';

/**
 * Port: secret tokens for links and session cookies. Each has at least 256 bits from a CSPRNG and is
 * URL-safe (base64url, no padding). Only `hashToken(token)` is ever stored.
 */
export abstract class TokenGenerator {
  abstract generate(): string;
}

/** The production generator: 32 bytes from `crypto.randomBytes`, base64url (43 characters). */
export class CryptoTokenGenerator extends TokenGenerator {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }
}
