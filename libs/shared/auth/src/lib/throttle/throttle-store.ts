/** The state of one counter after a hit. */
export interface ThrottleCount {
  readonly hits: number;
  /** When the current window ends and the counter starts again. */
  readonly resetsAt: Date;
}

/**
 * Port: fixed-window counters shared by every api replica (PostgreSQL, schema `auth`). Keys arrive
 * already hashed: no identifier or address is stored in clear.
 */
export abstract class ThrottleStore {
  /** Counts one hit on `key` in a window of `windowSeconds`, atomically. */
  abstract hit(key: string, windowSeconds: number, now: Date): Promise<ThrottleCount>;
}

/**
 * Port: remembers single-use proofs (an ALTCHA solution) until they expire, across replicas.
 */
export abstract class SpentProofs {
  /** True the first time `digest` is spent; false when it was already. */
  abstract spend(digest: string, expiresAt: Date, now: Date): Promise<boolean>;
}
