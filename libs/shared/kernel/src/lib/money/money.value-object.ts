import type { Lang } from '../errors/domain.error';
import { CurrencyMismatch, InvalidMoney, UnsupportedCurrency, type FieldHint } from '../errors/kernel.errors';
import { divideAndRound, type Rate, type RoundingMode } from './rate.value-object';

/** The platform bills in Canadian dollars only; widen this union (and the formats) to add one. */
export type Currency = 'CAD';
export const SUPPORTED_CURRENCIES: readonly Currency[] = ['CAD'];

const NBSP = '\u00a0';
const DECIMAL_AMOUNT = /^(-)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;
const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An amount of money in integer cents, immutable. Arithmetic never goes through binary floats, and
 * a result beyond ±(2^53 - 1) cents throws instead of losing precision.
 *
 * Formats are built by hand, not with `Intl`, so server, browser and PDF print the same characters
 * whatever ICU they carry:
 * - `format('fr')` → `1 234,56 $` with NO-BREAK SPACE (U+00A0) as the group separator and before `$`,
 *   which is what `Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' })` gives on Node 20;
 * - `format('en')` → `$1,234.56`;
 * - `formatPlain('fr')` → the French form with ordinary spaces, for plain-text mail and CSV.
 * Negative amounts start with a hyphen-minus (`-1 234,56 $`, `-$1,234.56`), like `Intl`.
 */
export class Money {
  private constructor(
    readonly cents: number,
    readonly currency: Currency,
  ) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidMoney} unless `cents` is a safe integer. */
  static ofCents(cents: number, hint?: FieldHint): Money {
    return Money.of(cents, 'CAD', hint);
  }

  /** For amounts stored with their currency: throws {@link UnsupportedCurrency} for anything but CAD. */
  static of(cents: number, currency: string, hint?: FieldHint): Money {
    if (!SUPPORTED_CURRENCIES.includes(currency as Currency)) throw new UnsupportedCurrency(String(currency));
    if (typeof cents !== 'number' || !Number.isInteger(cents)) throw new InvalidMoney('not-integer', hint);
    if (!Number.isSafeInteger(cents)) throw new InvalidMoney('out-of-range', hint);
    return new Money(normalizeZero(cents), currency as Currency);
  }

  static zero(): Money {
    return ZERO;
  }

  /**
   * Dollars written by a person: `12.34`, `12,34`, `12`, `12.5`, `-3,00`, `1 234,56` (space, no-break
   * or narrow no-break space between groups of three). Up to two decimals; no `$`, no `1,234.56`
   * (a comma is always the decimal separator). Throws {@link InvalidMoney}.
   */
  static fromDecimalString(raw: string, hint?: FieldHint): Money {
    const match = typeof raw === 'string' ? DECIMAL_AMOUNT.exec(raw.trim()) : null;
    if (!match) throw new InvalidMoney('format', hint);
    const [, minus, dollars, fraction = ''] = match;
    const magnitude = BigInt(dollars.replace(/\D/g, '')) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
    if (magnitude > MAX_CENTS) throw new InvalidMoney('out-of-range', hint);
    return new Money(normalizeZero(Number(minus ? -magnitude : magnitude)), 'CAD');
  }

  /** The sum of `amounts`; zero for an empty list. */
  static sum(amounts: readonly Money[]): Money {
    return amounts.reduce((total, amount) => total.add(amount), ZERO);
  }

  static max(first: Money, ...others: Money[]): Money {
    return others.reduce((best, amount) => (amount.isGreaterThan(best) ? amount : best), first);
  }

  static min(first: Money, ...others: Money[]): Money {
    return others.reduce((best, amount) => (amount.isLessThan(best) ? amount : best), first);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return this.withCents(this.cents + other.cents);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return this.withCents(this.cents - other.cents);
  }

  /** Times a whole quantity (2 $ × 12 participants). */
  multiply(quantity: number): Money {
    if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be an integer, got ${quantity}`);
    return this.withCents(this.cents * quantity);
  }

  negate(): Money {
    return this.withCents(-this.cents);
  }

  abs(): Money {
    return this.cents < 0 ? this.negate() : this;
  }

  /**
   * This amount times `rate`, rounded to the cent (half away from zero by default): the tax on a
   * price is `price.applyRate(Rate.ofPercent('9.975'))`. Compute each tax on the base separately.
   */
  applyRate(rate: Rate, rounding: RoundingMode = 'half-up'): Money {
    const cents = divideAndRound(BigInt(this.cents) * rate.numerator, rate.denominator, rounding);
    return this.withCents(toSafeNumber(cents));
  }

  /**
   * Splits the amount in proportion to `ratios` (non-negative integers, not all zero) without losing
   * or creating a cent: the parts add up to this amount exactly. Leftover cents go to the parts with
   * the largest remainders, the earlier part first on a tie. `allocate([1, 1, 1])` of 100.00 gives
   * 33.34, 33.33, 33.33.
   */
  allocate(ratios: readonly number[]): Money[] {
    if (ratios.length === 0) throw new RangeError('allocate needs at least one ratio');
    if (!ratios.every((r) => Number.isSafeInteger(r) && r >= 0)) {
      throw new RangeError('allocate needs non-negative integer ratios');
    }
    const total = ratios.reduce((sum, r) => sum + BigInt(r), 0n);
    if (total === 0n) throw new RangeError('allocate needs at least one positive ratio');
    const negative = this.cents < 0;
    const amount = BigInt(Math.abs(this.cents));
    const shares = ratios.map((r) => (amount * BigInt(r)) / total);
    const remainders = ratios.map((r, index) => ({ index, remainder: (amount * BigInt(r)) % total }));
    let leftover = amount - shares.reduce((sum, share) => sum + share, 0n);
    remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of remainders) {
      if (leftover === 0n) break;
      shares[index] += 1n;
      leftover -= 1n;
    }
    return shares.map((share) => this.withCents(toSafeNumber(negative ? -share : share)));
  }

  /** Splits into `parts` amounts as equal as possible (the first ones get the extra cents). */
  allocateEvenly(parts: number): Money[] {
    if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer, got ${parts}`);
    return this.allocate(new Array<number>(parts).fill(1));
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.cents < other.cents ? -1 : this.cents > other.cents ? 1 : 0;
  }

  equals(other: Money | null | undefined): boolean {
    return other instanceof Money && other.currency === this.currency && other.cents === this.cents;
  }

  isGreaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  isGreaterThanOrEqual(other: Money): boolean {
    return this.compare(other) >= 0;
  }

  isLessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  isLessThanOrEqual(other: Money): boolean {
    return this.compare(other) <= 0;
  }

  isZero(): boolean {
    return this.cents === 0;
  }

  isNegative(): boolean {
    return this.cents < 0;
  }

  isPositive(): boolean {
    return this.cents > 0;
  }

  /** `1234.56`, `-0.05`: a machine-readable decimal with a dot and two decimals. */
  toDecimalString(): string {
    const [sign, dollars, cents] = this.parts();
    return `${sign}${dollars}.${cents}`;
  }

  /** `1 234,56 $` (fr, no-break spaces, the fr-CA way) or `$1,234.56` (en). */
  format(lang: Lang = 'fr'): string {
    return this.formatWith(lang, NBSP);
  }

  /** Like {@link Money.format} with ordinary spaces in French: `1 234,56 $`. */
  formatPlain(lang: Lang = 'fr'): string {
    return this.formatWith(lang, ' ');
  }

  /** `1234.56 CAD`, for logs and debugging. */
  toString(): string {
    return `${this.toDecimalString()} ${this.currency}`;
  }

  /** The integer cents: what goes into JSON and the database (`bigint`/`integer` column). */
  toJSON(): number {
    return this.cents;
  }

  private formatWith(lang: Lang, space: string): string {
    const [sign, dollars, cents] = this.parts();
    return lang === 'en'
      ? `${sign}$${group(dollars, ',')}.${cents}`
      : `${sign}${group(dollars, space)},${cents}${space}$`;
  }

  private parts(): [sign: string, dollars: string, cents: string] {
    const magnitude = String(Math.abs(this.cents)).padStart(3, '0');
    return [this.cents < 0 ? '-' : '', magnitude.slice(0, -2), magnitude.slice(-2)];
  }

  private withCents(cents: number): Money {
    if (!Number.isSafeInteger(cents)) throw new InvalidMoney('out-of-range');
    return new Money(normalizeZero(cents), this.currency);
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatch(this.currency, other.currency);
  }
}

const ZERO = Money.ofCents(0);

function normalizeZero(cents: number): number {
  // No -0: Object.is(-0, 0) is false, so equality checks and round trips would disagree.
  return cents === 0 ? 0 : cents;
}

function toSafeNumber(value: bigint): number {
  if (value > MAX_CENTS || value < -MAX_CENTS) throw new InvalidMoney('out-of-range');
  return Number(value);
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}
