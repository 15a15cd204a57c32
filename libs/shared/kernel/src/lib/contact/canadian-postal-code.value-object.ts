import { InvalidPostalCode, type FieldHint } from '../errors/kernel.errors';

/** Canadian provinces and territories (ISO 3166-2:CA subdivision codes). */
export type ProvinceCode = 'NL' | 'NS' | 'PE' | 'NB' | 'QC' | 'ON' | 'MB' | 'SK' | 'AB' | 'BC' | 'NU' | 'NT' | 'YT';

/** Canada Post's first letters: the postal district, one or several per province. */
const PROVINCES_BY_FIRST_LETTER: Readonly<Record<string, readonly ProvinceCode[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NU', 'NT'],
  Y: ['YT'],
};

const SHAPE = /^([A-Z]\d[A-Z])[\s-]?(\d[A-Z]\d)$/;
const UNUSED_LETTERS = /[DFIOQU]/;

/**
 * A Canadian postal code, stored as `A1A 1A1`. Accepts any case, with a space, a hyphen or nothing
 * between the halves (`h2x1y4`, `H2X-1Y4`). Rejects D, F, I, O, Q, U anywhere (Canada Post never
 * uses them) and a first letter that is no province's (W and Z among them).
 */
export class CanadianPostalCode {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidPostalCode} (`KERNEL.INVALID_POSTAL_CODE`). */
  static parse(raw: string, hint?: FieldHint): CanadianPostalCode {
    const match = typeof raw === 'string' ? SHAPE.exec(raw.trim().toUpperCase()) : null;
    if (!match) throw new InvalidPostalCode('format', hint);
    const value = `${match[1]} ${match[2]}`;
    if (UNUSED_LETTERS.test(value)) throw new InvalidPostalCode('letter', hint);
    if (!Object.hasOwn(PROVINCES_BY_FIRST_LETTER, value[0])) throw new InvalidPostalCode('region', hint);
    return new CanadianPostalCode(value);
  }

  /** The forward sortation area: the first three characters (`H2X`). */
  get forwardSortationArea(): string {
    return this.value.slice(0, 3);
  }

  /** The provinces or territories the first letter stands for (`X` covers both NU and NT). */
  get provinces(): readonly ProvinceCode[] {
    return PROVINCES_BY_FIRST_LETTER[this.value[0]];
  }

  equals(other: CanadianPostalCode | null | undefined): boolean {
    return other instanceof CanadianPostalCode && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
