import { PasswordHasher, toPasswordHash, type PasswordHash } from '../lib/password/password-hasher';
import type { Password } from '../lib/password/password.value-object';

/** A transparent hasher for specs: `fake:<plain>`, counting the work done so timing rules can be checked. */
export class FakePasswordHasher extends PasswordHasher {
  computations = 0;

  async hash(password: Password): Promise<PasswordHash> {
    this.computations++;
    return toPasswordHash(`fake:${password.reveal()}`);
  }

  async verify(hash: PasswordHash, candidate: string): Promise<boolean> {
    this.computations++;
    return hash === `fake:${candidate}`;
  }

  async hashForTiming(_candidate: string): Promise<void> {
    this.computations++;
  }
}
