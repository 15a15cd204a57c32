import { COMMON_TRANSLATIONS } from './common.translations';
import { defineTranslations, mergeTranslations, translate, type Translations } from './translations';

const APP = defineTranslations({
  fr: { 'app.name': 'Guichet', greeting: 'Bonjour {name}, vous avez {count} messages' },
  en: { 'app.name': 'Guichet', greeting: 'Hello {name}, you have {count} messages' },
});

describe('translations', () => {
  it('gives the text in the requested language', () => {
    expect(translate(COMMON_TRANSLATIONS, 'fr', 'common.skipLink')).toBe('Passer au contenu principal');
    expect(translate(COMMON_TRANSLATIONS, 'en', 'common.skipLink')).toBe('Skip to main content');
    expect(translate(COMMON_TRANSLATIONS, 'fr', 'common.notFound.title')).toBe('Page introuvable');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(APP, 'fr', 'greeting', { name: 'Léa', count: 3 })).toBe('Bonjour Léa, vous avez 3 messages');
    expect(translate(APP, 'en', 'greeting', { name: 'Léa' })).toBe('Hello Léa, you have {count} messages');
  });

  it('falls back to French, then to the key, for a word missing at run time', () => {
    const partial = { fr: { only: 'Seulement en français' }, en: {} } as unknown as Translations<'only' | 'nowhere'>;
    expect(translate(partial, 'en', 'only')).toBe('Seulement en français');
    expect(translate(partial, 'en', 'nowhere')).toBe('nowhere');
  });

  it('does not read inherited properties as words', () => {
    const words = defineTranslations({ fr: { a: 'A' }, en: { a: 'A' } }) as Translations<string>;
    expect(translate(words, 'fr', 'toString')).toBe('toString');
  });

  it('merges an app’s words with the common ones', () => {
    const merged = mergeTranslations(COMMON_TRANSLATIONS, APP);
    expect(translate(merged, 'en', 'app.name')).toBe('Guichet');
    expect(translate(merged, 'en', 'common.home')).toBe('Home');
  });

  it('refuses a key defined twice', () => {
    const clash = defineTranslations({ fr: { 'common.home': 'Maison' }, en: { 'common.home': 'House' } });
    expect(() => mergeTranslations(COMMON_TRANSLATIONS, clash)).toThrow('Translation keys defined twice: common.home');
  });

  it('has the same keys and no empty text in both languages of the common words', () => {
    expect(Object.keys(COMMON_TRANSLATIONS.en).sort()).toEqual(Object.keys(COMMON_TRANSLATIONS.fr).sort());
    for (const dictionary of [COMMON_TRANSLATIONS.fr, COMMON_TRANSLATIONS.en]) {
      for (const text of Object.values<string>(dictionary)) expect(text.trim()).not.toBe('');
    }
  });
});
