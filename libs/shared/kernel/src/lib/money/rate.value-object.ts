/**
 * How a result that falls between two cents is rounded. Same meaning as Java's `RoundingMode`:
 * - `half-up`: to the nearest cent, halves away from zero (0.5 → 1, -0.5 → -1): Quebec and Canadian
 *   sales taxes are computed this way, and a refund's tax is the exact opposite of the sale's;
 * - `half-even`: to the nearest cent, halves to the even neighbour (banker's rounding);
 * - `down`: toward zero (truncate);
 * - `up`: away from zero.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A non-negative rate kept as an exact fraction, so 9.975 % (TVQ) is not a binary float.
 *
 * ```ts
 * const tps = Rate.ofPercent('5');      // 5 %
 * const tvq = Rate.ofPercent('9.975');  // 9.975 %
 * Rate.ofBasisPoints(250);              // 2.5 %
 * Rate.ofRatio(1, 3);                   // a third
 * ```
 */
export class Rate {
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {
    Object.freeze(this);
  }

  /** 1 basis point = 0.01 %. Integers only: 9.975 % is `ofPercent('9.975')`. */
  static ofBasisPoints(basisPoints: number): Rate {
    if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
      throw new RangeError(`Basis points must be a non-negative integer, got ${basisPoints}`);
    }
    return Rate.ofFraction(BigInt(basisPoints), 10_000n);
  }

  /** A percentage written in decimal, exact (`'9.975'`). A number is read through its shortest decimal form. */
  static ofPercent(percent: string | number): Rate {
    const text = typeof percent === 'number' && Number.isFinite(percent) ? String(percent) : percent;
    const match = typeof text === 'string' ? DECIMAL.exec(text.trim()) : null;
    if (!match) throw new RangeError(`Percent must be a non-negative decimal, got ${String(percent)}`);
    const decimals = match[2] ?? '';
    return Rate.ofFraction(BigInt(match[1] + decimals), 100n * 10n ** BigInt(decimals.length));
  }

  static ofRatio(numerator: number, denominator: number): Rate {
    if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(denominator) || denominator <= 0) {
      throw new RangeError(`Ratio needs integers numerator >= 0 and denominator > 0, got ${numerator}/${denominator}`);
    }
    return Rate.ofFraction(BigInt(numerator), BigInt(denominator));
  }

  private static ofFraction(numerator: bigint, denominator: bigint): Rate {
    const divisor = gcd(numerator, denominator);
    return new Rate(numerator / divisor, denominator / divisor);
  }

  equals(other: Rate | null | undefined): boolean {
    return other instanceof Rate && other.numerator === this.numerator && other.denominator === this.denominator;
  }

  /** E.g. `9.975 %` as `"9.975"`, or the fraction when it has no finite decimal form. */
  toPercentString(): string {
    // A fraction has a finite decimal form when its denominator is 2^a × 5^b; it then needs max(a, b) decimals.
    let denominator = this.denominator;
    let twos = 0;
    let fives = 0;
    while (denominator % 2n === 0n) [denominator, twos] = [denominator / 2n, twos + 1];
    while (denominator % 5n === 0n) [denominator, fives] = [denominator / 5n, fives + 1];
    if (denominator !== 1n) return `${this.numerator * 100n}/${this.denominator}`;
    const digits = Math.max(Math.max(twos, fives) - 2, 0);
    const scaled = (this.numerator * 100n * 10n ** BigInt(digits)) / this.denominator;
    const text = scaled.toString().padStart(digits + 1, '0');
    const whole = text.slice(0, text.length - digits);
    const fraction = text.slice(text.length - digits).replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
  }

  toString(): string {
    return `${this.toPercentString()} %`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** `numerator / denominator` rounded to an integer. `denominator` must be positive. */
export function divideAndRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const step = numerator < 0n ? -1n : 1n;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + step;
    case 'half-up':
      return twiceRemainder >= denominator ? quotient + step : quotient;
    case 'half-even':
      if (twiceRemainder !== denominator) return twiceRemainder > denominator ? quotient + step : quotient;
      return quotient % 2n === 0n ? quotient : quotient + step;
  }
}
