import { TRANSLATED_CONSTRAINTS, translateViolation } from './validation-messages';

describe('translateViolation', () => {
  it('names the field in French and in English', () => {
    const violation = { field: 'address.city', constraint: 'isString', args: [] };
    expect(translateViolation(violation, 'fr')).toBe('« address.city » doit être une chaîne de caractères.');
    expect(translateViolation(violation, 'en')).toBe('“address.city” must be a string.');
  });

  it('fills in the constraint arguments', () => {
    expect(translateViolation({ field: 'name', constraint: 'maxLength', args: [80] }, 'fr')).toBe(
      '« name » doit contenir au plus 80 caractères.',
    );
    expect(translateViolation({ field: 'age', constraint: 'min', args: [1500] }, 'en')).toBe('“age” must be at least 1,500.');
    expect(translateViolation({ field: 'lang', constraint: 'isIn', args: [['fr', 'en']] }, 'en')).toBe(
      '“lang” must be one of: fr, en.',
    );
  });

  it('says an unknown field is not allowed', () => {
    expect(translateViolation({ field: 'isAdmin', constraint: 'whitelistValidation', args: [] }, 'fr')).toBe(
      'Le champ « isAdmin » n’est pas permis.',
    );
  });

  it('falls back to a generic message for a constraint without its own', () => {
    expect(translateViolation({ field: 'colour', constraint: 'isHexColor', args: [] }, 'en')).toBe(
      'The value of “colour” is not valid.',
    );
  });

  it('has a French and an English message for the common constraints', () => {
    for (const constraint of ['isString', 'isInt', 'isEmail', 'whitelistValidation', 'isNotEmpty', 'maxLength', 'nestedValidation']) {
      expect(TRANSLATED_CONSTRAINTS).toContain(constraint);
    }
    for (const constraint of TRANSLATED_CONSTRAINTS) {
      const fr = translateViolation({ field: 'f', constraint, args: [1, 2] }, 'fr');
      const en = translateViolation({ field: 'f', constraint, args: [1, 2] }, 'en');
      expect(fr).not.toBe(en);
      expect(`${fr} ${en}`).not.toMatch(/\{\w+\}/);
    }
  });
});
