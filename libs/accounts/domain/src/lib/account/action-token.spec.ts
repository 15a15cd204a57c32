import { createHash } from 'node:crypto';
import { ACTION_TOKEN_LIFETIME_MS, ActionToken } from './action-token';
import { LinkAlreadyUsed, LinkExpired } from './accounts.errors';
import { TokenHash } from './token-hash.value-object';

/** The spec's stand-in for the application's `hashToken`. */
const hashOf = (raw: string): TokenHash => TokenHash.fromStored(createHash('sha256').update(raw, 'utf8').digest('hex'));


const issuedAt = new Date('2026-03-02T14:00:00.000Z');
const plus = (ms: number) => new Date(issuedAt.getTime() + ms);

describe('ActionToken', () => {
  it('makes a password-reset link last 30 minutes', () => {
    const token = ActionToken.issue('password-reset', hashOf('raw'), issuedAt);
    expect(ACTION_TOKEN_LIFETIME_MS['password-reset']).toBe(30 * 60_000);
    expect(token.expiresAt.toISOString()).toBe('2026-03-02T14:30:00.000Z');
  });

  it('works until the last millisecond and not at the deadline', () => {
    const token = ActionToken.issue('password-reset', hashOf('raw'), issuedAt);
    expect(token.isExpiredAt(plus(30 * 60_000 - 1))).toBe(false);
    expect(token.isExpiredAt(plus(30 * 60_000))).toBe(true);
    expect(() => token.consume(plus(30 * 60_000))).toThrow(LinkExpired);
  });

  it('is single-use', () => {
    const token = ActionToken.issue('email-confirmation', hashOf('raw'), issuedAt);
    token.consume(plus(1_000));
    expect(token.consumedAt?.toISOString()).toBe('2026-03-02T14:00:01.000Z');
    expect(() => token.consume(plus(2_000))).toThrow(LinkAlreadyUsed);
  });

  it('says "already used" rather than "expired" for a late replay', () => {
    const token = ActionToken.issue('password-reset', hashOf('raw'), issuedAt);
    token.consume(plus(1_000));
    expect(() => token.consume(plus(60 * 60_000))).toThrow(LinkAlreadyUsed);
  });

  it('gives each purpose its lifetime', () => {
    expect(ACTION_TOKEN_LIFETIME_MS).toEqual({
      'email-confirmation': 24 * 3_600_000,
      'password-reset': 30 * 60_000,
      'email-change': 24 * 3_600_000,
      'set-password': 72 * 3_600_000,
    });
  });
});

describe('TokenHash', () => {
  it('is the SHA-256 of the raw token, never the token', () => {
    const hash = hashOf('abc');
    expect(hash.value).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(JSON.stringify(hash)).not.toContain('"abc"');
  });

  it('restores only well-formed hashes', () => {
    expect(TokenHash.fromStored(hashOf('abc').value).equals(hashOf('abc'))).toBe(true);
    expect(() => TokenHash.fromStored('abc')).toThrow(TypeError);
  });
});
