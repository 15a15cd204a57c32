import { createHash, randomBytes } from 'node:crypto';
import { digestWords, searchSha256 } from './altcha-solver';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** Salts of every length around SHA-256's block edges (55/56 bytes: one or two final blocks; 64: a whole block). */
const saltLengths = [0, 1, 10, 43, 50, 51, 52, 53, 54, 55, 56, 57, 60, 63, 64, 65, 100, 119, 120, 127, 128, 129, 200];
const saltOf = (length: number): string => randomBytes(128).toString('hex').slice(0, length);

describe('searchSha256', () => {
  it.each(saltLengths)('finds the number node:crypto hashed, with a salt of %i characters', (length) => {
    const salt = saltOf(length);
    for (const number of [0, 9, 10, 99, 100, 4_321, 99_999, 100_000, 999_999, 1_000_000, 12_345_678]) {
      const challenge = sha256(salt + number);
      expect(searchSha256(salt, challenge, Math.max(0, number - 40), number + 40)).toBe(number);
      expect(searchSha256(salt, challenge, number, number)).toBe(number);
    }
  });

  it('finds an altcha-lib challenge of the api (a 12-byte hex salt with its expiry) anywhere up to 100,000', () => {
    const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(Date.now() / 1000) + 600}`;
    for (const number of [0, 1, 9_999, 10_000, 54_321, 100_000]) {
      expect(searchSha256(salt, sha256(salt + number), 0, 100_000)).toBe(number);
    }
  });

  it('hashes the salt as UTF-8, like the server', () => {
    const salt = 'sel-éèà-✓?expires=1';
    expect(searchSha256(salt, sha256(salt + 777), 0, 1_000)).toBe(777);
  });

  it('answers -1 when the number is outside the range, the range is empty or the challenge is not a digest', () => {
    const salt = saltOf(24);
    const challenge = sha256(salt + 500);
    expect(searchSha256(salt, challenge, 0, 499)).toBe(-1);
    expect(searchSha256(salt, challenge, 501, 2_000)).toBe(-1);
    expect(searchSha256(salt, challenge, 600, 500)).toBe(-1);
    expect(searchSha256(salt, challenge.slice(1), 0, 1_000)).toBe(-1);
    expect(searchSha256(salt, 'z'.repeat(64), 0, 1_000)).toBe(-1);
  });

  it('accepts the challenge in upper case', () => {
    const salt = saltOf(30);
    expect(searchSha256(salt, sha256(salt + 42).toUpperCase(), 0, 100)).toBe(42);
  });
});

describe('digestWords', () => {
  it('reads a hex digest as 8 big-endian words', () => {
    expect(Array.from(digestWords(`${'ff'.repeat(4)}${'00'.repeat(27)}01`) ?? [])).toEqual([-1, 0, 0, 0, 0, 0, 0, 1]);
    expect(digestWords('abc')).toBeNull();
  });
});
