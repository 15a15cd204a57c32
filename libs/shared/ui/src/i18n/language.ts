/** The languages of the platform: French first, English second. */
export const LANGUAGES = ['fr', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

/** French is the default everywhere (Quebec's official language). */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { fr: 'Français', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** With two languages, a switch always offers the one that is not in use. */
export function otherLanguage(language: Language): Language {
  return language === 'fr' ? 'en' : 'fr';
}
