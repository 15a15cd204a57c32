import { CurrencyMismatch, InvalidMoney, UnsupportedCurrency } from '../errors/kernel.errors';
import { Money } from './money.value-object';
import { Rate } from './rate.value-object';

const NBSP = '\u00a0';
const cad = (cents: number) => Money.ofCents(cents);

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidMoney) return error.reason;
    throw error;
  }
  return undefined;
}

describe('Money', () => {
  describe('creation', () => {
    it('holds integer cents in CAD', () => {
      const price = Money.ofCents(123_456);
      expect(price.cents).toBe(123_456);
      expect(price.currency).toBe('CAD');
      expect(Object.isFrozen(price)).toBe(true);
      expect(Money.zero().isZero()).toBe(true);
    });

    it('rejects fractional and unsafe cents', () => {
      expect(reasonOf(() => Money.ofCents(12.5))).toBe('not-integer');
      expect(reasonOf(() => Money.ofCents(Number.NaN))).toBe('not-integer');
      expect(reasonOf(() => Money.ofCents('12' as unknown as number))).toBe('not-integer');
      expect(reasonOf(() => Money.ofCents(2 ** 53))).toBe('out-of-range');
      expect(() => Money.ofCents(1.5, { field: 'price' })).toThrow(
        expect.objectContaining({ code: 'KERNEL.INVALID_MONEY', details: { field: 'price', reason: 'not-integer' } }),
      );
    });

    it('accepts CAD and refuses other currencies', () => {
      expect(Money.of(500, 'CAD').equals(cad(500))).toBe(true);
      expect(() => Money.of(500, 'USD')).toThrow(UnsupportedCurrency);
      expect(() => Money.of(500, 'cad')).toThrow(expect.objectContaining({ code: 'KERNEL.UNSUPPORTED_CURRENCY' }));
    });

    it('never keeps negative zero', () => {
      expect(Object.is(Money.ofCents(-0).cents, 0)).toBe(true);
      expect(Object.is(cad(-5).multiply(0).cents, 0)).toBe(true);
      expect(Object.is(Money.fromDecimalString('-0.00').cents, 0)).toBe(true);
    });
  });

  describe('fromDecimalString', () => {
    it.each([
      ['12.34', 1234],
      ['12,34', 1234],
      ['12', 1200],
      ['12.5', 1250],
      ['12,5', 1250],
      ['0.05', 5],
      ['-3,00', -300],
      ['  7.10 ', 710],
      ['1 234,56', 123_456],
      [`1${NBSP}234${NBSP}567,89`, 123_456_789],
      ['1\u202f234.56', 123_456],
      ['0012.00', 1200],
      ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ])('reads %p as %p cents', (raw, cents) => {
      expect(Money.fromDecimalString(raw).cents).toBe(cents);
    });

    it.each(['', '12.345', '1,234.56', '1.234,56', '12 34', '$12', '12 $', '.50', '12.', '+12', '1e3', 'abc', '--1', '1 23,00'])(
      'rejects %p',
      (raw) => {
        expect(reasonOf(() => Money.fromDecimalString(raw))).toBe('format');
      },
    );

    it('rejects amounts beyond safe integer cents', () => {
      expect(reasonOf(() => Money.fromDecimalString('90071992547409.92'))).toBe('out-of-range');
      expect(reasonOf(() => Money.fromDecimalString('99999999999999999999'))).toBe('out-of-range');
    });
  });

  describe('arithmetic', () => {
    it('adds, subtracts, multiplies and negates', () => {
      expect(cad(200).add(cad(150)).cents).toBe(350);
      expect(cad(200).subtract(cad(350)).cents).toBe(-150);
      expect(cad(200).multiply(12).cents).toBe(2400);
      expect(cad(200).multiply(-2).cents).toBe(-400);
      expect(cad(200).negate().cents).toBe(-200);
      expect(cad(-200).abs().cents).toBe(200);
      expect(Money.sum([cad(1), cad(2), cad(3)]).cents).toBe(6);
      expect(Money.sum([]).isZero()).toBe(true);
    });

    it('does not change the original', () => {
      const price = cad(200);
      price.add(cad(1));
      price.multiply(3);
      expect(price.cents).toBe(200);
    });

    it('refuses a fractional quantity', () => {
      expect(() => cad(200).multiply(1.5)).toThrow(RangeError);
    });

    it('throws instead of losing precision', () => {
      const big = Money.ofCents(Number.MAX_SAFE_INTEGER);
      expect(reasonOf(() => big.add(cad(1)))).toBe('out-of-range');
      expect(reasonOf(() => big.negate().subtract(cad(1)))).toBe('out-of-range');
      expect(reasonOf(() => big.multiply(2))).toBe('out-of-range');
    });

    it('refuses to mix currencies', () => {
      // Only CAD exists today: forge a foreign amount to prove the guard.
      const foreign = Object.assign(Object.create(Money.prototype) as object, { cents: 100, currency: 'USD' }) as Money;
      expect(() => cad(100).add(foreign)).toThrow(CurrencyMismatch);
      expect(() => cad(100).compare(foreign)).toThrow(expect.objectContaining({ code: 'KERNEL.CURRENCY_MISMATCH' }));
      expect(cad(100).equals(foreign)).toBe(false);
    });
  });

  describe('rates and taxes', () => {
    const tps = Rate.ofPercent('5');
    const tvq = Rate.ofPercent('9.975');

    it('computes Quebec sales taxes on the base, rounding half up', () => {
      const base = Money.fromDecimalString('100.00');
      expect(base.applyRate(tps).cents).toBe(500);
      expect(base.applyRate(tvq).cents).toBe(998); // 9.975 → 9.98
      expect(Money.fromDecimalString('19.99').applyRate(tvq).cents).toBe(199); // 1.994...
      expect(Money.fromDecimalString('0.10').applyRate(tps).cents).toBe(1); // 0.5 cent → 1
    });

    it('gives a refund the exact opposite tax', () => {
      expect(cad(-10).applyRate(tps).cents).toBe(-1);
      expect(cad(-10_000).applyRate(tvq).cents).toBe(-998);
    });

    it('rounds as asked', () => {
      const third = Rate.ofRatio(1, 3);
      expect(cad(100).applyRate(third).cents).toBe(33);
      expect(cad(200).applyRate(third).cents).toBe(67);
      expect(cad(200).applyRate(third, 'down').cents).toBe(66);
      expect(cad(100).applyRate(third, 'up').cents).toBe(34);
      expect(cad(10).applyRate(tps, 'half-even').cents).toBe(0); // 0.5 → 0
      expect(cad(30).applyRate(tps, 'half-even').cents).toBe(2); // 1.5 → 2
    });

    it('stays exact for large amounts', () => {
      const big = Money.ofCents(9_000_000_000_000);
      expect(big.applyRate(tvq).cents).toBe(897_750_000_000);
      expect(reasonOf(() => Money.ofCents(Number.MAX_SAFE_INTEGER).applyRate(Rate.ofPercent('200')))).toBe(
        'out-of-range',
      );
    });
  });

  describe('allocate', () => {
    it('splits without losing a cent, extra cents to the earlier parts', () => {
      expect(cad(10_000).allocate([1, 1, 1]).map((m) => m.cents)).toEqual([3334, 3333, 3333]);
      expect(cad(5).allocate([3, 7]).map((m) => m.cents)).toEqual([2, 3]); // 1.5 / 3.5: tie, the first wins
      expect(cad(100).allocate([1, 0, 1]).map((m) => m.cents)).toEqual([50, 0, 50]);
      expect(cad(-100).allocate([1, 1, 1]).map((m) => m.cents)).toEqual([-34, -33, -33]);
      expect(cad(0).allocate([1, 2]).map((m) => m.cents)).toEqual([0, 0]);
    });

    it('gives leftover cents to the largest remainders', () => {
      // 101 × 1/6 = 16.83, × 2/6 = 33.67, × 3/6 = 50.5: floors 16 + 33 + 50 = 99, two cents to 33.67 then 16.83.
      expect(cad(101).allocate([1, 2, 3]).map((m) => m.cents)).toEqual([17, 34, 50]);
    });

    it('always sums to the original amount', () => {
      for (const cents of [1, 7, 99, 1001, 123_457, -9_999]) {
        for (const ratios of [[1], [1, 1], [1, 2, 3], [5, 0, 5, 1], [97, 3]]) {
          expect(Money.sum(cad(cents).allocate(ratios)).cents).toBe(cents);
        }
      }
    });

    it('splits evenly', () => {
      expect(cad(1000).allocateEvenly(3).map((m) => m.cents)).toEqual([334, 333, 333]);
      expect(() => cad(1000).allocateEvenly(0)).toThrow(RangeError);
    });

    it.each([[[]], [[0, 0]], [[1, -1]], [[1.5]]])('rejects ratios %p', (ratios) => {
      expect(() => cad(100).allocate(ratios)).toThrow(RangeError);
    });
  });

  describe('comparison', () => {
    it('compares amounts', () => {
      expect(cad(1).compare(cad(2))).toBe(-1);
      expect(cad(2).compare(cad(1))).toBe(1);
      expect(cad(2).compare(cad(2))).toBe(0);
      expect(cad(2).isGreaterThan(cad(1))).toBe(true);
      expect(cad(2).isGreaterThanOrEqual(cad(2))).toBe(true);
      expect(cad(1).isLessThan(cad(2))).toBe(true);
      expect(cad(3).isLessThanOrEqual(cad(2))).toBe(false);
      expect(Money.max(cad(1), cad(5), cad(3)).cents).toBe(5);
      expect(Money.min(cad(1), cad(-5), cad(3)).cents).toBe(-5);
    });

    it('knows its sign', () => {
      expect([cad(0).isZero(), cad(0).isNegative(), cad(0).isPositive()]).toEqual([true, false, false]);
      expect([cad(-1).isNegative(), cad(1).isPositive(), cad(1).isZero()]).toEqual([true, true, false]);
    });

    it('is equal by value', () => {
      expect(cad(5).equals(Money.fromDecimalString('0,05'))).toBe(true);
      expect(cad(5).equals(cad(6))).toBe(false);
      expect(cad(5).equals(null)).toBe(false);
    });
  });

  describe('formatting', () => {
    it.each([
      [123_456, `1${NBSP}234,56${NBSP}$`, '$1,234.56'],
      [123_456_789, `1${NBSP}234${NBSP}567,89${NBSP}$`, '$1,234,567.89'],
      [0, `0,00${NBSP}$`, '$0.00'],
      [5, `0,05${NBSP}$`, '$0.05'],
      [200, `2,00${NBSP}$`, '$2.00'],
      [99_999, `999,99${NBSP}$`, '$999.99'],
      [100_000, `1${NBSP}000,00${NBSP}$`, '$1,000.00'],
      [-123_456, `-1${NBSP}234,56${NBSP}$`, '-$1,234.56'],
    ])('formats %p cents as %p and %p', (cents, fr, en) => {
      expect(cad(cents).format('fr')).toBe(fr);
      expect(cad(cents).format()).toBe(fr);
      expect(cad(cents).format('en')).toBe(en);
    });

    it('matches Intl fr-CA and en-CA of this runtime', () => {
      const fr = new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' });
      const en = new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' });
      for (const cents of [0, 5, 123_456, 123_456_789, -98_765]) {
        expect(cad(cents).format('fr')).toBe(fr.format(cents / 100));
        expect(cad(cents).format('en')).toBe(en.format(cents / 100));
      }
    });

    it('offers a plain-space French form', () => {
      expect(cad(123_456).formatPlain()).toBe('1 234,56 $');
      expect(cad(123_456).formatPlain('en')).toBe('$1,234.56');
    });

    it('gives a decimal string, a debug string and cents in JSON', () => {
      expect(cad(123_456).toDecimalString()).toBe('1234.56');
      expect(cad(-5).toDecimalString()).toBe('-0.05');
      expect(cad(123_456).toString()).toBe('1234.56 CAD');
      expect(JSON.stringify({ total: cad(123_456) })).toBe('{"total":123456}');
      expect(Money.fromDecimalString(cad(-98_765).toDecimalString()).cents).toBe(-98_765);
    });
  });
});
