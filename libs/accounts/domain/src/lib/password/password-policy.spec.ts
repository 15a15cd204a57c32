import { inspect } from 'node:util';
import { PasswordRejected } from '../account/accounts.errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordPolicy } from './password-policy';
import { Password } from './password.value-object';

const reasonOf = (plain: string, identifiers = {}): string | undefined => {
  try {
    PasswordPolicy.check(plain, identifiers);
    return undefined;
  } catch (error) {
    if (error instanceof PasswordRejected) return error.reason;
    throw error;
  }
};

describe('PasswordPolicy', () => {
  it('ships the 10,000 most common passwords', () => {
    expect(PasswordPolicy.commonListSize()).toBe(10_000);
    expect(PasswordPolicy.isCommon('123456')).toBe(true);
    expect(PasswordPolicy.isCommon('password')).toBe(true);
  });

  it('accepts a passphrase', () => {
    expect(reasonOf('cheval agrafe pile correcte')).toBeUndefined();
  });

  it(`needs at least ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(reasonOf('Ab3$efgh9')).toBe('too-short');
    expect(reasonOf('Ab3$efgh9k')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units (an emoji is one character)', () => {
    expect(reasonOf('🔒🔒🔒🔒🔒')).toBe('too-short');
    expect(reasonOf('🔒'.repeat(PASSWORD_MIN_LENGTH))).toBeUndefined();
  });

  it(`allows at most ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(reasonOf('x7'.repeat(PASSWORD_MAX_LENGTH / 2))).toBeUndefined();
    expect(reasonOf('x7'.repeat(PASSWORD_MAX_LENGTH / 2) + 'y')).toBe('too-long');
  });

  it.each(['qwertyuiop', '1234567890', 'password123', 'Password123', 'BASKETBALL', 'christopher'])(
    'refuses the common password %p, whatever the case',
    (plain) => {
      expect(reasonOf(plain)).toBe('too-common');
    },
  );

  it('refuses the username or the e-mail address, whatever the case', () => {
    const identifiers = { username: 'tremblays147', email: 'sophie.tremblay@exemple.qc.ca' };
    expect(reasonOf('TremblayS147', identifiers)).toBe('contains-identifier');
    expect(reasonOf('Sophie.Tremblay@exemple.qc.ca', identifiers)).toBe('contains-identifier');
    expect(reasonOf('sophie.tremblay', identifiers)).toBe('contains-identifier');
    expect(reasonOf('sophie.tremblay!', identifiers)).toBeUndefined();
  });

  it('gives a French and an English message with the reason', () => {
    try {
      PasswordPolicy.check('court');
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(PasswordRejected);
      const rejected = error as PasswordRejected;
      expect(rejected.code).toBe('ACCOUNTS.PASSWORD_REJECTED');
      expect(rejected.messageIn('fr')).toBe('Le mot de passe doit compter au moins 10 caractères.');
      expect(rejected.messageIn('en')).toBe('The password must have at least 10 characters.');
      expect(rejected.details).toEqual({ field: 'password', reason: 'too-short' });
    }
  });
});

describe('Password', () => {
  it('applies the policy', () => {
    expect(() => Password.create('password123')).toThrow(PasswordRejected);
  });

  it('never prints its text', () => {
    const password = Password.create('cheval agrafe pile correcte');
    expect(String(password)).toBe('[redacted]');
    expect(JSON.stringify({ password })).toBe('{"password":"[redacted]"}');
    expect(inspect(password)).not.toContain('cheval');
    expect(password.reveal()).toBe('cheval agrafe pile correcte');
  });
});
