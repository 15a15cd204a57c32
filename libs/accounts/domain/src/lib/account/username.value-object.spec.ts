import { PersonName } from '@guichet/shared/kernel';
import { InvalidUsername } from './accounts.errors';
import { TrainerCardNumber } from './trainer-card-number.value-object';
import { latinLetters, Username } from './username.value-object';

const card = TrainerCardNumber.parse('003-1234');
const derive = (last: string, first: string, cardNumber = card) => Username.forTrainer(PersonName.of(first, last), cardNumber).value;

describe('Username.forTrainer (the manual: 3 letters of the last name, 1 of the first, 3 digits before the hyphen)', () => {
  it('derives the manual’s example: Ethier Claude, card 003-… → ethc003', () => {
    expect(derive('Ethier', 'Claude')).toBe('ethc003');
  });

  it('drops accents: Éthier Émile → ethe003', () => {
    expect(derive('Éthier', 'Émile')).toBe('ethe003');
  });

  it('drops accents written as combining marks (E + U+0301)', () => {
    expect(derive('E\u0301thier', 'Claude')).toBe('ethc003');
  });

  it.each([
    ["O'Neil", 'Marie', 'onem003'],
    ['O’Brien', 'Luc', 'obrl003'],
    ['St-Pierre', 'Jean-Guy', 'stpj003'],
    ['De La Fontaine', 'Ève', 'dele003'],
    ['Côté-Ouellet', 'André', 'cota003'],
    ['Lœuillet', 'Zoé', 'loez003'],
    ['Ærø', 'Ole', 'aero003'],
  ])('drops apostrophes, hyphens and spaces, spells ligatures: %s %s → %s', (last, first, expected) => {
    expect(derive(last, first)).toBe(expected);
  });

  it('takes the three digits before the hyphen of the card, whatever follows', () => {
    expect(derive('Tremblay', 'Sophie', TrainerCardNumber.parse('147-9'))).toBe('tres147');
    expect(derive('Tremblay', 'Sophie', TrainerCardNumber.parse('TRES147-00012345'))).toBe('tres147');
  });

  it('pads a last name shorter than three letters with x, keeping the four-letter shape', () => {
    expect(derive('Ng', 'Anh')).toBe('ngxa003');
    expect(derive('O', 'Li')).toBe('oxxl003');
    expect(derive("D'U", 'Bo')).toBe('duxb003');
  });

  it('uses x for a part with no Latin letter at all', () => {
    expect(derive('王', 'Wei')).toBe('xxxw003');
    expect(derive('Tran', '明')).toBe('trax003');
  });

  it('gives a valid username in every case', () => {
    expect(() => Username.parse(derive('Ng', '明'))).not.toThrow();
  });
});

describe('Username', () => {
  it('accepts and lowercases a typed username', () => {
    expect(Username.parse('  ETHC003 ').value).toBe('ethc003');
  });

  it.each(['', 'ab', '3abc', 'éthc003', 'eth c003', 'a'.repeat(41), 'ethc003@x'])('refuses %p', (raw) => {
    expect(() => Username.parse(raw)).toThrow(InvalidUsername);
    expect(Username.tryParse(raw)).toBeNull();
  });

  it('tryParse reads a valid username like parse', () => {
    expect(Username.tryParse('  ETHC003 ')?.value).toBe('ethc003');
  });

  it('adds a collision suffix with a hyphen', () => {
    expect(Username.parse('ethc003').withSuffix(2).value).toBe('ethc003-2');
    expect(Username.parse('ethc003').withSuffix(17).value).toBe('ethc003-17');
  });

  it('keeps a suffixed long username within 40 characters', () => {
    const long = Username.parse('a'.repeat(40)).withSuffix(12);
    expect(long.value).toHaveLength(40);
    expect(long.value.endsWith('-12')).toBe(true);
  });

  it('refuses suffixes below 2', () => {
    expect(() => Username.parse('ethc003').withSuffix(1)).toThrow(RangeError);
  });

  it('compares by value', () => {
    expect(Username.parse('ethc003').equals(Username.parse('ETHC003'))).toBe(true);
    expect(Username.parse('ethc003').equals(Username.parse('ethc004'))).toBe(false);
  });
});

describe('latinLetters', () => {
  it('keeps only a to z', () => {
    expect(latinLetters("Ça-m'É ß 12")).toBe('camess');
  });
});
