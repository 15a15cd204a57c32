import { DOMAIN_ERROR_CODE_PATTERN, DomainError } from './domain.error';
import {
  CurrencyMismatch,
  InvalidEmail,
  InvalidId,
  InvalidLocalDate,
  InvalidMoney,
  InvalidPersonName,
  InvalidPhoneNumber,
  InvalidPostalCode,
  UnsupportedCurrency,
} from './kernel.errors';

const samples: DomainError[] = [
  new InvalidEmail(),
  new InvalidEmail('too-long'),
  new InvalidPostalCode(),
  new InvalidPostalCode('letter'),
  new InvalidPostalCode('region'),
  new InvalidPhoneNumber(),
  new InvalidPhoneNumber('area-code'),
  new InvalidPhoneNumber('exchange'),
  new InvalidPhoneNumber('extension'),
  new InvalidPersonName('first', 'required'),
  new InvalidPersonName('last', 'too-long'),
  new InvalidPersonName('last', 'characters'),
  new InvalidMoney(),
  new InvalidMoney('not-integer'),
  new InvalidMoney('out-of-range'),
  new UnsupportedCurrency('USD'),
  new CurrencyMismatch('CAD', 'USD'),
  new InvalidLocalDate(),
  new InvalidLocalDate('nonexistent'),
  new InvalidLocalDate('out-of-range'),
  new InvalidId('TrainerId'),
];

describe('kernel errors', () => {
  it.each(samples.map((e) => [`${e.name} ${JSON.stringify(e.details)}`, e] as const))(
    '%s has a KERNEL code, kind invalid and two distinct non-empty messages',
    (_label, error) => {
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toMatch(DOMAIN_ERROR_CODE_PATTERN);
      expect(error.code.startsWith('KERNEL.')).toBe(true);
      expect(error.kind).toBe('invalid');
      expect(error.messages.fr).toMatch(/^\S.*\.$/);
      expect(error.messages.en).toMatch(/^\S.*\.$/);
      expect(error.messages.fr).not.toBe(error.messages.en);
    },
  );

  it('exposes the code statically', () => {
    expect(new InvalidEmail().code).toBe(InvalidEmail.code);
    expect(InvalidPostalCode.code).toBe('KERNEL.INVALID_POSTAL_CODE');
    expect(InvalidPhoneNumber.code).toBe('KERNEL.INVALID_PHONE_NUMBER');
    expect(InvalidPersonName.code).toBe('KERNEL.INVALID_PERSON_NAME');
    expect(InvalidMoney.code).toBe('KERNEL.INVALID_MONEY');
    expect(InvalidLocalDate.code).toBe('KERNEL.INVALID_LOCAL_DATE');
    expect(CurrencyMismatch.code).toBe('KERNEL.CURRENCY_MISMATCH');
    expect(UnsupportedCurrency.code).toBe('KERNEL.UNSUPPORTED_CURRENCY');
    expect(InvalidId.code).toBe('KERNEL.INVALID_ID');
  });

  it('uses Quebec French wording', () => {
    expect(new InvalidPostalCode().message).toBe('Le code postal doit avoir la forme A1A 1A1.');
    expect(new InvalidEmail().message).toBe("L'adresse courriel n'est pas valide.");
    expect(new InvalidPhoneNumber('extension').message).toBe('Le poste doit compter de 1 à 6 chiffres.');
    expect(new InvalidPersonName('first', 'required').message).toBe('Le prénom est obligatoire.');
    expect(new InvalidPersonName('last', 'required').messageIn('en')).toBe('The last name is required.');
  });

  it('puts the reason and the field, when given, in details', () => {
    expect(new InvalidEmail('format', { field: 'contactEmail' }).details).toEqual({
      field: 'contactEmail',
      reason: 'format',
    });
    expect(new InvalidPersonName('last', 'too-long').details).toEqual({ reason: 'too-long', part: 'last' });
    expect(new InvalidId('TrainerId', { field: 'trainerId' }).details).toEqual({
      field: 'trainerId',
      reason: 'format',
      idType: 'TrainerId',
    });
  });
});
