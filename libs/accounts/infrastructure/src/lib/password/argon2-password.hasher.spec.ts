import { Password, toPasswordHash } from '@guichet/accounts/domain';
import { argon2Verify } from 'hash-wasm';
import { ARGON2_OPTIONS, Argon2PasswordHasher } from './argon2-password.hasher';

jest.mock('hash-wasm', () => {
  const actual = jest.requireActual<typeof import('hash-wasm')>('hash-wasm');
  return { ...actual, argon2Verify: jest.fn(actual.argon2Verify) };
});

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

  it('spends one argon2id verification at the stored hashes\' parameters on a timing-only check', async () => {
    // Counted, not timed: a timed comparison flakes on a loaded machine.
    const verify = jest.mocked(argon2Verify);
    verify.mockClear();
    await hasher.hashForTiming('whatever was typed');
    expect(verify).toHaveBeenCalledTimes(1);
    const [{ hash, password: typed }] = verify.mock.calls[0];
    expect(typed).toBe('whatever was typed');
    const params = Object.fromEntries(String(hash).split('$')[3].split(',').map((kv) => kv.split('=')));
    expect(params).toEqual({ m: String(ARGON2_OPTIONS.memorySize), t: String(ARGON2_OPTIONS.iterations), p: String(ARGON2_OPTIONS.parallelism) });
    expect(Buffer.from(String(hash).split('$')[5], 'base64').length).toBe(ARGON2_OPTIONS.hashLength);
    await expect(verify.mock.results[0].value).resolves.toBe(false);
  });
});
