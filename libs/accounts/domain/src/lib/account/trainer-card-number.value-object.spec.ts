import { InvalidTrainerCardNumber } from './accounts.errors';
import { TrainerCardNumber } from './trainer-card-number.value-object';

describe('TrainerCardNumber', () => {
  it.each([
    ['003-1234', '003-1234'],
    [' 003 - 1234 ', '003-1234'],
    ['ETHC003-1234', '003-1234'],
    ['ethc003-1234', '003-1234'],
    ['003–1234', '003-1234'],
  ])('reads %p as %p', (raw, canonical) => {
    expect(TrainerCardNumber.parse(raw).value).toBe(canonical);
  });

  it('gives the three digits before the hyphen', () => {
    expect(TrainerCardNumber.parse('147-9').series).toBe('147');
  });

  it.each(['', '0031234', '03-1234', '0003-1234', '003-', 'ETH003-1234', '003-123456789', 'ABCD-1234'])('refuses %p', (raw) => {
    expect(() => TrainerCardNumber.parse(raw)).toThrow(InvalidTrainerCardNumber);
    expect(TrainerCardNumber.tryParse(raw)).toBeNull();
  });

  it('tryParse reads a valid number like parse', () => {
    expect(TrainerCardNumber.tryParse('ETHC003-1234')?.value).toBe('003-1234');
  });

  it('equals the same card typed differently', () => {
    expect(TrainerCardNumber.parse('ETHC003-1234').equals(TrainerCardNumber.parse('003-1234'))).toBe(true);
    expect(TrainerCardNumber.parse('003-1234').equals(TrainerCardNumber.parse('003-1235'))).toBe(false);
  });
});
