import type { FieldHint } from '@guichet/shared/kernel';
import { InvalidLearnerUserCode } from './accounts.errors';

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L) nor U: easy to read aloud at a service point. */
export const LEARNER_USER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = new RegExp(`^[${LEARNER_USER_CODE_ALPHABET}]{8}$`);

/**
 * A learner's « code d'utilisateur »: 8 characters, unique across accounts, that an operator types
 * to find the learner's file. Input is trimmed, uppercased, and spaces or hyphens are ignored.
 */
export class LearnerUserCode {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidLearnerUserCode} (`ACCOUNTS.INVALID_LEARNER_USER_CODE`). */
  static parse(raw: string, hint?: FieldHint): LearnerUserCode {
    const value = typeof raw === 'string' ? raw.replace(/[\s-]+/gu, '').toUpperCase() : '';
    if (!CODE.test(value)) throw new InvalidLearnerUserCode(hint);
    return new LearnerUserCode(value);
  }

  /** A random code from `randomBytes` (at least 8 bytes); uniqueness is the caller's job. */
  static fromRandomBytes(randomBytes: Uint8Array): LearnerUserCode {
    if (randomBytes.length < 8) throw new RangeError('LearnerUserCode needs 8 random bytes');
    let value = '';
    // 256 is not a multiple of 30: the slight bias is harmless for an identifier that is not a secret.
    for (let i = 0; i < 8; i++) value += LEARNER_USER_CODE_ALPHABET[randomBytes[i] % LEARNER_USER_CODE_ALPHABET.length];
    return new LearnerUserCode(value);
  }

  equals(other: LearnerUserCode | null | undefined): boolean {
    return other instanceof LearnerUserCode && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/** Port: hands out learner user codes no account holds yet. */
export abstract class LearnerUserCodes {
  /** A fresh, unused code (the infrastructure retries on the rare collision; a unique index backs it). */
  abstract next(): Promise<LearnerUserCode>;
}
