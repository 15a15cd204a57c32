import { InvalidLearnerUserCode } from './accounts.errors';
import { LEARNER_USER_CODE_ALPHABET, LearnerUserCode } from './learner-user-code.value-object';

describe('LearnerUserCode', () => {
  it('normalizes what an operator types', () => {
    expect(LearnerUserCode.parse(' k7m4-q2xp ').value).toBe('K7M4Q2XP');
  });

  it.each(['K7M4Q2X', 'K7M4Q2XP9', 'K7M4Q2X0', 'K7M4Q2XI', 'K7M4Q2XL', 'K7M4Q2XO', 'K7M4Q2XU'])('refuses %p', (raw) => {
    expect(() => LearnerUserCode.parse(raw)).toThrow(InvalidLearnerUserCode);
  });

  it('draws 8 characters of the alphabet from random bytes', () => {
    const code = LearnerUserCode.fromRandomBytes(Uint8Array.from([0, 1, 29, 30, 255, 100, 7, 8]));
    expect(code.value).toHaveLength(8);
    expect([...code.value].every((c) => LEARNER_USER_CODE_ALPHABET.includes(c))).toBe(true);
    expect(code.value.slice(0, 4)).toBe('23Z2');
  });

  it('needs 8 random bytes', () => {
    expect(() => LearnerUserCode.fromRandomBytes(new Uint8Array(7))).toThrow(RangeError);
  });
});
