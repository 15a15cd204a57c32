import { DEFAULT_LANGUAGE, LANGUAGE_NAMES, isLanguage, otherLanguage } from './language';

describe('languages', () => {
  it('defaults to French', () => {
    expect(DEFAULT_LANGUAGE).toBe('fr');
  });

  it('recognises only fr and en', () => {
    expect(isLanguage('fr')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('FR')).toBe(false);
    expect(isLanguage('fr-CA')).toBe(false);
    expect(isLanguage('')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });

  it('offers the other language, named in itself', () => {
    expect(otherLanguage('fr')).toBe('en');
    expect(otherLanguage('en')).toBe('fr');
    expect(LANGUAGE_NAMES[otherLanguage('fr')]).toBe('English');
    expect(LANGUAGE_NAMES[otherLanguage('en')]).toBe('Français');
  });
});
