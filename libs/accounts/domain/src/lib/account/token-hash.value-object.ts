const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The SHA-256 (hex) of a secret token: what the domain and the database keep of a link token or a
 * session token. The raw token travels once (in the mail or the cookie) and is never stored; a
 * leaked table gives nothing usable. A plain hash is enough because tokens carry 256 random bits.
 * Computing it is the application layer's job (`hashToken`), so the domain stays free of Node's crypto.
 */
export class TokenHash {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** From its 64 lowercase hex digits (computed by `hashToken`, or restored by a repository). */
  static fromStored(hex: string): TokenHash {
    if (!HEX_SHA256.test(hex)) throw new TypeError('A stored token hash must be 64 lowercase hex digits');
    return new TokenHash(hex);
  }

  equals(other: TokenHash | null | undefined): boolean {
    return other instanceof TokenHash && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
