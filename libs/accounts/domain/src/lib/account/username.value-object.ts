import type { FieldHint, PersonName } from '@guichet/shared/kernel';
import { InvalidUsername } from './accounts.errors';
import type { TrainerCardNumber } from './trainer-card-number.value-object';

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;
const MAX_LENGTH = 40;
// Letters that do not decompose into a base letter and an accent: spelled out the French way.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
/** Padding for a last name with fewer than three Latin letters (`Ng` → `ngx`), so every username keeps the card's shape. */
export const USERNAME_PADDING_LETTER = 'x';

/**
 * The short name a person signs in with (« Nom d'utilisateur », shown as « Abrégé » in « Profil »).
 * Lowercase ASCII: a letter, then 2 to 39 letters, digits, `.`, `-` or `_`. Compared exactly; input is
 * trimmed and lowercased first, so `ETHC003` signs in as `ethc003`.
 */
export class Username {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidUsername} (`ACCOUNTS.INVALID_USERNAME`). */
  static parse(raw: string, hint?: FieldHint): Username {
    const username = Username.tryParse(raw);
    if (username === null) throw new InvalidUsername(hint);
    return username;
  }

  /** Like {@link Username.parse}, but null for a malformed value (a lookup that simply finds nobody). */
  static tryParse(raw: string): Username | null {
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    return USERNAME.test(value) ? new Username(value) : null;
  }

  /**
   * The manual's rule for trainers: the first three letters of the last name and the first letter
   * of the first name, lowercase, accents and non-letters dropped, then the three digits before the
   * hyphen of the card number. `Éthier Claude`, card `003-1234` → `ethc003`; `O'Neil-Côté Marie-Ève`
   * → `onem003`. Ligatures are spelled out (`Lœuillet` → `loe`). A last name with fewer than three
   * Latin letters is padded with `x` (`Ng Anh` → `ngxa003`) and a first name with none gives `x`,
   * so the username always has the card's shape: four letters, three digits.
   *
   * This is the base candidate; {@link Username.withSuffix} gives the next ones when it is taken.
   */
  static forTrainer(name: PersonName, card: TrainerCardNumber): Username {
    const last = latinLetters(name.lastName).slice(0, 3).padEnd(3, USERNAME_PADDING_LETTER);
    const first = latinLetters(name.firstName).slice(0, 1) || USERNAME_PADDING_LETTER;
    return new Username(`${last}${first}${card.series}`);
  }

  /** `ethc003` → `ethc003-2` for `n = 2`: how collisions are told apart (see `UsernameAllocator`). */
  withSuffix(n: number): Username {
    if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`Username suffix must be an integer >= 2, got ${n}`);
    const suffix = `-${n}`;
    return new Username(`${this.value.slice(0, MAX_LENGTH - suffix.length)}${suffix}`);
  }

  equals(other: Username | null | undefined): boolean {
    return other instanceof Username && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/** Lowercase `a` to `z` only: accents removed, ligatures spelled out, everything else dropped. */
export function latinLetters(text: string): string {
  return [...text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((char) => SPECIAL_LETTERS[char] ?? char)
    .join('')
    .replace(/[^a-z]/g, '');
}
