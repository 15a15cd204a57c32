/** Digit runs of card-number length (13 to 19), optionally grouped by spaces or dashes. */
const CANDIDATE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Masks what looks like a payment card number in free text (an error message quoting a value, say),
 * keeping the last four digits. The Luhn check spares most other long numbers.
 */
export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    return passesLuhn(digits) ? `[card ****${digits.slice(-4)}]` : match;
  });
}

/** `scheme://user:password@host`: the password part of credentials written into a URL. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi;

/**
 * Masks secrets that free text may carry (error messages quote connection URLs and values): passwords in
 * URLs and payment card numbers.
 */
export function maskSensitiveText(text: string): string {
  return maskCardNumbers(text.replace(URL_CREDENTIALS, '$1[REDACTED]@'));
}
