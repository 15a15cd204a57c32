import type { Password } from './password.value-object';

declare const passwordHashBrand: unique symbol;

/**
 * What {@link PasswordHasher.hash} produces: an opaque, self-describing string (a PHC string such as
 * `$argon2id$v=19$m=19456,t=2,p=1$…`) that the domain stores and hands back, never parses.
 */
export type PasswordHash = string & { readonly [passwordHashBrand]: true };

/** For repositories restoring a stored hash. */
export function toPasswordHash(stored: string): PasswordHash {
  if (typeof stored !== 'string' || stored === '') throw new TypeError('A password hash must be a non-empty string');
  return stored as PasswordHash;
}

/**
 * Port: one-way password hashing. The infrastructure uses argon2id (the `argon2` package) with at
 * least OWASP's parameters (m=19 MiB, t=2, p=1) and a random salt per hash.
 *
 * Both methods take about the same time (one argon2 computation): the sign-in handler hashes the
 * typed password when the account does not exist, so the answer takes as long as a real check.
 */
export abstract class PasswordHasher {
  /** A new hash with a fresh salt. */
  abstract hash(password: Password): Promise<PasswordHash>;

  /**
   * True when `candidate` (as typed: it went through no policy) matches `hash`. False, never a
   * throw, for a wrong password or a hash in an unknown format.
   */
  abstract verify(hash: PasswordHash, candidate: string): Promise<boolean>;

  /** Like {@link PasswordHasher.hash} for a string that skipped the policy: equalizes timing only, result discarded. */
  abstract hashForTiming(candidate: string): Promise<void>;
}
