import { InvalidPhoneNumber } from '../errors/kernel.errors';
import { PhoneNumber } from './phone-number.value-object';

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidPhoneNumber) return error.reason;
    throw error;
  }
  return undefined;
}

describe('PhoneNumber', () => {
  it.each([
    '514-555-1234',
    '(514) 555-1234',
    '+1 514 555 1234',
    '+1-514-555-1234',
    '1 514 555-1234',
    '15145551234',
    '5145551234',
    '514.555.1234',
    ' 514 555 1234 ',
    '+15145551234',
  ])('normalizes %p to E.164', (raw) => {
    const phone = PhoneNumber.parse(raw);
    expect(phone.e164).toBe('+15145551234');
    expect(phone.extension).toBeNull();
    expect(phone.nationalNumber).toBe('5145551234');
    expect(phone.areaCode).toBe('514');
  });

  it.each([
    ['514 555-1234 poste 123', '123'],
    ['514 555-1234, poste 123', '123'],
    ['514-555-1234 POSTE 42', '42'],
    ['514 555-1234 p. 7', '7'],
    ['514 555-1234 ext. 123', '123'],
    ['514 555-1234 ext 123', '123'],
    ['514 555-1234 extension 123456', '123456'],
    ['514-555-1234 x123', '123'],
    ['5145551234x1', '1'],
    ['(514) 555-1234 #55', '55'],
    ['+15145551234;ext=123', '123'],
  ])('reads the extension in %p', (raw, extension) => {
    const phone = PhoneNumber.parse(raw);
    expect(phone.e164).toBe('+15145551234');
    expect(phone.extension).toBe(extension);
  });

  it('takes the extension as a separate argument', () => {
    expect(PhoneNumber.parse('514 555-1234', '123').extension).toBe('123');
    expect(PhoneNumber.parse('514 555-1234', 123).extension).toBe('123');
    expect(PhoneNumber.parse('514 555-1234', ' poste 12 ').extension).toBe('12');
    expect(PhoneNumber.parse('514 555-1234', '').extension).toBeNull();
    expect(PhoneNumber.parse('514 555-1234', null).extension).toBeNull();
  });

  it.each([
    ['', 'format'],
    ['555-1234', 'format'],
    ['514 555 12345', 'format'],
    ['+2 514 555 1234', 'format'],
    ['+33 1 23 45 67 89', 'format'],
    ['+514 555 1234', 'format'],
    ['2 514 555 1234', 'format'],
    ['514 555 1234 +', 'format'],
    ['514-CALL-NOW', 'format'],
    ['poste 123', 'format'],
    [`514 555 1234${' '.repeat(60)}`, 'format'],
    ['014 555 1234', 'area-code'],
    ['114 555 1234', 'area-code'],
    ['911 555 1234', 'area-code'],
    ['514 055 1234', 'exchange'],
    ['514 155 1234', 'exchange'],
    ['514 411 1234', 'exchange'],
    ['514 555 1234 poste 1234567', 'extension'],
  ])('rejects %p (%s)', (raw, reason) => {
    expect(reasonOf(() => PhoneNumber.parse(raw))).toBe(reason);
  });

  it('rejects a bad or doubled separate extension', () => {
    expect(reasonOf(() => PhoneNumber.parse('514 555-1234', '1234567'))).toBe('extension');
    expect(reasonOf(() => PhoneNumber.parse('514 555-1234', '12a'))).toBe('extension');
    expect(reasonOf(() => PhoneNumber.parse('514 555-1234', 1.5))).toBe('extension');
    expect(reasonOf(() => PhoneNumber.parse('514 555-1234 poste 1', '1'))).toBe('extension');
  });

  it('throws KERNEL.INVALID_PHONE_NUMBER with the field hint, also for non-strings', () => {
    expect(() => PhoneNumber.parse('123', undefined, { field: 'telephone' })).toThrow(
      expect.objectContaining({ code: 'KERNEL.INVALID_PHONE_NUMBER', details: { field: 'telephone', reason: 'format' } }),
    );
    expect(() => PhoneNumber.parse(5145551234 as unknown as string)).toThrow(InvalidPhoneNumber);
  });

  it('formats the Quebec way, with the extension in the requested language', () => {
    expect(PhoneNumber.parse('+1 (450) 555-0199').format()).toBe('450 555-0199');
    expect(PhoneNumber.parse('514-555-1234 x123').format('fr')).toBe('514 555-1234 poste 123');
    expect(PhoneNumber.parse('514-555-1234 x123').format('en')).toBe('514 555-1234 ext. 123');
  });

  it('serializes in RFC 3966 style and reads it back', () => {
    const phone = PhoneNumber.parse('514 555-1234', '123');
    expect(phone.toString()).toBe('+15145551234;ext=123');
    expect(JSON.stringify({ phone })).toBe('{"phone":"+15145551234;ext=123"}');
    expect(PhoneNumber.parse(phone.toString()).equals(phone)).toBe(true);
    expect(PhoneNumber.parse('514 555-1234').toJSON()).toBe('+15145551234');
  });

  it('is equal by number and extension', () => {
    const phone = PhoneNumber.parse('514 555-1234');
    expect(phone.equals(PhoneNumber.parse('(514) 555-1234'))).toBe(true);
    expect(phone.equals(PhoneNumber.parse('514 555-1234 x1'))).toBe(false);
    expect(phone.equals(PhoneNumber.parse('514 555-1235'))).toBe(false);
    expect(phone.equals(undefined)).toBe(false);
  });
});
