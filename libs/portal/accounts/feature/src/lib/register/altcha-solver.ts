/**
 * The search at the heart of ALTCHA's proof of work: the number n in [start, end] whose
 * SHA-256(salt + n), in hex, is the challenge. Framework-free, so the web worker and the unit tests share it.
 *
 * The stock worker awaits one `crypto.subtle.digest` per attempt; each await is a round trip through the
 * browser's crypto thread, which costs far more than the hash itself. Here the hash runs in the worker's own
 * thread, synchronously: the salt's whole 64-byte blocks are hashed once (the midstate), and so are the
 * rounds of the last block that only hold salt bytes; each attempt then writes its digits and finishes the
 * compression. The work is unchanged (the same hashes, in the same order); each costs less.
 */

const K = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

const INITIAL_STATE = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);

/**
 * The rounds [from, 64) of one compression. `w` holds the block's 16 words (its 64-word schedule is
 * extended in place from index 16); `rounds` is the working state (a..h) after round `from - 1`, or the
 * chaining state when `from` is 0; `chain` is the chaining state added at the end; the result goes to `out`.
 */
function compress(w: Int32Array, from: number, rounds: Int32Array, chain: Int32Array, out: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15];
    const y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = rounds[0];
  let b = rounds[1];
  let c = rounds[2];
  let d = rounds[3];
  let e = rounds[4];
  let f = rounds[5];
  let g = rounds[6];
  let h = rounds[7];
  for (let i = from; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (chain[0] + a) | 0;
  out[1] = (chain[1] + b) | 0;
  out[2] = (chain[2] + c) | 0;
  out[3] = (chain[3] + d) | 0;
  out[4] = (chain[4] + e) | 0;
  out[5] = (chain[5] + f) | 0;
  out[6] = (chain[6] + g) | 0;
  out[7] = (chain[7] + h) | 0;
}

/** The working state after rounds [0, count) of a block whose first `count` words are known. */
function partialRounds(w: Int32Array, count: number, chain: Int32Array): Int32Array {
  let [a, b, c, d, e, f, g, h] = chain;
  for (let i = 0; i < count; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  return Int32Array.of(a, b, c, d, e, f, g, h);
}

function readWords(bytes: Uint8Array, offset: number, w: Int32Array, first: number, last: number): void {
  for (let i = first; i <= last; i++) {
    const p = offset + i * 4;
    w[i] = (bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3];
  }
}

/** The 8 big-endian words of a SHA-256 digest in hex, or null when `hex` is not one. */
export function digestWords(hex: string): Int32Array | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const words = new Int32Array(8);
  for (let i = 0; i < 8; i++) words[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) | 0;
  return words;
}

/** The number of decimal digits of a non-negative integer. */
function digitCount(n: number): number {
  let count = 1;
  while (n >= 10 ** count) count++;
  return count;
}

/**
 * Searches [start, end] for the n with SHA-256(salt + n) = challenge, trying numbers in increasing
 * order. Returns n, or -1 when the range holds none (or the challenge is not a SHA-256 hex digest).
 * Integers only, at most 2^53: the range is what the caller splits into slices.
 */
export function searchSha256(salt: string, challenge: string, start: number, end: number): number {
  const target = digestWords(challenge);
  if (!target || start > end) return -1;
  const prefix = new TextEncoder().encode(salt);

  // The midstate: the chaining state after the salt's whole blocks.
  const fullBlocks = Math.floor(prefix.length / 64);
  const midstate = Int32Array.from(INITIAL_STATE);
  const w = new Int32Array(64);
  for (let block = 0; block < fullBlocks; block++) {
    readWords(prefix, block * 64, w, 0, 15);
    compress(w, 0, midstate, midstate, midstate);
  }
  const tail = prefix.subarray(fullBlocks * 64);
  const t = tail.length;

  const digest = new Int32Array(8);
  const between = new Int32Array(8);
  // The numbers of one digit count share a block layout: search them range by range.
  for (let digits = digitCount(Math.max(0, start)); ; digits++) {
    const low = Math.max(start, digits === 1 ? 0 : 10 ** (digits - 1));
    const high = Math.min(end, 10 ** digits - 1);
    if (low > high) {
      if (10 ** digits - 1 >= end) return -1;
      continue;
    }
    // The message's last blocks: salt tail, digits, 0x80, zeros, the length in bits (64-bit big-endian).
    const blocks = t + digits + 9 <= 64 ? 1 : 2;
    const bytes = new Uint8Array(blocks * 64);
    bytes.set(tail);
    bytes[t + digits] = 0x80;
    const bits = (prefix.length + digits) * 8;
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(bytes.length - 4, bits >>> 0);
    const firstWords = new Int32Array(16);
    readWords(bytes, 0, firstWords, 0, 15);
    const secondWords = new Int32Array(16);
    if (blocks === 2) readWords(bytes, 64, secondWords, 0, 15);
    // Rounds of the first block before the first word holding a digit are the same for every number.
    const firstDigitWord = t >> 2;
    const lastDigitWord = Math.min(15, (t + digits - 1) >> 2);
    const fixedRounds = partialRounds(firstWords, firstDigitWord, midstate);
    const digitsInSecond = t + digits > 64;

    for (let n = low; n <= high; n++) {
      let m = n;
      for (let i = t + digits - 1; i >= t; i--) {
        const q = Math.floor(m / 10);
        bytes[i] = 48 + m - q * 10;
        m = q;
      }
      w.set(firstWords);
      readWords(bytes, 0, w, firstDigitWord, lastDigitWord);
      if (blocks === 1) {
        compress(w, firstDigitWord, fixedRounds, midstate, digest);
      } else {
        compress(w, firstDigitWord, fixedRounds, midstate, between);
        w.set(secondWords);
        if (digitsInSecond) readWords(bytes, 64, w, 0, (t + digits - 65) >> 2);
        compress(w, 0, between, between, digest);
      }
      if (
        digest[0] === target[0] &&
        digest[1] === target[1] &&
        digest[2] === target[2] &&
        digest[3] === target[3] &&
        digest[4] === target[4] &&
        digest[5] === target[5] &&
        digest[6] === target[6] &&
        digest[7] === target[7]
      ) {
        return n;
      }
    }
    if (high >= end) return -1;
  }
}
