import { cardBehaviour, cardBrand, cardDigits, checkCard, isExpired, luhnValid, parseExpiry } from './cards';

describe('card checks', () => {
  it.each(['4242424242424242', '4000000000000002', '4000000000000119', '4000002760003184', '5555555555554444', '378282246310005', '4222222222222'])(
    'accepts the Luhn-valid number %s',
    (digits) => expect(luhnValid(digits)).toBe(true),
  );

  it.each(['4242424242424241', '1234567812345678', '424242424242', '42424242424242424242', '4242 4242 4242 4242', ''])('refuses %p', (digits) =>
    expect(luhnValid(digits)).toBe(false),
  );

  it('reads a typed number with spaces or dashes, and nothing else', () => {
    expect(cardDigits('4242 4242-4242 4242')).toBe('4242424242424242');
    expect(cardDigits('4242 4242 4242 424x')).toBeNull();
  });

  it('knows the brands', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
    expect(cardBrand('9999999999999995')).toBe('unknown');
  });

  it('gives each test card its behaviour, and any other number the approving one', () => {
    expect(cardBehaviour('4242424242424242')).toBe('approve');
    expect(cardBehaviour('4000000000000002')).toBe('decline');
    expect(cardBehaviour('4000000000000119')).toBe('network-error');
    expect(cardBehaviour('4000002760003184')).toBe('challenge');
    expect(cardBehaviour('5555555555554444')).toBe('approve');
  });

  it('reads expiry dates as MM/AA and their variants', () => {
    expect(parseExpiry('04/29')).toEqual({ month: 4, year: 2029 });
    expect(parseExpiry(' 4 / 2031 ')).toEqual({ month: 4, year: 2031 });
    expect(parseExpiry('1230')).toEqual({ month: 12, year: 2030 });
    expect(parseExpiry('13/29')).toBeNull();
    expect(parseExpiry('00/29')).toBeNull();
    expect(parseExpiry('avril')).toBeNull();
  });

  it('keeps a card good until the end of its expiry month', () => {
    const now = new Date(2026, 4, 31, 23, 0); // 31 May 2026
    expect(isExpired({ month: 5, year: 2026 }, now)).toBe(false);
    expect(isExpired({ month: 4, year: 2026 }, now)).toBe(true);
    expect(isExpired({ month: 12, year: 2025 }, now)).toBe(true);
    expect(isExpired({ month: 1, year: 2027 }, now)).toBe(false);
  });

  describe('checkCard', () => {
    const now = new Date(2026, 0, 15);

    it('keeps only brand, last four digits, expiry and behaviour of a good card', () => {
      const result = checkCard({ number: '4000 0027 6000 3184', exp: '04/29', cvc: '123' }, now);
      expect(result).toEqual({ card: { brand: 'visa', last4: '3184', expMonth: 4, expYear: 2029, behaviour: 'challenge' } });
    });

    it('reports each bad field', () => {
      expect(checkCard({ number: '4242 4242 4242 4241', exp: '12/25', cvc: '12' }, now)).toEqual({
        errors: { number: 'number-invalid', exp: 'exp-past', cvc: 'cvc-invalid' },
      });
      expect(checkCard({ number: '', exp: '', cvc: '12345' }, now)).toEqual({
        errors: { number: 'number-required', exp: 'exp-required', cvc: 'cvc-invalid' },
      });
      expect(checkCard({ number: '4242424242424242', exp: '2029-04', cvc: '1234' }, now)).toEqual({ errors: { exp: 'exp-format' } });
    });
  });
});
