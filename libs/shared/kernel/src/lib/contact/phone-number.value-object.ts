import type { Lang } from '../errors/domain.error';
import { InvalidPhoneNumber, type FieldHint } from '../errors/kernel.errors';

// An extension written after the number: "poste 123", "p. 123", "ext. 123", "extension 123", "x123", "#123", ";ext=123".
const INLINE_EXTENSION = /^(.*?)[\s,;]*(?:poste|p\.|ext(?:ension)?\.?|x|#)\s*[.:=]?\s*(\d+)$/i;
const EXTENSION_ALONE = /^(?:(?:poste|p\.|ext(?:ension)?\.?|x|#)\s*[.:=]?\s*)?(\d+)$/i;
const EXTENSION_DIGITS = /^\d{1,6}$/;
const NUMBER_CHARACTERS = /^\+?[\d\s().-]+$/;
// Longer than any real way of writing a number with an extension; also keeps the regexes linear-time.
const MAX_INPUT_LENGTH = 64;

/**
 * A North American (NANP) phone number, with an optional extension of 1 to 6 digits.
 *
 * Accepts `514-555-1234`, `(514) 555-1234`, `514.555.1234`, `+1 514 555 1234`, `1 514 555 1234`,
 * `5145551234`, followed or not by an extension (`poste 123`, `p. 123`, `ext. 123`, `x123`, `#123`,
 * `;ext=123`), or with the extension given separately. Area code and exchange must start with 2-9 and
 * must not be an N11 service code (411, 911...).
 *
 * Stored as E.164 (`+15145551234`) plus the extension; shown as `514 555-1234 poste 123` (fr) or
 * `514 555-1234 ext. 123` (en); `toString()` gives the RFC 3966 form `+15145551234;ext=123`.
 */
export class PhoneNumber {
  private constructor(
    /** `+1` and ten digits. */
    readonly e164: string,
    readonly extension: string | null,
  ) {
    Object.freeze(this);
  }

  /**
   * Throws {@link InvalidPhoneNumber} (`KERNEL.INVALID_PHONE_NUMBER`). An extension both in `raw` and
   * in `extension` is rejected as ambiguous.
   */
  static parse(raw: string, extension?: string | number | null, hint?: FieldHint): PhoneNumber {
    if (typeof raw !== 'string' || raw.length > MAX_INPUT_LENGTH) throw new InvalidPhoneNumber('format', hint);
    let number = raw.trim();
    let inlineExtension: string | null = null;
    const withExtension = INLINE_EXTENSION.exec(number);
    if (withExtension) {
      number = withExtension[1].trim();
      inlineExtension = withExtension[2];
    }
    const separateExtension = PhoneNumber.parseExtension(extension, hint);
    if (inlineExtension !== null && separateExtension !== null) throw new InvalidPhoneNumber('extension', hint);
    const finalExtension = inlineExtension ?? separateExtension;
    if (finalExtension !== null && !EXTENSION_DIGITS.test(finalExtension)) {
      throw new InvalidPhoneNumber('extension', hint);
    }
    return new PhoneNumber(`+1${PhoneNumber.nationalDigits(number, hint)}`, finalExtension);
  }

  private static nationalDigits(number: string, hint: FieldHint | undefined): string {
    if (!NUMBER_CHARACTERS.test(number)) throw new InvalidPhoneNumber('format', hint);
    let digits = number.replace(/\D/g, '');
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
    else if (number.startsWith('+') || digits.length !== 10) throw new InvalidPhoneNumber('format', hint);
    if (!isNxxCode(digits.slice(0, 3))) throw new InvalidPhoneNumber('area-code', hint);
    if (!isNxxCode(digits.slice(3, 6))) throw new InvalidPhoneNumber('exchange', hint);
    return digits;
  }

  private static parseExtension(extension: string | number | null | undefined, hint: FieldHint | undefined): string | null {
    if (extension === undefined || extension === null) return null;
    const text = String(extension).trim();
    if (text === '') return null;
    if (text.length > MAX_INPUT_LENGTH) throw new InvalidPhoneNumber('extension', hint);
    const match = EXTENSION_ALONE.exec(text);
    if (!match) throw new InvalidPhoneNumber('extension', hint);
    return match[1];
  }

  /** The ten digits without the country code (`5145551234`). */
  get nationalNumber(): string {
    return this.e164.slice(2);
  }

  get areaCode(): string {
    return this.e164.slice(2, 5);
  }

  /** `514 555-1234`, then ` poste 123` (fr) or ` ext. 123` (en). */
  format(lang: Lang = 'fr'): string {
    const n = this.nationalNumber;
    const main = `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}`;
    if (this.extension === null) return main;
    return `${main}${lang === 'en' ? ' ext. ' : ' poste '}${this.extension}`;
  }

  equals(other: PhoneNumber | null | undefined): boolean {
    return other instanceof PhoneNumber && other.e164 === this.e164 && other.extension === this.extension;
  }

  /** RFC 3966 style: `+15145551234` or `+15145551234;ext=123`; `parse` reads it back. */
  toString(): string {
    return this.extension === null ? this.e164 : `${this.e164};ext=${this.extension}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** NANP area codes and exchanges: NXX with N in 2-9, excluding the N11 service codes. */
function isNxxCode(code: string): boolean {
  return /^[2-9]\d\d$/.test(code) && code.slice(1) !== '11';
}
