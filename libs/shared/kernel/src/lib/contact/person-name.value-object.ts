import { InvalidPersonName, type FieldHint, type PersonNamePart } from '../errors/kernel.errors';

const MAX_LENGTH = 100;
// Letters of any script with their combining marks, spaces, hyphens, apostrophes (' and ’) and periods.
const ALLOWED = /^[\p{L}\p{M} '’.-]+$/u;
const HAS_LETTER = /\p{L}/u;
const FIRST_LETTER = /\p{L}\p{M}*/u;

/**
 * A person's first and last names, as they write them: trimmed, inner whitespace collapsed to one
 * space, Unicode NFC (so `é` typed as e + accent equals `é`); case and apostrophe style are kept.
 * Each part holds 1 to 100 characters and at least one letter.
 */
export class PersonName {
  private constructor(
    readonly firstName: string,
    readonly lastName: string,
  ) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidPersonName} (`KERNEL.INVALID_PERSON_NAME`), with `details.part` naming the part. */
  static of(firstName: string, lastName: string, hint?: FieldHint): PersonName {
    return new PersonName(PersonName.clean(firstName, 'first', hint), PersonName.clean(lastName, 'last', hint));
  }

  private static clean(raw: string, part: PersonNamePart, hint: FieldHint | undefined): string {
    const value = typeof raw === 'string' ? raw.normalize('NFC').replace(/\s+/gu, ' ').trim() : '';
    if (value === '') throw new InvalidPersonName(part, 'required', hint);
    if ([...value].length > MAX_LENGTH) throw new InvalidPersonName(part, 'too-long', hint);
    if (!ALLOWED.test(value) || !HAS_LETTER.test(value)) throw new InvalidPersonName(part, 'characters', hint);
    return value;
  }

  /** `Marie-Ève Tremblay`. */
  fullName(): string {
    return `${this.firstName} ${this.lastName}`;
  }

  /** `Tremblay, Marie-Ève`: for lists sorted by last name. */
  sortableName(): string {
    return `${this.lastName}, ${this.firstName}`;
  }

  /** First letter of each part, uppercase, each followed by a period: `M.T.` */
  initials(): string {
    return `${initialOf(this.firstName)}.${initialOf(this.lastName)}.`;
  }

  /** Exact comparison of the normalized parts (case-sensitive). */
  equals(other: PersonName | null | undefined): boolean {
    return other instanceof PersonName && other.firstName === this.firstName && other.lastName === this.lastName;
  }

  toString(): string {
    return this.fullName();
  }

  toJSON(): { firstName: string; lastName: string } {
    return { firstName: this.firstName, lastName: this.lastName };
  }
}

function initialOf(name: string): string {
  // The letter keeps its combining marks (É even when written E + U+0301 and not composable).
  return (FIRST_LETTER.exec(name)?.[0] ?? '').toLocaleUpperCase('fr-CA');
}
