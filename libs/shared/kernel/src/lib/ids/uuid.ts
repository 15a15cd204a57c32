const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const MAX_TIMESTAMP = 2 ** 48 - 1;
const MAX_COUNTER = 0xfff;

/** An RFC 9562 UUID of version 1 to 8 (variant 10), in any case. The nil and max UUIDs are not ids. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7_PATTERN.test(value);
}

/** Sources of time and randomness, replaceable in tests. */
export interface UuidV7Sources {
  /** Unix time in milliseconds. */
  readonly now: () => number;
  /** Fills the array with random bytes. */
  readonly fillRandom: (bytes: Uint8Array) => void;
}

const defaultSources: UuidV7Sources = {
  now: () => Date.now(),
  fillRandom: (bytes) => {
    globalThis.crypto.getRandomValues(bytes);
  },
};

/**
 * Makes a UUIDv7 generator (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, a 12-bit counter
 * in `rand_a` (method 1 of §6.2), variant 10 and 62 random bits.
 *
 * Ids from one generator are strictly increasing, also when several come in the same millisecond
 * (the counter, seeded at random below 2048 each millisecond, is incremented) and when the system
 * clock steps back (the last timestamp is kept). When the counter runs out, the timestamp moves
 * forward by one millisecond, as §6.2 allows.
 */
export function createUuidV7Generator(sources: UuidV7Sources = defaultSources): () => string {
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  const seed = new Uint8Array(2);

  return () => {
    const now = sources.now();
    if (!Number.isSafeInteger(now) || now < 0 || now > MAX_TIMESTAMP) {
      throw new RangeError(`uuidv7: timestamp out of range: ${now}`);
    }
    if (now > lastMs) {
      lastMs = now;
      sources.fillRandom(seed);
      // Seeding below 2^11 leaves at least 2048 increments before the counter overflows.
      counter = ((seed[0] << 8) | seed[1]) & 0x7ff;
    } else if (counter < MAX_COUNTER) {
      counter++;
    } else {
      lastMs++;
      counter = 0;
    }

    sources.fillRandom(bytes);
    // 48 bits do not fit the 32-bit bitwise operators: split the timestamp arithmetically.
    const high = Math.floor(lastMs / 2 ** 16);
    const low = lastMs % 2 ** 16;
    bytes[0] = (high >>> 24) & 0xff;
    bytes[1] = (high >>> 16) & 0xff;
    bytes[2] = (high >>> 8) & 0xff;
    bytes[3] = high & 0xff;
    bytes[4] = (low >>> 8) & 0xff;
    bytes[5] = low & 0xff;
    bytes[6] = 0x70 | (counter >>> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8] & 0x3f);
    return format(bytes);
  };
}

/** A new UUIDv7 string, lowercase, monotonic within this process. */
export const uuidv7: () => string = createUuidV7Generator();

/** The creation time of a UUIDv7 (millisecond precision). */
export function uuidv7Timestamp(id: string): Date {
  if (!isUuidV7(id)) throw new TypeError(`Not a UUIDv7: ${id}`);
  const hex = id.slice(0, 8) + id.slice(9, 13);
  return new Date(parseInt(hex, 16));
}

function format(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
