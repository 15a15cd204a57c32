import { InvalidPersonName } from '../errors/kernel.errors';
import { PersonName } from './person-name.value-object';

function failureOf(first: string, last: string): { part: string; reason: string } | undefined {
  try {
    PersonName.of(first, last);
  } catch (error) {
    if (error instanceof InvalidPersonName) return { part: error.part, reason: error.reason };
    throw error;
  }
  return undefined;
}

describe('PersonName', () => {
  it('trims and collapses inner whitespace', () => {
    const name = PersonName.of('  Marie-Ève \t ', ' Tremblay   Gagnon ');
    expect(name.firstName).toBe('Marie-Ève');
    expect(name.lastName).toBe('Tremblay Gagnon');
    expect(name.fullName()).toBe('Marie-Ève Tremblay Gagnon');
    expect(name.sortableName()).toBe('Tremblay Gagnon, Marie-Ève');
    expect(name.toString()).toBe('Marie-Ève Tremblay Gagnon');
    expect(Object.isFrozen(name)).toBe(true);
  });

  it.each([
    ["Jean-François", "D'Amours"],
    ['Zoé', 'O’Neil'],
    ['J.', 'St. Pierre'],
    ['Łukasz', 'Żółć'],
    ['Nguyễn', 'Văn An'],
    ['Ωmega', 'Ψ'],
    ['李', '小龍'],
    ['A', 'B'],
  ])('accepts %s %s', (first, last) => {
    expect(PersonName.of(first, last).fullName()).toBe(`${first} ${last}`);
  });

  it('normalizes to NFC so decomposed accents compare equal', () => {
    const decomposed = PersonName.of('E\u0301lise', 'Bouchard');
    expect(decomposed.firstName).toBe('Élise');
    expect(decomposed.equals(PersonName.of('Élise', 'Bouchard'))).toBe(true);
  });

  it.each([
    ['', 'Tremblay', 'first', 'required'],
    ['   ', 'Tremblay', 'first', 'required'],
    ['Marie', '', 'last', 'required'],
    ['Marie2', 'Tremblay', 'first', 'characters'],
    ['Marie', 'Tremblay!', 'last', 'characters'],
    ['Marie', '<script>', 'last', 'characters'],
    ['Marie', 'Tremblay_Gagnon', 'last', 'characters'],
    ['Marie', 'Tremblay@', 'last', 'characters'],
    ['-', 'Tremblay', 'first', 'characters'],
    ["'.", 'Tremblay', 'first', 'characters'],
    ['Marie', 'Tremblay\u200b', 'last', 'characters'],
    ['a'.repeat(101), 'Tremblay', 'first', 'too-long'],
    ['Marie', 'é'.repeat(101), 'last', 'too-long'],
  ])('rejects %p %p: %s name %s', (first, last, part, reason) => {
    expect(failureOf(first, last)).toEqual({ part, reason });
  });

  it('counts characters, not UTF-16 units, for the 100 limit', () => {
    expect(PersonName.of('𝒜'.repeat(100), 'B').firstName).toHaveLength(200);
    expect(PersonName.of('a'.repeat(100), 'é'.repeat(100)).lastName).toHaveLength(100);
  });

  it('throws KERNEL.INVALID_PERSON_NAME naming the part, also for non-strings', () => {
    expect(() => PersonName.of('Marie', '', { field: 'participant' })).toThrow(
      expect.objectContaining({
        code: 'KERNEL.INVALID_PERSON_NAME',
        message: 'Le nom est obligatoire.',
        details: { field: 'participant', reason: 'required', part: 'last' },
      }),
    );
    expect(failureOf(undefined as unknown as string, 'B')).toEqual({ part: 'first', reason: 'required' });
  });

  it('gives initials', () => {
    expect(PersonName.of('Claude', 'Émond').initials()).toBe('C.É.');
    expect(PersonName.of('élise', "d'Amours").initials()).toBe('É.D.');
    expect(PersonName.of('Jean-Pierre', 'Tremblay').initials()).toBe('J.T.');
    expect(PersonName.of("'Aïcha", 'Ben Ali').initials()).toBe('A.B.');
  });

  it('is equal by exact normalized parts and serializes both parts', () => {
    const name = PersonName.of('Marie', 'Tremblay');
    expect(name.equals(PersonName.of(' Marie ', 'Tremblay'))).toBe(true);
    expect(name.equals(PersonName.of('marie', 'Tremblay'))).toBe(false);
    expect(name.equals(null)).toBe(false);
    expect(JSON.stringify(name)).toBe('{"firstName":"Marie","lastName":"Tremblay"}');
  });
});
