import { findCardNumbers, luhnValid } from './card-number-scan';

describe('card number scan', () => {
  it('knows the Luhn check', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
  });

  it('finds sandbox and real-looking card numbers, grouped or not, and shows them masked', () => {
    const text = '{"card":"4242 4242 4242 4242"} amex=378282246310005 mc=5555-5555-5555-4444 declined:4000000000000002';
    expect(findCardNumbers(text, 'log')).toEqual([
      { where: 'log', masked: '424242…4242' },
      { where: 'log', masked: '378282…0005' },
      { where: 'log', masked: '555555…4444' },
      { where: 'log', masked: '400000…0002' },
    ]);
  });

  it('ignores what is not a card: epoch milliseconds, short or Luhn-invalid runs, masked numbers, ids', () => {
    const text = [
      '{"time":1763850000000,"level":30}',
      'CreateAccountsSchema1764100000000',
      'visa •••• 4242',
      'F-2026-000123',
      '0190c6a2-7b1e-7c3d-9f00-1234567890ab',
      // A real request id whose digits and dashes once passed for a card number.
      '"requestId":"87f459e2-f07f-4c40-8495-8201741e56d8"',
      '12345678-1234-4234-8234-123456789012',
      'tok_4242424242424242x',
      '4242424242424241',
      '424242424242',
    ].join('\n');
    expect(findCardNumbers(text, 'log')).toEqual([]);
  });
});
