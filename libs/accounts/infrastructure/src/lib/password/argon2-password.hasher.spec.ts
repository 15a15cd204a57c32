import { Password, toPasswordHash } from '@guichet/accounts/domain';
import { Argon2PasswordHasher } from './argon2-password.hasher';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();
  const password = Password.create('cheval agrafe pile correcte');

  it('hashes with argon2id at OWASP parameters and a fresh salt, and verifies only the right password', async () => {
    const first = await hasher.hash(password);
    const second = await hasher.hash(password);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('cheval');
    expect(await hasher.verify(first, 'cheval agrafe pile correcte')).toBe(true);
    expect(await hasher.verify(first, 'cheval agrafe pile correctE')).toBe(false);
  });

  it('answers false, never throws, for a hash in another format', async () => {
    expect(await hasher.verify(toPasswordHash('fake:cheval'), 'cheval')).toBe(false);
    expect(await hasher.verify(toPasswordHash('$argon2id$garbage'), 'cheval')).toBe(false);
  });

  it('spends about one hash computation on a timing-only check', async () => {
    const started = process.hrtime.bigint();
    await hasher.hashForTiming('whatever was typed');
    const timingMs = Number(process.hrtime.bigint() - started) / 1e6;
    const hash = await hasher.hash(password);
    const verifyStarted = process.hrtime.bigint();
    await hasher.verify(hash, 'wrong');
    const verifyMs = Number(process.hrtime.bigint() - verifyStarted) / 1e6;
    // Generous bounds: a shared CI core is noisy, but a skipped computation would take well under 1 ms.
    expect(timingMs).toBeGreaterThan(verifyMs / 4);
    expect(timingMs).toBeLessThan(verifyMs * 4 + 50);
  });
});
