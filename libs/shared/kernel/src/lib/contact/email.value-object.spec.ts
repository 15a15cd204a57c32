import { InvalidEmail } from '../errors/kernel.errors';
import { Email } from './email.value-object';

function reasonOf(raw: string): string | undefined {
  try {
    Email.parse(raw);
  } catch (error) {
    if (error instanceof InvalidEmail) return error.reason;
    throw error;
  }
  return undefined;
}

describe('Email', () => {
  it('trims and lowercases the whole address', () => {
    const email = Email.parse('  Marie.Tremblay@Exemple.QC.CA ');
    expect(email.value).toBe('marie.tremblay@exemple.qc.ca');
    expect(email.localPart).toBe('marie.tremblay');
    expect(email.domain).toBe('exemple.qc.ca');
    expect(email.toString()).toBe('marie.tremblay@exemple.qc.ca');
    expect(JSON.stringify({ email })).toBe('{"email":"marie.tremblay@exemple.qc.ca"}');
    expect(Object.isFrozen(email)).toBe(true);
  });

  it.each([
    'a@b.ca',
    'jean-francois+inscriptions@ecole.gouv.qc.ca',
    "o'neil@example.com",
    'user_name@sub-domain.example.org',
    'x@xn--qubec-csa.ca',
    `${'a'.repeat(64)}@example.com`,
    `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(57)}.ca`, // 254 characters
  ])('accepts %s', (raw) => {
    expect(Email.isValid(raw)).toBe(true);
  });

  it.each([
    ['', 'format'],
    ['marie', 'format'],
    ['@example.com', 'format'],
    ['marie@', 'format'],
    ['marie@localhost', 'format'],
    ['marie@@example.com', 'format'],
    ['marie tremblay@example.com', 'format'],
    ['.marie@example.com', 'format'],
    ['marie.@example.com', 'format'],
    ['ma..rie@example.com', 'format'],
    ['marie@-example.com', 'format'],
    ['marie@example-.com', 'format'],
    ['marie@example.c', 'format'],
    ['marie@example.123', 'format'],
    ['marie@exemple..ca', 'format'],
    ['marie@québec.ca', 'format'],
    ['"marie"@example.com', 'format'],
    ['marie@[127.0.0.1]', 'format'],
    [`${'a'.repeat(65)}@example.com`, 'format'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(58)}.ca`, 'too-long'],
  ])('rejects %p (%s)', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
    expect(Email.isValid(raw)).toBe(false);
  });

  it('throws KERNEL.INVALID_EMAIL with the field hint, also for non-strings', () => {
    expect(() => Email.parse('nope', { field: 'courriel' })).toThrow(
      expect.objectContaining({ code: 'KERNEL.INVALID_EMAIL', details: { field: 'courriel', reason: 'format' } }),
    );
    expect(() => Email.parse(undefined as unknown as string)).toThrow(InvalidEmail);
  });

  it('is equal by normalized value', () => {
    expect(Email.parse('A@B.CA').equals(Email.parse('a@b.ca'))).toBe(true);
    expect(Email.parse('a@b.ca').equals(Email.parse('a@c.ca'))).toBe(false);
    expect(Email.parse('a@b.ca').equals(null)).toBe(false);
  });
});
