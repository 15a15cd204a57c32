import { randomBytes } from 'node:crypto';
import { PasswordHasher, toPasswordHash, type Password, type PasswordHash } from '@guichet/accounts/domain';
import { Injectable } from '@nestjs/common';
import { argon2id, argon2Verify } from 'hash-wasm';

/** OWASP's first argon2id configuration (Password Storage Cheat Sheet): 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = Object.freeze({ memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32, saltLength: 16 });

/**
 * A fixed hash with the same parameters, verified against when there is no real hash to check: an
 * unknown user, a locked account or one without a password costs one argon2 computation too.
 */
// The hash of 32 random bytes thrown away when it was made: no input matches it.
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$p72kJd/gpzYsfUfJ6miuYQ$pyBpRhNKQMf3tjJcuttgw5nHMN33xV48HTxh/UxA2/A';

/**
 * argon2id with a random salt per hash, in PHC string form. Computed by hash-wasm (WebAssembly): the
 * prebuilt native binding of the `argon2` package crashed (SIGSEGV) on this platform, and a WebAssembly
 * build has no binary to mismatch.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  async hash(password: Password): Promise<PasswordHash> {
    const { saltLength, ...options } = ARGON2_OPTIONS;
    const encoded = await argon2id({ ...options, password: password.reveal(), salt: randomBytes(saltLength), outputType: 'encoded' });
    return toPasswordHash(encoded);
  }

  async verify(stored: PasswordHash, candidate: string): Promise<boolean> {
    if (!stored.startsWith('$argon2id$')) return false;
    try {
      return await argon2Verify({ password: candidate, hash: stored });
    } catch {
      // A malformed stored hash is a mismatch, never an error the caller has to tell apart.
      return false;
    }
  }

  async hashForTiming(candidate: string): Promise<void> {
    try {
      await argon2Verify({ password: candidate, hash: DUMMY_HASH });
    } catch {
      // The result is thrown away; only the time spent matters.
    }
  }
}
