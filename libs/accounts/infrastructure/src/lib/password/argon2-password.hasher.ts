import { PasswordHasher, toPasswordHash, type Password, type PasswordHash } from '@guichet/accounts/domain';
import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/** OWASP's first argon2id configuration (Password Storage Cheat Sheet): 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = Object.freeze({ type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

/**
 * A fixed hash with the same parameters, verified against when there is no real hash to check: an
 * unknown user, a locked account or one without a password costs one argon2 computation too.
 */
// The hash of 32 random bytes thrown away when it was made: no input matches it.
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$p72kJd/gpzYsfUfJ6miuYQ$pyBpRhNKQMf3tjJcuttgw5nHMN33xV48HTxh/UxA2/A';

/** argon2id with a random salt per hash (the `argon2` package, prebuilt native binding). */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  async hash(password: Password): Promise<PasswordHash> {
    return toPasswordHash(await hash(password.reveal(), ARGON2_OPTIONS));
  }

  async verify(stored: PasswordHash, candidate: string): Promise<boolean> {
    if (!stored.startsWith('$argon2')) return false;
    try {
      return await verify(stored, candidate);
    } catch {
      // A malformed stored hash is a mismatch, never an error the caller has to tell apart.
      return false;
    }
  }

  async hashForTiming(candidate: string): Promise<void> {
    try {
      await verify(DUMMY_HASH, candidate);
    } catch {
      // The result is thrown away; only the time spent matters.
    }
  }
}
