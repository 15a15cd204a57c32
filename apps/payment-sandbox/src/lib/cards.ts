/**
 * Card checks of the hosted page, and what each sandbox test card does. The full number never leaves
 * this module's callers' stack: the sandbox keeps only the brand, the last four digits and the behaviour.
 */

/** What a charge made with the card does (see the protocol in the team brief). */
export type CardBehaviour = 'approve' | 'decline' | 'network-error' | 'challenge';

export type CardField = 'number' | 'exp' | 'cvc';

/** Stable codes of the hosted page's field errors; `pages.ts` turns them into French or English. */
export type CardErrorCode = 'number-required' | 'number-invalid' | 'exp-required' | 'exp-format' | 'exp-past' | 'cvc-invalid';

export interface CardInput {
  readonly number: string;
  readonly exp: string;
  readonly cvc: string;
}

/** A card that passed the checks: all the sandbox keeps of it. */
export interface CheckedCard {
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly behaviour: CardBehaviour;
}

const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  '4000000000000002': 'decline',
  '4000000000000119': 'network-error',
  '4000002760003184': 'challenge',
};

/** The digits of a typed card number, spaces and dashes removed; null when anything else is in it. */
export function cardDigits(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** Luhn (mod 10) check of a 13–19 digit number. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

/** Any Luhn-valid number that is not one of the special test cards approves, like 4242 4242 4242 4242. */
export function cardBehaviour(digits: string): CardBehaviour {
  return TEST_CARDS[digits] ?? 'approve';
}

/** `MM/AA`, `MM / AA`, `MM/AAAA` or `MMAA`; null when it is none of these or the month is not 1–12. */
export function parseExpiry(raw: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** A card is good until the end of its expiry month. */
export function isExpired(expiry: { month: number; year: number }, now: Date): boolean {
  const currentMonth = now.getFullYear() * 12 + now.getMonth();
  return expiry.year * 12 + (expiry.month - 1) < currentMonth;
}

/** Checks the hosted page's fields: either the errors per field, or the card as the sandbox keeps it. */
export function checkCard(input: CardInput, now: Date): { errors: Partial<Record<CardField, CardErrorCode>> } | { card: CheckedCard } {
  const errors: Partial<Record<CardField, CardErrorCode>> = {};
  const digits = cardDigits(input.number);
  if (input.number.trim() === '') errors.number = 'number-required';
  else if (digits === null || !luhnValid(digits)) errors.number = 'number-invalid';

  const expiry = parseExpiry(input.exp);
  if (input.exp.trim() === '') errors.exp = 'exp-required';
  else if (!expiry) errors.exp = 'exp-format';
  else if (isExpired(expiry, now)) errors.exp = 'exp-past';

  if (!/^\d{3,4}$/.test(input.cvc.trim())) errors.cvc = 'cvc-invalid';

  if (Object.keys(errors).length > 0 || digits === null || expiry === null) return { errors };
  return {
    card: { brand: cardBrand(digits), last4: digits.slice(-4), expMonth: expiry.month, expYear: expiry.year, behaviour: cardBehaviour(digits) },
  };
}
