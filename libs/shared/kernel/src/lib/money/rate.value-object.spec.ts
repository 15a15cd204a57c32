import { divideAndRound, Rate, type RoundingMode } from './rate.value-object';

describe('Rate', () => {
  it('keeps percentages as exact reduced fractions', () => {
    const tvq = Rate.ofPercent('9.975');
    expect([tvq.numerator, tvq.denominator]).toEqual([399n, 4000n]);
    expect(Rate.ofPercent(5).equals(Rate.ofBasisPoints(500))).toBe(true);
    expect(Rate.ofPercent('5.00').equals(Rate.ofRatio(1, 20))).toBe(true);
    expect(Rate.ofPercent(9.975).equals(tvq)).toBe(true);
    expect(Rate.ofPercent('0').equals(Rate.ofRatio(0, 7))).toBe(true);
  });

  it('prints the percentage', () => {
    expect(Rate.ofPercent('9.975').toPercentString()).toBe('9.975');
    expect(Rate.ofBasisPoints(500).toString()).toBe('5 %');
    expect(Rate.ofBasisPoints(1).toPercentString()).toBe('0.01');
    expect(Rate.ofRatio(3, 2).toPercentString()).toBe('150');
    expect(Rate.ofRatio(1, 8).toPercentString()).toBe('12.5');
    expect(Rate.ofRatio(1, 3).toPercentString()).toBe('100/3');
  });

  it.each([
    ['negative percent', () => Rate.ofPercent('-5')],
    ['percent with comma', () => Rate.ofPercent('9,975')],
    ['NaN percent', () => Rate.ofPercent(Number.NaN)],
    ['fractional basis points', () => Rate.ofBasisPoints(997.5)],
    ['negative basis points', () => Rate.ofBasisPoints(-1)],
    ['zero denominator', () => Rate.ofRatio(1, 0)],
    ['fractional ratio', () => Rate.ofRatio(0.5, 2)],
  ])('rejects %s', (_label, make) => {
    expect(make).toThrow(RangeError);
  });
});

describe('divideAndRound', () => {
  const cases: [bigint, bigint, RoundingMode, bigint][] = [
    [5n, 2n, 'half-up', 3n],
    [-5n, 2n, 'half-up', -3n],
    [7n, 3n, 'half-up', 2n],
    [8n, 3n, 'half-up', 3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-even', -2n],
    [-7n, 2n, 'half-even', -4n],
    [8n, 3n, 'half-even', 3n],
    [7n, 3n, 'half-even', 2n],
    [9n, 4n, 'down', 2n],
    [-9n, 4n, 'down', -2n],
    [9n, 4n, 'up', 3n],
    [-9n, 4n, 'up', -3n],
    [8n, 4n, 'up', 2n],
  ];
  it.each(cases)('%p / %p rounded %s is %p', (n, d, mode, expected) => {
    expect(divideAndRound(n, d, mode)).toBe(expected);
  });
});
